// Timing records (DESIGN.md "Timing mode"): one per process the shell creates and waits for.
// The executor fills them in; the timing log (VSH_TIMING_LOG) and `time` in timing mode
// consume them.
#pragma once

#include <sys/resource.h>
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace vsh {

struct ProcessRecord {
    std::string command;             // argv[0] (or a short description for shell code)
    const char* backend = "";        // "fork", "vfork", "clone", "posix_spawn"
    const char* fallback = nullptr;  // Why the selected backend fell back to fork, or null.
    bool shell_code = false;         // A forked subshell running shell code (not a backend choice).
    pid_t pid = 0;
    std::int64_t start_unix_ns = 0;       // Wall-clock time the spawn began.
    std::int64_t start_monotonic_ns = 0;  // The same instant on CLOCK_MONOTONIC (0: unknown).
    std::int64_t spawn_ns = 0;            // How long the shell was blocked creating the process.
    std::int64_t wall_ns = 0;             // From the spawn's start to the reaping of the child.
    int stops = 0;                        // How often the process stopped (job control).
    std::int64_t stopped_ns = 0;          // How much of wall_ns it spent stopped.
    // For a process in a job's own group: "caught" when the backend passes a stop that came
    // before the exec on to the program, "default" when such a stop stops the child before
    // its exec (posix_spawn). Null otherwise.
    const char* early_stop = nullptr;
    struct rusage usage {};  // The child's resource usage (wait4).
    int wait_status = 0;     // Raw wait status.
    long shell_rss_kb = 0;   // The shell's own resident set size when it spawned.
};

// Receives the records of the processes created while it is installed (for `time`).
struct TimingCollector {
    std::vector<ProcessRecord> records;
};

// Current wall-clock and monotonic time in nanoseconds.
std::int64_t unix_time_ns();
std::int64_t monotonic_ns();

// The shell's resident set size in KiB (from /proc/self/statm), or 0.
long shell_rss_kb();

}  // namespace vsh
