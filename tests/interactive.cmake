# Interactive tests: vsh_pty_test drives vsh through a real pseudo-terminal (prompts, line
# editing, history, completion, Ctrl-C/Ctrl-D, job control). It exits 77 when no pty can be
# opened, which ctest reports as skipped.
add_executable(vsh_pty_test
  ${CMAKE_CURRENT_SOURCE_DIR}/interactive/main.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/interactive/pty_session.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/interactive/prompt_cases.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/interactive/harness.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/interactive/job_control_cases.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/interactive/login_cases.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/interactive/history_cases.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/interactive/completion_cases.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/interactive/habits_cases.cpp)
target_include_directories(vsh_pty_test PRIVATE ${CMAKE_SOURCE_DIR})
# forkpty lives in libutil on older glibc (a stub on 2.34+).
target_link_libraries(vsh_pty_test PRIVATE util)
add_dependencies(vsh_pty_test vsh)
add_test(NAME interactive COMMAND vsh_pty_test $<TARGET_FILE:vsh>)
# Run alone: the pty cases poll for output, and a loaded machine only makes them slower.
set_tests_properties(interactive PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 RUN_SERIAL TRUE)
