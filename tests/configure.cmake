# The autoconf test: our own configure script (tests/configure) run under dash and under
# vsh must produce identical config.h, Makefile and config.status outputs.  run.sh exits 77
# (skipped) only when autoreconf, automake, make or cc is missing; the setup installs them.
find_program(VSH_DASH_FOR_CONFIGURE dash PATHS /bin /usr/bin NO_DEFAULT_PATH)
if(VSH_DASH_FOR_CONFIGURE)
  add_test(NAME configure
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/configure/run.sh $<TARGET_FILE:vsh>
            ${VSH_DASH_FOR_CONFIGURE})
  set_tests_properties(configure PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
else()
  message(STATUS "dash not found: the configure comparison test is not added")
endif()
