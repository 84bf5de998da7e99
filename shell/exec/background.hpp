// Asynchronous lists (`cmd &`): the job's processes started without waiting, entered in the
// job table, $! set.
#pragma once

#include <sys/types.h>

#include <vector>

#include "shell/ast/ast.hpp"
#include "shell/exec/spawn.hpp"
#include "shell/jobs/jobs.hpp"

namespace vsh {

class Shell;
class ChildRunner;

// Runs `command &`: a pipeline's stages become the job's processes (`kill %1` and `kill $!`
// reach them, `wait` waits for each); any other command runs in one child. Returns 0, or 2
// when no process could be created.
int run_background(Shell& sh, ChildRunner& runner, const ast::Command& command);

// A background job of the processes started for it: one that never started is done with its
// status; with VSH_TIMING_LOG set each gets a timing record, finished by the job table when it
// reaps the process.
Job background_job(Shell& sh, const std::vector<StartedProcess>& processes);

// Enters `cmd &`'s job in the table, says "[N] pid" in an interactive shell and sets $! to
// `pid`.
void add_background_job(Shell& sh, Job job, pid_t pid);

}  // namespace vsh
