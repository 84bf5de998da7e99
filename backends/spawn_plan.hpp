// Everything a child process needs, computed in the parent before the process split
// (DESIGN.md, "The backend contract"). A backend only reads a plan; the child side may touch
// nothing else. All pointers point into storage the plan owns or the caller keeps alive until
// spawn() returns.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <string>
#include <vector>

namespace vsh::backends {

enum class FdActionKind : unsigned char {
    Dup2,   // dup2(source_fd, fd); if source_fd == fd, clear FD_CLOEXEC on fd instead.
    Close,  // close(fd); closing an fd that is not open is not an error.
    Open,   // open(path, flags, mode) and move the result onto fd.
};

struct FdAction {
    FdActionKind kind = FdActionKind::Close;
    int fd = -1;         // The descriptor the action sets up in the child.
    int source_fd = -1;  // Dup2 only.
    int flags = 0;       // Open only: open(2) flags (O_CLOEXEC is never set here).
    mode_t mode = 0666;  // Open only.
    std::string path;    // Open only.
};

enum class ProcessGroup : unsigned char {
    Inherit,   // Stay in the shell's process group.
    NewGroup,  // Lead a new group (setpgid(0, 0)): the first process of a job.
    Join,      // Join group `pgid` (a later process of the same job).
};

enum class Terminal : unsigned char {
    Leave,       // Do not touch the controlling terminal.
    Foreground,  // Make the child's process group the terminal's foreground group.
};

struct SpawnPlan {
    std::string path;                  // Resolved executable path (contains a '/').
    std::vector<std::string> args;     // argv strings; argv[0] first.
    std::vector<char*> argv;           // NULL-terminated pointers into `args` (see finalize()).
    char* const* envp = nullptr;       // NULL-terminated environment, owned by the caller.
    std::vector<FdAction> fd_actions;  // Applied in order.
    ProcessGroup process_group = ProcessGroup::Inherit;
    pid_t pgid = 0;  // Join only.
    Terminal terminal = Terminal::Leave;
    int tty_fd = -1;           // Terminal::Foreground only.
    sigset_t child_mask;       // The signal mask the new program starts with.
    sigset_t default_signals;  // Signals reset to SIG_DFL in the child (all the shell
                               // catches, plus job-control signals an interactive shell
                               // ignores).
    // Signals set to SIG_IGN in the child: SIGINT and SIGQUIT for an asynchronous list
    // without job control (XCU 2.11). Never also in default_signals.
    sigset_t ignored_signals;
    // True when the caller guarantees that every signal with a handler in this process is in
    // default_signals (vsh knows its own handlers: its traps). The child then resets just
    // those, instead of asking the kernel about every signal on every spawn.
    bool handlers_all_listed = false;
    // When execve fails with ENOEXEC, the child runs this instead: the shell itself on the
    // file (POSIX: a file without #! is a shell script). Empty: no fallback.
    std::string enoexec_shell;
    std::vector<char*> enoexec_argv;  // NULL-terminated: shell, path, args[1..].

    SpawnPlan() {
        sigemptyset(&child_mask);
        sigemptyset(&default_signals);
        sigemptyset(&ignored_signals);
    }
    // Builds argv (and enoexec_argv when enoexec_shell is set) from args. Call after the last
    // change to args, path or enoexec_shell; the plan must not be copied afterwards.
    void finalize();
};

}  // namespace vsh::backends
