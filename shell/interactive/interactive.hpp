// The interactive shell: prompts, line editing, history, completion, job notifications. The
// only place that knows about GNU Readline, which is loaded at run time (dlopen) so that
// non-interactive runs never pay for it.
#pragma once

namespace vsh {

class Shell;

// Makes the shell interactive (`i` in $-) and sets up what every interactive shell has,
// whether it reads commands from the terminal or runs `-c command_string`: job control (on by
// default on a terminal, unless the command line said +m), the interactive signal
// dispositions, then the start-up files: a login shell's profiles and the rc file ($ENV or
// ~/.vshrc; shell/interactive/startup_files.hpp).
void start_interactive(Shell& sh);

// Runs the read-eval loop on the terminal until end of input or `exit`, then exits the shell
// (through Executor::exit_shell) with the last status: it does not return.
int run_interactive(Shell& sh);

// Work due when an interactive shell exits, whichever way it exits: writes the history file
// (HISTFILE, HISTSIZE) and gives the terminal back to the process group that had it. Does
// nothing in a non-interactive shell, in a subshell, or when called a second time.
void interactive_at_exit(Shell& sh);

}  // namespace vsh
