// Runs one spec case under one shell, through Boost.Process v2, in a fresh temp directory.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "tests/spec_runner/case_file.hpp"

namespace vsh::spec {

struct RunOptions {
    std::string shell;                   // the shell binary under test
    std::optional<std::string> backend;  // exported as VSH_BACKEND when set
    std::chrono::seconds timeout{10};    // a hang is a failure, not a stuck CI
};

struct CaseOutcome {
    enum class Ending { Exited, TimedOut, LaunchFailed };
    Ending ending = Ending::Exited;
    std::string stdout_text;
    std::string stderr_text;
    int status = 0;  // as a parent shell's $? would show it: 128+N for death by signal N
    std::string launch_error;
};

// The script runs as `SHELL FILE` with cwd and HOME set to an empty directory, the
// environment reduced to PATH=/usr/bin:/bin, LC_ALL=C, TMPDIR and TEST_SHELL (the shell's
// own path, for cases that start it again), and stdin from the case's stdin section or
// /dev/null.  The shell leads its own process group, so a timeout or a straggling background
// job is killed as a whole.
[[nodiscard]] CaseOutcome run_case(const SpecCase& spec, const RunOptions& options);

// True when the outcome is what the case expects.
[[nodiscard]] bool outcome_matches(const SpecCase& spec, const CaseOutcome& outcome);

// True when standard error contains the needle, ignoring case.
[[nodiscard]] bool stderr_contains(const std::string& stderr_text, const std::string& needle);

}  // namespace vsh::spec
