// What builtins need from the job table, without including it: the job table (shell/jobs/)
// defines these functions.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vsh {

class Shell;

// What `kill %job` signals for the job named by `spec` ("%1", "%%", "%+", "%-", "%name",
// "%?text"): -pgid for a job with its own process group (job control), otherwise the pid of
// each of its processes not yet reaped. nullopt (after no message) if there is no such job,
// with `why` set to the reason ("no such job", "ambiguous job spec").
std::optional<std::vector<pid_t>> job_signal_targets(Shell& sh, std::string_view spec,
                                                     std::string& why);

// After kill sent `signal` to `target` (a pid, or -pgid): a stopped job process that SIGKILL
// or SIGCONT reached is no longer taken as stopped, so that `wait` waits for what it does
// next instead of returning at once with the stale stop status.
void note_signal_sent(Shell& sh, pid_t target, int signal);

}  // namespace vsh
