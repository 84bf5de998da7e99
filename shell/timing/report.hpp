// `vsh --timing-report [--json] FILE`: a summary of a VSH_TIMING_LOG (DESIGN.md "Timing mode").
// Only main() calls into this, for that option: it costs a normal shell run nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vsh {

// Spawn latency of a group of records, in microseconds.
struct LatencyStats {
    std::size_t spawns = 0;
    std::int64_t total_us = 0;
    double median_us = 0;
    double p95_us = 0;
    double p99_us = 0;
};

// One program (argv[0]) of the log: `vsh --timing-report --by-program`.
struct ProgramStats {
    std::string program;
    std::size_t count = 0;
    std::int64_t total_wall_us = 0;
    double median_wall_us = 0;
    std::int64_t total_spawn_us = 0;
    std::size_t fallbacks = 0;
};

// One process on the critical path: its program, start (from the first spawn) and wall time.
struct CriticalStep {
    std::string program;
    std::int64_t start_us = 0;
    std::int64_t wall_us = 0;
};

struct FailureCount {
    std::string program;
    std::string status;  // "exit 1", "SIGKILL"...
    std::size_t count = 0;
};

struct TimingSummary {
    std::size_t records = 0;
    std::size_t shells = 0;                // Distinct shell_pid values.
    std::size_t malformed_lines = 0;       // Lines that were not a valid record (skipped).
    std::size_t first_malformed_line = 0;  // 1-based; 0 when there is none.
    // One row per way of creating a process: the backend name, or "fork (shell code)" for a
    // forked child running shell code. Rows come in registry order (fork, vfork, clone,
    // posix_spawn), then shell code, then any other name alphabetically.
    std::vector<std::pair<std::string, LatencyStats>> by_backend;
    LatencyStats all;
    // Fallbacks to fork, by reason, most frequent first.
    std::vector<std::pair<std::string, std::size_t>> fallbacks;
    std::int64_t children_wall_us = 0;  // Sum of every child's wall time, stopped time too.
    // Job control: the processes that stopped, and the sum of their stopped time (part of
    // children_wall_us, counted apart so that a job left stopped does not pass for work).
    std::size_t stopped_processes = 0;
    std::int64_t children_stopped_us = 0;
    // From the earliest spawn to the latest end of a child (start + wall).
    std::int64_t build_wall_us = 0;
    // all.total_us / build_wall_us: the share of the build spent creating processes (0 when
    // the span is empty). Concurrent shells (make -j) can push it past 1.
    double spawn_share = 0;
    // The processes that created none of the log's processes (not a shell of the log), each
    // counted once: their wall time and CPU time (user + sys) summed.
    std::int64_t leaf_wall_us = 0;
    std::int64_t leaf_cpu_us = 0;
    std::int64_t peak_rss_kb = 0;  // The largest max RSS of any process, and whose.
    std::string peak_rss_program;
    // Non-zero exit statuses and signals, by program and status, most frequent first.
    std::vector<FailureCount> failures;
    // Per program, the largest total wall time first.
    std::vector<ProgramStats> programs;
    // From the first step to the process that ended last (see critical_path in report.cpp).
    std::vector<CriticalStep> critical_path;
};

// Summarises the lines of a timing log. Blank lines are ignored; a line that is not a JSON
// object with at least time, backend, spawn_us and wall_us is counted as malformed.
[[nodiscard]] TimingSummary summarise_timing_log(std::string_view log_text);

// The summary as an aligned text table, and as one JSON object (newline-terminated).
[[nodiscard]] std::string timing_summary_text(const TimingSummary& summary,
                                              std::string_view log_name);
[[nodiscard]] std::string timing_summary_json(const TimingSummary& summary);
// The per-program view (--by-program): a table, or {"records":N,"programs":[...]}.
[[nodiscard]] std::string timing_programs_text(const TimingSummary& summary,
                                               std::string_view log_name);
[[nodiscard]] std::string timing_programs_json(const TimingSummary& summary);

// Two logs side by side (--compare): totals, spawn latency per backend, wall time per program.
[[nodiscard]] std::string timing_compare_text(const TimingSummary& old_summary,
                                              std::string_view old_name,
                                              const TimingSummary& new_summary,
                                              std::string_view new_name);

// argv holds the arguments after --timing-report. Returns the exit status.
int timing_report_main(int argc, char** argv);

}  // namespace vsh
