// Waiting for a foreground job: every process the shell started for one command or pipeline,
// each ending or (under job control) stopping in any order. One path for simple commands,
// pipelines and foreground subshells, so that a stop is never lost and every process has
// exactly one timing record, written when it really ends. Also the wait for a $(...)'s one
// process, which cannot stop.
#pragma once

#include <sys/types.h>

#include <functional>
#include <string>
#include <vector>

#include "shell/exec/spawn.hpp"
#include "shell/timing/timing.hpp"

namespace vsh {

class Shell;

// The job as a whole.
struct ForegroundJob {
    bool job_control = false;    // In a process group of its own: it may stop.
    bool hand_terminal = false;  // It was given the terminal, which comes back afterwards.
    pid_t pgid = 0;
    // The job's text as `jobs` shows it, asked for only if the job stops.
    std::function<std::string()> text;
};

// Waits for every process of `job`. Writes the timing record of each process that ended, and
// says on stderr which ones a signal killed, each as it is reaped (print_signal_death); in an
// interactive shell a Ctrl-C that killed any of them gets its newline afterwards.
// Under job control the terminal comes back to the shell, and a job that stopped goes into
// the job table with its notice shown ("[1] + Stopped ..."); the timing records of its
// stopped processes are finished when those really end. Returns a raw wait status for each
// process (a process that never started: an exit with its fixed status).
std::vector<int> wait_foreground(Shell& sh, const std::vector<StartedProcess>& processes,
                                 const ForegroundJob& job);

// A process the shell waited for and a signal killed: the signal's description on stderr
// ("Killed", "Terminated", "Segmentation fault (core dumped)"), as dash writes it, for every
// process of a foreground job (any pipeline stage), a $(...) and a job `wait` names; nothing
// for SIGINT and SIGPIPE, a stop or an exit.
void print_signal_death(Shell& sh, int wait_status);

// After a foreground job in an interactive shell: when Ctrl-C (SIGINT) killed one of its
// processes, a newline, so that the prompt does not follow the ^C the terminal echoed.
void end_interrupted_line(Shell& sh, const std::vector<int>& wait_statuses);

// Waits for one process that is not a job (a $(...)'s) and hands its timing record on (when
// timing is wanted). Returns the raw wait status.
int wait_and_record(Shell& sh, const StartedProcess& process);

// The timing record of a process, as far as its creation tells (the rest is filled in when it
// ends).
ProcessRecord start_record(const SpawnOutcome& outcome, pid_t pid, const std::string& name);

// After a foreground job, in an interactive shell's command loop under job control: when
// Ctrl-C ended the job (a process killed by SIGINT) or Ctrl-Z stopped it, the rest of the
// command line is abandoned (throws CommandLineAbandoned with the job's status), so a loop
// cannot go on without the person who stopped it. dash and bash do the same for Ctrl-C; for
// a stop bash breaks out of loops only.
void abandon_command_line_if_interrupted(Shell& sh, const std::vector<int>& wait_statuses,
                                         int status);

}  // namespace vsh
