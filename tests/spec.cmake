# Spec suite: script cases in tests/spec/*.t run by vsh_spec under every process-creation
# backend, and validated against dash so that every difference from dash is a recorded decision.

# Boost.Process v2 from the Boost 1.81 headers, its implementation compiled into vsh_spec
# (spec_runner/boost_process_impl.cpp); with std::filesystem it links no Boost library.
find_package(Threads REQUIRED)
add_executable(vsh_spec
  ${CMAKE_CURRENT_SOURCE_DIR}/spec_runner/main.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/spec_runner/case_file.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/spec_runner/run_case.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/spec_runner/line_diff.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/spec_runner/boost_process_impl.cpp)
target_include_directories(vsh_spec PRIVATE ${CMAKE_SOURCE_DIR})
target_compile_definitions(vsh_spec PRIVATE
  BOOST_PROCESS_USE_STD_FS BOOST_PROCESS_V2_SEPARATE_COMPILATION)
target_link_libraries(vsh_spec PRIVATE Threads::Threads)

file(GLOB VSH_SPEC_CASES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/spec/*.t)
list(SORT VSH_SPEC_CASES)

foreach(backend fork vfork clone posix_spawn auto)
  add_test(NAME spec-${backend}
    COMMAND vsh_spec --shell $<TARGET_FILE:vsh> --backend ${backend} ${VSH_SPEC_CASES})
endforeach()

# The cases themselves are checked against dash: an expectation dash does not meet must be
# marked `# dash: differs — reason` in the case.
find_program(VSH_DASH_PROGRAM dash PATHS /bin /usr/bin NO_DEFAULT_PATH)
if(VSH_DASH_PROGRAM)
  add_test(NAME spec-dash COMMAND vsh_spec --compare-dash ${VSH_DASH_PROGRAM} ${VSH_SPEC_CASES})
else()
  message(STATUS "dash not found: the spec-dash test is not added")
endif()
