// The interactive shell: prompts, line editing, history, job notifications. The only place
// that knows about GNU Readline, which is loaded at run time (dlopen) so that non-interactive
// runs never pay for it.
#pragma once

namespace vsh {

class Shell;

// Runs the read-eval loop on the terminal until end of input or `exit`. Returns the status.
int run_interactive(Shell& sh);

}  // namespace vsh
