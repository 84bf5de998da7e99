// THE RULE for everything in this file: it runs in a child between the process split and
// execve, and after vfork/clone(CLONE_VM) that child shares the shell's memory. So it makes
// only async-signal-safe calls, on memory prepared before the split (the SpawnPlan); no
// malloc, no exceptions, no locks, no stdio, no shell state, no writes to anything the parent
// relies on (errno is the one shared thing it touches; the parent saves and restores it).
// It runs with every signal blocked, so no shell handler can run on this side of the split;
// the one handler it installs itself (record_stop, for the last steps before execve) obeys
// the same rule.
#include "backends/child.hpp"

#include <fcntl.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>

namespace vsh::backends::child {

VSH_CHILD_SIDE void join_process_group(const SpawnPlan& plan) noexcept {
    // Errors are ignored, as in every job-control shell: the parent makes the same call
    // (whichever runs first wins), and a Join whose leader has already gone leaves the
    // process in the shell's group rather than failing the command.
    switch (plan.process_group) {
        case ProcessGroup::Inherit:
            break;
        case ProcessGroup::NewGroup:
            setpgid(0, 0);
            break;
        case ProcessGroup::Join:
            setpgid(0, plan.pgid);
            break;
    }
}

VSH_CHILD_SIDE int take_terminal(const SpawnPlan& plan) noexcept {
    if (plan.terminal != Terminal::Foreground) return 0;
    // SIGTTOU is blocked here (every signal is), so a process in a background group may
    // move the terminal. Failing is an error, as posix_spawn's addtcsetpgrp_np makes it.
    if (tcsetpgrp(plan.tty_fd, getpgrp()) != 0) return errno;
    return 0;
}

namespace {

VSH_CHILD_SIDE int clear_close_on_exec(int fd) noexcept {
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0) return errno;
    if ((flags & FD_CLOEXEC) != 0 && fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC) < 0) return errno;
    return 0;
}

VSH_CHILD_SIDE int open_onto(const FdAction& action) noexcept {
    int opened = open(action.path.c_str(), action.flags, action.mode);
    if (opened < 0) return errno;
    // open() returns the lowest free descriptor, which may be the target itself (it was
    // closed): then it is already in place, and must not be closed.
    if (opened == action.fd) return 0;
    int error = 0;
    if (dup2(opened, action.fd) < 0) error = errno;
    close(opened);
    return error;
}

}  // namespace

VSH_CHILD_SIDE int apply_fd_actions(const SpawnPlan& plan, int* failed_action) noexcept {
    // Indexing, not iterators: plain loads from the plan's storage, nothing else.
    const FdAction* actions = plan.fd_actions.data();
    const int count = static_cast<int>(plan.fd_actions.size());
    for (int i = 0; i < count; ++i) {
        const FdAction& action = actions[i];
        int error = 0;
        switch (action.kind) {
            case FdActionKind::Dup2:
                if (action.source_fd == action.fd)
                    error = clear_close_on_exec(action.fd);
                else if (dup2(action.source_fd, action.fd) < 0)
                    error = errno;
                break;
            case FdActionKind::Close:
                // Closing a descriptor that is not open is not an error (`exec 5>&-`).
                if (close(action.fd) < 0 && errno != EBADF) error = errno;
                break;
            case FdActionKind::Open:
                error = open_onto(action);
                break;
        }
        if (error != 0) {
            *failed_action = i;
            return error;
        }
    }
    return 0;
}

VSH_CHILD_SIDE void reset_signal_dispositions(const SpawnPlan& plan) noexcept {
    struct sigaction default_action = {};
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    struct sigaction ignore_action = default_action;
    ignore_action.sa_handler = SIG_IGN;
    for (int sig = 1; sig < NSIG; ++sig) {
        if (sig == SIGKILL || sig == SIGSTOP) continue;
        if (sigismember(&plan.ignored_signals, sig) == 1) {
            sigaction(sig, &ignore_action, nullptr);
            continue;
        }
        if (sigismember(&plan.default_signals, sig) == 1) {
            sigaction(sig, &default_action, nullptr);
            continue;
        }
        if (plan.handlers_all_listed) continue;
        // A signal the shell catches but the plan forgot: execve would reset it anyway, but
        // once the mask is lowered below, the shell's handler could run here, in the
        // shell's own memory (vfork/clone). Ignored signals stay ignored (POSIX).
        struct sigaction current;
        if (sigaction(sig, nullptr, &current) == 0 && current.sa_handler != SIG_DFL &&
            current.sa_handler != SIG_IGN)
            sigaction(sig, &default_action, nullptr);
    }
}

