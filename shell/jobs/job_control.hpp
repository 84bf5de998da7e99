// Job control (set -m): each job in its own process group, the foreground job owning the
// terminal, and stopped jobs kept in the job table. Only a top-level shell with monitor on
// and a terminal does any of this; subshells never do.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace vsh {

class Shell;

// Whether this shell manages process groups and the terminal.
bool job_control_active(Shell& sh);

// The terminal descriptor (a close-on-exec copy of fd 0, at or above 10), or -1.
int terminal_fd(Shell& sh);

// Makes `pgid` the terminal's foreground group (ignoring SIGTTOU while doing so).
void give_terminal(Shell& sh, pid_t pgid);
// Makes the shell's own group the foreground group again.
void take_terminal_back(Shell& sh);

// In a freshly forked child of a job-control shell: join `pgid` (0: lead a new group), take
// the terminal when `foreground`, and restore the job-control signals to their defaults.
void child_enter_job(Shell& sh, pid_t pgid, bool foreground);

// After a foreground job's processes have all exited or stopped: if any stopped, the job
// goes into the job table (reported as Stopped) and true is returned.
bool register_if_stopped(Shell& sh, const std::vector<pid_t>& pids,
                         const std::vector<int>& wait_statuses, pid_t pgid,
                         const std::string& text);

// Whether an interactive shell should stay rather than exit now: it has stopped jobs, and
// has not just said so. Writes the warning ("You have stopped jobs.") when it returns true;
// the next `exit` or end of input, straight after, leaves (as dash, bash and mksh).
bool hold_exit_for_stopped_jobs(Shell& sh);

}  // namespace vsh
