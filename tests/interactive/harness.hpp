// The pty test harness's shared pieces: a case, the checks, and the session helpers. Cases
// live in main.cpp and in one file per theme (job_control_cases.cpp).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "tests/interactive/pty_session.hpp"

namespace vsh::pty_test {

// The vsh under test (an absolute path), set by main().
inline std::string vsh_binary;

// A failed check: what was expected, with the session's transcript for the report.
struct Failure {
    std::string what;
};

struct Case {
    std::string name;
    std::function<void(const std::string& scratch)> body;
};

// The environment every case starts from: nothing inherited, so the user's ~/.inputrc,
// history and prompt settings cannot change the outcome.
LaunchOptions base_options(const std::string& scratch);

// Throws Failure{what} unless `condition`.
void check(bool condition, const std::string& what);

// Runs `body` against a session, and adds the transcript to any failure.
void with_session(const LaunchOptions& options, const std::function<void(PtySession&)>& body);

// Waits for `text` (kPatience at most), or fails.
void expect(PtySession& session, const std::string& text);

// Waits for vsh to exit with `status`, or fails.
void expect_exit(PtySession& session, int status);

// Ends a session cleanly: `exit 0` at the prompt.
void finish(PtySession& session);

// The job-control cases, each run under every backend.
std::vector<Case> job_control_cases();
// The history cases: the shared history file, HISTCONTROL, `history`, `!` expansion, fc.
std::vector<Case> history_cases();

// The prompt (escapes, PROMPT_COMMAND) and a clean screen (prompt_cases.cpp).
std::vector<Case> prompt_cases();

// Login shells and the start-up files (profiles, $ENV, ~/.vshrc), and logout.
std::vector<Case> login_cases();

// The Tab-completion cases (completion_cases.cpp).
std::vector<Case> completion_cases();

// bash users' habits at a terminal (habits_cases.cpp).
std::vector<Case> habits_cases();

}  // namespace vsh::pty_test