namespace {

// Where record_stop reports, set by catch_early_stops just before signals are unblocked.
// After vfork or clone these are the shell's own variables (the memory is shared): the parent
// clears them once the spawn is over (parent::finish_shared_memory_spawn). After fork they
// are the child's copies.
volatile ChildFailure* volatile stop_report_shared = nullptr;
volatile int stop_report_pipe = -1;
// Set by the first stop record_stop reports: a stream of stops (kill in a loop) is reported
// once, so the fork backend's pipe never fills.
volatile sig_atomic_t stop_reported = 0;

// The handler for a stop signal that arrives before the exec: it only records it. No
// CLONE_SIGHAND, so this disposition is the child's alone, and execve resets it.
VSH_CHILD_SIDE void record_stop(int signal) {
    if (stop_reported != 0) return;
    stop_reported = 1;
    const int saved_errno = errno;  // errno is the shell's after vfork and clone.
    if (stop_report_shared != nullptr) {
        stop_report_shared->stop_signal = signal;
    } else if (stop_report_pipe >= 0) {
        ChildFailure report;
        report.stop_signal = signal;
        // One write of 12 bytes into a pipe is atomic, so the parent reads whole reports.
        ssize_t written = write(stop_report_pipe, &report, sizeof report);
        (void)written;
    }
    errno = saved_errno;
}

}  // namespace

VSH_CHILD_SIDE void catch_early_stops(const SpawnPlan& plan, ErrorChannel channel) noexcept {
    if (plan.process_group == ProcessGroup::Inherit) return;
    stop_report_shared = channel.shared;
    stop_report_pipe = channel.pipe_fd;
    stop_reported = 0;
    struct sigaction catcher = {};
    catcher.sa_handler = record_stop;
    sigfillset(&catcher.sa_mask);
    catcher.sa_flags = SA_RESTART;
    for (int sig : {SIGTSTP, SIGTTIN, SIGTTOU}) {
        // A stop signal the program is to start with ignored stays ignored.
        struct sigaction current;
        if (sigaction(sig, nullptr, &current) == 0 && current.sa_handler == SIG_DFL)
            sigaction(sig, &catcher, nullptr);
    }
}

void forget_stop_channel() noexcept {
    stop_report_shared = nullptr;
    stop_report_pipe = -1;
    stop_reported = 0;
}

VSH_CHILD_SIDE bool looks_binary(const char* path) noexcept {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    char head[128];
    ssize_t length = read(fd, head, sizeof head);
    close(fd);
    // An ELF file the kernel refused (another machine's, or damaged) is never a script, even
    // when a newline comes before its first NUL byte.
    if (length >= 4 && head[0] == '\x7f' && head[1] == 'E' && head[2] == 'L' && head[3] == 'F')
        return true;
    for (ssize_t i = 0; i < length; ++i) {
        if (head[i] == '\n') return false;
        if (head[i] == '\0') return true;
    }
    return false;
}

VSH_CHILD_SIDE int exec_program(const SpawnPlan& plan) noexcept {
    execve(plan.path.c_str(), plan.argv.data(), plan.envp);
    int error = errno;
    if (error == ENOEXEC && !plan.enoexec_shell.empty() && !looks_binary(plan.path.c_str())) {
        // POSIX: a file the kernel cannot run is a shell script.
        execve(plan.enoexec_shell.c_str(), plan.enoexec_argv.data(), plan.envp);
        error = errno;
    }
    return error;
}

namespace {

[[noreturn]] VSH_CHILD_SIDE void fail(ErrorChannel channel, int error, int failed_action) noexcept {
    if (channel.shared != nullptr) {
        channel.shared->error = error;
        channel.shared->failed_action = failed_action;
    } else {
        ChildFailure failure{error, failed_action};
        // One write of 8 bytes into a pipe is atomic; if it fails the parent sees EOF and
        // the exit status 127 is all that is left to tell.
        ssize_t written = write(channel.pipe_fd, &failure, sizeof failure);
        (void)written;
    }
    _exit(127);
}

}  // namespace

VSH_CHILD_SIDE void run(const SpawnPlan& plan, ErrorChannel channel) noexcept {
    join_process_group(plan);
    if (int error = take_terminal(plan); error != 0) fail(channel, error, -1);
    int failed_action = -1;
    if (int error = apply_fd_actions(plan, &failed_action); error != 0)
        fail(channel, error, failed_action);
    reset_signal_dispositions(plan);
    catch_early_stops(plan, channel);
    sigprocmask(SIG_SETMASK, &plan.child_mask, nullptr);
    int error = exec_program(plan);
    fail(channel, error, -1);
}

}  // namespace vsh::backends::child
