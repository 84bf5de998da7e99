// Job control start-up: the interactive shell leads its own process group and owns the
// terminal, like bash and dash. At exit the terminal goes back to the group that had it.
#pragma once

namespace vsh::interactive {

enum class TerminalOwnership : unsigned char {
    Taken,        // The shell's group is the terminal's foreground group.
    Unavailable,  // No controlling terminal, or it could not be taken: no job control.
};

// Waits (stopping on SIGTTIN, as a background job would) until the shell is in the
// terminal's foreground group, then makes the shell a group leader and gives that group the
// terminal `fd` (-1: none). Call before SIGTTIN is ignored.
[[nodiscard]] TerminalOwnership take_terminal(int fd);

// Gives the terminal back to the process group that had it before take_terminal changed it.
void restore_terminal_owner();

}  // namespace vsh::interactive
