#include "shell/core/job_control.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shell/core/shell.hpp"
#include "shell/jobs/jobs.hpp"

namespace vsh {

int terminal_fd(Shell& sh) {
    if (sh.tty_fd == -2) {
        sh.tty_fd = -1;
        if (isatty(0)) {
            sh.tty_fd = fcntl(0, F_DUPFD_CLOEXEC, 10);
        } else {
            // A script read from a file or a pipe (`sh -m <script`) still controls jobs on
            // the terminal it runs on, as dash and bash do: they open /dev/tty too.
            int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
            if (fd >= 0) {
                sh.tty_fd = fcntl(fd, F_DUPFD_CLOEXEC, 10);
                close(fd);
            }
        }
    }
    return sh.tty_fd;
}

bool job_control_active(const Shell& sh) {
    return sh.options.monitor && !sh.is_subshell;
}

bool hands_terminal_to_jobs(Shell& sh) {
    const int fd = terminal_fd(sh);
    if (fd < 0) return false;
    // An interactive shell took the terminal when it started (start_interactive), and takes
    // it back after every job whoever holds it.
    if (sh.options.interactive) return true;
    // tcgetpgrp fails (ENOTTY) on a terminal that is not this process's controlling one.
    return tcgetpgrp(fd) == getpgrp();
}

void give_terminal(Shell& sh, pid_t pgid) {
    int fd = terminal_fd(sh);
    if (fd < 0) return;
    // A background process calling tcsetpgrp gets SIGTTOU unless it blocks it.
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGTTOU);
    sigprocmask(SIG_BLOCK, &block, &old);
    tcsetpgrp(fd, pgid);
    sigprocmask(SIG_SETMASK, &old, nullptr);
}

void take_terminal_back(Shell& sh) {
    give_terminal(sh, getpgrp());
}

void child_enter_job(Shell& sh, pid_t pgid, TakeTerminal take) {
    setpgid(0, pgid);
    if (take == TakeTerminal::Yes) give_terminal(sh, pgid == 0 ? getpid() : pgid);
    // An interactive shell ignores these; a script's dispositions are its traps (reset with
    // the subshell's) or were ignored on entry, which stays (XCU 2.11, trap).
    if (sh.options.interactive)
        for (int s : {SIGTSTP, SIGTTIN, SIGTTOU, SIGINT, SIGQUIT, SIGTERM}) signal(s, SIG_DFL);
    sh.options.monitor = false;
    sh.options.interactive = false;
}

std::string stop_notice_lead(const Shell& sh) {
    return sh.options.interactive ? "\n" : "";
}

void register_stopped_job(Shell& sh, Job job) {
    int id = sh.jobs->add(std::move(job));
    sh.out.flush();
    if (const Job* stopped = sh.jobs->find("%" + std::to_string(id)))
        sh.err.write(stop_notice_lead(sh) + job_line(*stopped, '+', job_state_text(*stopped)));
    sh.err.flush();
}

bool hold_exit_for_stopped_jobs(Shell& sh) {
    if (!sh.options.interactive || !job_control_active(sh) || sh.stopped_jobs_warning > 0)
        return false;
    sh.jobs->reap_nonblocking();
    bool any_stopped = false;
    for (const Job& job : sh.jobs->all())
        if (job.state() == JobState::Stopped) any_stopped = true;
    if (!any_stopped) return false;
    sh.out.flush();
    sh.err.write("You have stopped jobs.\n");
    sh.err.flush();
    sh.stopped_jobs_warning = 2;
    return true;
}

}  // namespace vsh
