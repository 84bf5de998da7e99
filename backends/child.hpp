// The child side of a spawn, shared by the fork, vfork and clone backends and by
// exec_in_place(). See child.cpp for the rule every function here obeys.
#pragma once

#include "backends/spawn_plan.hpp"

namespace vsh::backends::child {

// Why the child could not exec: the errno, and which fd action failed (-1: the exec itself).
// Written by the child, read by the parent once the child has exec'd or exited.
struct ChildFailure {
    int error = 0;
    int failed_action = -1;
};

// Where the child reports a ChildFailure. Exactly one of the two is set.
struct ErrorChannel {
    volatile ChildFailure* shared = nullptr;  // vfork/clone: memory in the parent's frame.
    int pipe_fd = -1;                         // fork: write end of a CLOEXEC pipe.
};

// The whole child: every step of the plan in order, then execve; on failure reports through
// `channel` and _exit(127). Called with every signal blocked (the parent blocked them before
// the split).
[[noreturn]] void run(const SpawnPlan& plan, ErrorChannel channel) noexcept;

// The steps run() takes, in its order; exec_in_place() calls them one by one. Each returns 0
// or an errno.
void join_process_group(const SpawnPlan& plan) noexcept;
int take_terminal(const SpawnPlan& plan) noexcept;
// On failure `*failed_action` is the index of the action that failed.
int apply_fd_actions(const SpawnPlan& plan, int* failed_action) noexcept;
void reset_signal_dispositions(const SpawnPlan& plan) noexcept;
// execve(plan.path), and on ENOEXEC the enoexec shell; returns only on failure.
int exec_program(const SpawnPlan& plan) noexcept;

}  // namespace vsh::backends::child
