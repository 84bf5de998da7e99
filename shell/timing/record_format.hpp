// How a ProcessRecord is shown: one JSON line for VSH_TIMING_LOG, and the status text that the
// log and the `time` breakdown share.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>

#include "shell/timing/timing.hpp"

namespace vsh {

// A finished child's status as people read it: the exit code ("0", "127") or the signal that
// ended it ("SIGKILL", "SIGSEGV (core dumped)").
[[nodiscard]] std::string wait_status_text(int wait_status);

// One line of the timing log, newline included. Fields (DESIGN.md "Timing mode"):
//   time          wall-clock start of the spawn, unix seconds with six decimals
//   shell_pid     the process that spawned (a subshell's own pid inside a subshell)
//   child_pid     the child
//   backend       "fork", "vfork", "clone", "posix_spawn"
//   fallback      null, or why the selected backend fell back to fork
//   shell_code    true for a forked child running shell code (no backend choice was made)
//   spawn_us      how long the shell was blocked creating the process
//   wall_us       from the start of the spawn to the reaping of the child
//   user_us, sys_us, max_rss_kb   the child's rusage (max_rss_kb: ru_maxrss, KiB)
//   status        exit code (number) or signal name (string, "SIGKILL")
//   argv0         the command name (shell code: a short description)
//   shell_rss_kb  the shell's own resident set size when it spawned
[[nodiscard]] std::string timing_record_json(const ProcessRecord& record, pid_t shell_pid);

// This machine's name (gethostname), read once: the "host" of every record.
[[nodiscard]] const std::string& host_name();

// Microseconds in a struct timeval.
[[nodiscard]] std::int64_t timeval_us(const struct timeval& tv);

}  // namespace vsh
