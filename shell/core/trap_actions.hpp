// Running trap actions: the trap table (shell/traps/) knows which actions are due; running
// one is running shell code, which needs the shell.
#pragma once

#include <string>

namespace vsh {

class Shell;

// Runs the actions of every pending signal (in the current shell). Preserves $?, unless an
// action ends the shell or, with `return n`, the function the signal arrived in.
void run_pending_traps(Shell& sh);

// Called after a write of the shell's own output failed, before saying so: in a subshell run
// in the shell (exec/inline_subshell.hpp), the SIGPIPE of that write ends it first, silently,
// as it would have ended a child (throws InlineSubshellExit). Elsewhere nothing.
void end_subshell_on_own_signal(Shell& sh);

// Runs the EXIT trap once (on exit of the shell or subshell). An error that would exit the
// shell ends the action with its status.
void run_exit_trap(Shell& sh);

}  // namespace vsh
