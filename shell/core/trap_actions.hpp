// Running trap actions: the trap table (shell/traps/) knows which actions are due; running
// one is running shell code, which needs the shell.
#pragma once

#include <string>

namespace vsh {

class Shell;

// Runs the actions of every pending signal (in the current shell). Preserves $?, unless an
// action ends the shell or, with `return n`, the function the signal arrived in.
void run_pending_traps(Shell& sh);

// Runs the EXIT trap once (on exit of the shell or subshell). An error that would exit the
// shell ends the action with its status.
void run_exit_trap(Shell& sh);

}  // namespace vsh
