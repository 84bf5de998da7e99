#include "backends/parent_side.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace vsh::backends::parent {

AllSignalsBlocked::AllSignalsBlocked() noexcept {
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &saved_);
}

AllSignalsBlocked::~AllSignalsBlocked() {
    pthread_sigmask(SIG_SETMASK, &saved_, nullptr);
}

ErrnoKept::ErrnoKept() noexcept : saved_(errno) {}

ErrnoKept::~ErrnoKept() {
    errno = saved_;
}

void reap(pid_t pid) noexcept {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
}

SpawnResult finish_shared_memory_spawn(const SpawnPlan& plan, pid_t pid,
                                       const volatile child::ChildFailure& report) noexcept {
    child::forget_stop_channel();
    if (report.error != 0) {
        reap(pid);
        return {-1, report.error, report.failed_action};
    }
    finish_spawn(plan, pid, report.stop_signal);
    return {pid, 0};
}

void finish_spawn(const SpawnPlan& plan, pid_t pid, int stop_signal) noexcept {
    set_process_group(plan, pid);
    if (stop_signal != 0) kill(pid, stop_signal);
}

void set_process_group(const SpawnPlan& plan, pid_t pid) noexcept {
    switch (plan.process_group) {
        case ProcessGroup::Inherit:
            break;
        case ProcessGroup::NewGroup:
            setpgid(pid, pid);
            break;
        case ProcessGroup::Join:
            setpgid(pid, plan.pgid);
            break;
    }
}

int first_fd_above_plan(const SpawnPlan& plan) noexcept {
    // Descriptors at or above RLIMIT_NOFILE cannot be set up (dup2 and open onto them fail,
    // closing them is a no-op), so they do not count, and the answer stays below the limit.
    struct rlimit limit;
    rlim_t ceiling = getrlimit(RLIMIT_NOFILE, &limit) == 0 ? limit.rlim_cur : 1024;
    auto counts = [&](int fd) { return fd >= 0 && static_cast<rlim_t>(fd) < ceiling; };
    // 10 keeps clear of the descriptors scripts use by convention (0-9).
    int highest = std::max(9, plan.tty_fd);
    for (const FdAction& action : plan.fd_actions) {
        if (counts(action.fd)) highest = std::max(highest, action.fd);
        if (counts(action.source_fd)) highest = std::max(highest, action.source_fd);
    }
    return highest + 1;
}

}  // namespace vsh::backends::parent
