// Parent-side helpers shared by every backend: what happens around the process split.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include "backends/backend.hpp"
#include "backends/child.hpp"
#include "backends/spawn_plan.hpp"

namespace vsh::backends::parent {

// Blocks every signal for its lifetime (DESIGN.md rule 2): no shell handler may run in a
// child that shares the shell's memory, nor between the split and the parent's bookkeeping.
class AllSignalsBlocked {
  public:
    AllSignalsBlocked() noexcept;
    ~AllSignalsBlocked();
    AllSignalsBlocked(const AllSignalsBlocked&) = delete;
    AllSignalsBlocked& operator=(const AllSignalsBlocked&) = delete;

  private:
    sigset_t saved_;
};

// Keeps the caller's errno: a vfork/clone child writes the shared errno.
class ErrnoKept {
  public:
    ErrnoKept() noexcept;
    ~ErrnoKept();
    ErrnoKept(const ErrnoKept&) = delete;
    ErrnoKept& operator=(const ErrnoKept&) = delete;

  private:
    int saved_;
};

// Waits for a child that failed before exec, so a failed spawn leaves no zombie. A shell
// SIGCHLD handler cannot get there first: signals are still blocked.
void reap(pid_t pid) noexcept;

// The end of a spawn whose child shared this memory (vfork, clone) and has now exec'd, or
// failed before that: the child is reaped and the error returned, or the child joins its
// group, gets the stop it caught before its exec (finish_spawn) and its pid is returned.
SpawnResult finish_shared_memory_spawn(const SpawnPlan& plan, pid_t pid,
                                       const volatile child::ChildFailure& report) noexcept;

// The parent's side of a child that has exec'd: its process group (set_process_group), and
// the stop signal it caught before the exec, if any, sent on to the program now. The
// program then stops as it would have had the stop come a moment later, and the shell,
// waiting for it with WUNTRACED, sees the job stop.
void finish_spawn(const SpawnPlan& plan, pid_t pid, int stop_signal) noexcept;

// The parent's half of the setpgid race (DESIGN.md rule 4): whichever of parent and child
// runs first puts the child in its group. EACCES after the child's exec is expected.
void set_process_group(const SpawnPlan& plan, pid_t pid) noexcept;

// A descriptor number above every descriptor the plan touches, so the parent's own
// descriptors (the fork backend's error pipe) survive the plan's fd actions. It may equal the
// RLIMIT_NOFILE limit when the plan uses the highest descriptor allowed; then moving fails with
// EINVAL and the caller keeps its descriptor where it was.
int first_fd_above_plan(const SpawnPlan& plan) noexcept;

}  // namespace vsh::backends::parent
