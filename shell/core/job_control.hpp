// Job control (set -m): each job in its own process group, the foreground job owning the
// terminal when there is one, and stopped jobs kept in the job table. Only a top-level shell
// with monitor on does any of this; subshells never do. Without a terminal (a script that
// says `set -m`, `vsh -m -c ...`) jobs still get their own groups, as XCU 2.11 asks and bash
// does (dash turns -m off instead); only the terminal hand-over is skipped.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace vsh {

class Shell;
struct Job;

// Whether this shell puts each job in a process group of its own.
bool job_control_active(const Shell& sh);

// Whether the shell hands the terminal to a foreground job: an interactive shell on a
// terminal always; a script with set -m when fd 0 is its controlling terminal and the
// shell's group is the terminal's foreground group. A script running in the background of a
// terminal, or without one, leaves it alone. Decided per job, before it starts; the terminal
// comes back (take_terminal_back) only if it was handed over.
bool hands_terminal_to_jobs(Shell& sh);

// The terminal descriptor (a close-on-exec copy of fd 0, at or above 10), or -1.
int terminal_fd(Shell& sh);

// Makes `pgid` the terminal's foreground group (ignoring SIGTTOU while doing so).
void give_terminal(Shell& sh, pid_t pgid);
// Makes the shell's own group the foreground group again.
void take_terminal_back(Shell& sh);

// Whether a foreground job is given the terminal while it runs.
enum class TakeTerminal : unsigned char { No, Yes };

// In a freshly forked child of a job-control shell: join `pgid` (0: lead a new group), take
// the terminal when `take` says so, and restore the job-control signals to their defaults.
void child_enter_job(Shell& sh, pid_t pgid, TakeTerminal take);

// A foreground job that stopped goes into the job table as the current job, and its notice
// ("[1] + Stopped  text") is shown.
void register_stopped_job(Shell& sh, Job job);

// What goes before a "Stopped" notice: in an interactive shell a newline, to leave the line
// where the terminal echoed ^Z; nothing in a script, where no ^Z was echoed.
std::string stop_notice_lead(const Shell& sh);

// Whether an interactive shell should stay rather than exit now: it has stopped jobs, and
// has not just said so. Writes the warning ("You have stopped jobs.") when it returns true;
// the next `exit` or end of input, straight after, leaves (as dash, bash and mksh).
bool hold_exit_for_stopped_jobs(Shell& sh);

}  // namespace vsh
