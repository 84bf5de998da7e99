#include "shell/interactive/terminal.hpp"

#include <signal.h>
#include <unistd.h>

namespace vsh::interactive {
namespace {

// The terminal the shell took (terminal_fd: standard input, or /dev/tty when standard input is
// a pipe or a file), and its foreground group before; 0 when it did not change hands.
int terminal = -1;
pid_t original_foreground = 0;

// tcsetpgrp from a process that is not in the foreground group raises SIGTTOU; the shell
// means it, so the signal is blocked for the call.
bool set_foreground(pid_t group) {
    sigset_t block, saved;
    sigemptyset(&block);
    sigaddset(&block, SIGTTOU);
    sigprocmask(SIG_BLOCK, &block, &saved);
    int rc = tcsetpgrp(terminal, group);
    sigprocmask(SIG_SETMASK, &saved, nullptr);
    return rc == 0;
}

}  // namespace

TerminalOwnership take_terminal(int fd) {
    if (fd < 0) return TerminalOwnership::Unavailable;
    terminal = fd;
    // A shell started in the background stops here until the user brings it to the
    // foreground (`fg`), instead of fighting the foreground job for the terminal. SIGTTIN
    // must have its default action for that, whatever the shell inherited.
    struct sigaction default_action {};
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    struct sigaction inherited;
    sigaction(SIGTTIN, &default_action, &inherited);
    pid_t foreground = -1;
    // Bounded, in case something keeps continuing the shell while it is in the background.
    for (int attempt = 0; attempt < 100; ++attempt) {
        foreground = tcgetpgrp(terminal);
        if (foreground < 0 || foreground == getpgrp()) break;
        kill(0, SIGTTIN);
    }
    sigaction(SIGTTIN, &inherited, nullptr);
    if (foreground < 0 || foreground != getpgrp()) return TerminalOwnership::Unavailable;

    pid_t self = getpid();
    if (getpgrp() != self && setpgid(0, self) != 0) return TerminalOwnership::Unavailable;
    if (foreground != self) {
        if (!set_foreground(self)) return TerminalOwnership::Unavailable;
        original_foreground = foreground;
    }
    return TerminalOwnership::Taken;
}

void restore_terminal_owner() {
    if (original_foreground == 0) return;
    (void)set_foreground(original_foreground);
    original_foreground = 0;
}

}  // namespace vsh::interactive
