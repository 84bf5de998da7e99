#include "shell/exec/fork_shell.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include "shell/base/pipe_peek.hpp"
#include "shell/core/shell.hpp"
#include "shell/traps/traps.hpp"

namespace vsh {

pid_t fork_shell(Shell& sh, ForkedAs role) {
    sigset_t all, saved;
    sigfillset(&all);
    sigprocmask(SIG_SETMASK, &all, &saved);
    const pid_t pid = fork();
    const int fork_errno = errno;
    if (pid == 0) {
        forget_pipe_peek_after_fork();
        // A $(...) running inline in the parent is not this child's: its output, exits and
        // variable changes are the child's own (sh.out's buffer was flushed before the fork).
        sh.inline_subshells = 0;
        sh.inline_children.clear();
        sh.out.forget_capture();
        sh.vars.forget_journals();
        sh.traps->prepare_forked_child();
        if (role == ForkedAs::AsyncList) sh.traps->ignore_for_async_list();
    }
    if (pid > 0 && sh.inline_subshells > 0) sh.inline_children.push_back(pid);
    sigprocmask(SIG_SETMASK, &saved, nullptr);
    errno = fork_errno;
    return pid;
}

}  // namespace vsh
