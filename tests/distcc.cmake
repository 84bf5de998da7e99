# The distcc recipe (README "Measuring"): `make -j4 CC="distcc cc" SHELL=vsh` against two
# distccd daemons on 127.0.0.1, the timing logs of two builds merged into one trace.
# run.sh exits 77 (skipped) only when distcc, make or cc is missing; the setup installs them.
add_test(NAME distcc-trace
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/distcc/run.sh $<TARGET_FILE:vsh>
          ${CMAKE_CURRENT_BINARY_DIR}/distcc-work)
set_tests_properties(distcc-trace PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
