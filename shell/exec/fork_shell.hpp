// The one place the shell forks a copy of itself to run shell code in a child: subshells,
// `&` lists, $(...) with shell code, pipeline stages that are builtins, functions or compound
// commands, and a command whose redirection opens a FIFO. External commands go through a
// backend instead (backends/).
#pragma once

#include <sys/types.h>

namespace vsh {

class Shell;

// What the child is, for the signals it starts with.
enum class ForkedAs : unsigned char {
    Subshell,   // Any child running shell code.
    AsyncList,  // An asynchronous list without job control: SIGINT and SIGQUIT ignored
                // (XCU 2.11), as if on entry.
};

// fork() for shell code. Every signal is blocked across the split, and in the child, still
// blocked, the dispositions a subshell must not inherit are put right before the mask comes
// back (TrapTable::prepare_forked_child): an interactive shell ignores SIGTERM, SIGQUIT and
// the job-control stops for itself, and a signal that reached the new child before it had
// reset them was discarded. `kill %1` sent to a background job that had not yet run (a busy
// machine) left it running and `wait` waiting for it. A blocked signal is never discarded, so
// it now reaches the child once its dispositions are a subshell's. Returns what fork()
// returns; errno is kept for the caller's message.
pid_t fork_shell(Shell& sh, ForkedAs role = ForkedAs::Subshell);

}  // namespace vsh
