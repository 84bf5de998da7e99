// fork: a full copy of the shell (copy-on-write page tables). It can honour every plan, so it
// is the fallback; its cost grows with the shell's memory. Exec errors come back through a
// CLOEXEC pipe: EOF means the exec succeeded.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "backends/child.hpp"
#include "backends/each_backend.hpp"
#include "backends/parent_side.hpp"

namespace vsh::backends {
namespace {

class ForkBackend final : public Backend {
  public:
    std::string_view name() const override { return "fork"; }
    bool supported() const override { return true; }
    bool can_spawn(const SpawnPlan&, const char**) const override { return true; }
    SpawnResult spawn(const SpawnPlan& plan) override;
};

bool plan_touches(const SpawnPlan& plan, int fd) {
    for (const FdAction& action : plan.fd_actions)
        if (action.fd == fd || action.source_fd == fd) return true;
    return false;
}

// Both ends of a CLOEXEC pipe, moved above every descriptor the plan touches so that no fd
// action can overwrite or close the write end before the child reports.
bool open_error_pipe(const SpawnPlan& plan, int ends[2], int* error) {
    int raw[2];
    if (pipe2(raw, O_CLOEXEC) < 0) {
        *error = errno;
        return false;
    }
    const int floor = parent::first_fd_above_plan(plan);
    for (int i = 0; i < 2; ++i) {
        if (raw[i] >= floor) {
            ends[i] = raw[i];
            continue;
        }
        ends[i] = fcntl(raw[i], F_DUPFD_CLOEXEC, floor);
        if (ends[i] >= 0) {
            close(raw[i]);
        } else if (errno == EINVAL || errno == EMFILE) {
            // No room above the plan's descriptors: keep the original, unless the plan
            // names it (then no safe place exists).
            if (plan_touches(plan, raw[i])) {
                *error = EMFILE;
                close(raw[i]);
            } else {
                ends[i] = raw[i];
            }
        } else {
            *error = errno;
            close(raw[i]);
        }
    }
    if (ends[0] >= 0 && ends[1] >= 0) return true;
    for (int i = 0; i < 2; ++i)
        if (ends[i] >= 0) close(ends[i]);
    return false;
}

// Reads the child's reports until EOF (the exec closed the pipe): true when one says the
// child failed (in *failure). A stop the child caught before its exec, reported on the way,
// is kept in failure->stop_signal.
bool read_failure(int fd, child::ChildFailure* failure) {
    for (;;) {
        child::ChildFailure report;
        char* into = reinterpret_cast<char*>(&report);
        std::size_t got = 0;
        while (got < sizeof report) {
            ssize_t n = read(fd, into + got, sizeof report - got);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            got += static_cast<std::size_t>(n);
        }
        if (got != sizeof report) return false;
        if (report.error != 0) {
            failure->error = report.error;
            failure->failed_action = report.failed_action;
            return true;
        }
        if (report.stop_signal != 0) failure->stop_signal = report.stop_signal;
    }
}

SpawnResult ForkBackend::spawn(const SpawnPlan& plan) {
    parent::ErrnoKept errno_kept;
    int ends[2] = {-1, -1};
    int error = 0;
    if (!open_error_pipe(plan, ends, &error)) return {-1, error};

    parent::AllSignalsBlocked blocked;
    pid_t pid = fork();
    if (pid == 0) child::run(plan, child::ErrorChannel{nullptr, ends[1]});
    if (pid < 0) error = errno;
    close(ends[1]);

    SpawnResult result{pid, 0};
    child::ChildFailure failure;
    if (pid > 0 && read_failure(ends[0], &failure)) {
        parent::reap(pid);
        result = {-1, failure.error, failure.failed_action};
    } else if (pid > 0) {
        parent::finish_spawn(plan, pid, failure.stop_signal);
    } else {
        result = {-1, error};
    }
    close(ends[0]);
    return result;
}

}  // namespace

Backend& fork_backend() {
    static ForkBackend backend;
    return backend;
}

}  // namespace vsh::backends
