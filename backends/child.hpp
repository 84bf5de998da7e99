// The child side of a spawn, shared by the fork, vfork and clone backends and by
// exec_in_place(). See child.cpp for the rule every function here obeys.
#pragma once

#include "backends/spawn_plan.hpp"

// Keeps AddressSanitizer's instrumentation out of child-side code (ASan builds only): its
// bookkeeping before a noreturn call inspects the current stack, and the clone child runs on a
// stack ASan does not know. Every function on the child side carries it.
#if defined(__SANITIZE_ADDRESS__)
#define VSH_CHILD_SIDE __attribute__((no_sanitize_address))
#else
#define VSH_CHILD_SIDE
#endif

namespace vsh::backends::child {

// What the child tells the parent: why it could not exec (the errno, and which fd action
// failed, -1 for the exec itself), or a stop signal it caught just before its exec. Written by
// the child, read by the parent once the child has exec'd or exited.
struct ChildFailure {
    int error = 0;
    int failed_action = -1;
    // SIGTSTP, SIGTTIN or SIGTTOU caught between unblocking signals and execve in a child
    // that runs in a job's own process group (0: none). The parent sends it to the program
    // once the exec has succeeded (see catch_early_stops in child.cpp).
    int stop_signal = 0;
};

// Where the child reports a ChildFailure. Exactly one of the two is set.
struct ErrorChannel {
    volatile ChildFailure* shared = nullptr;  // vfork/clone: memory in the parent's frame.
    int pipe_fd = -1;                         // fork: write end of a CLOEXEC pipe.
};

// The whole child: every step of the plan in order, then execve; on failure reports through
// `channel` and _exit(127). Called with every signal blocked (the parent blocked them before
// the split).
[[noreturn]] VSH_CHILD_SIDE void run(const SpawnPlan& plan, ErrorChannel channel) noexcept;

// The steps run() takes, in its order; exec_in_place() calls them one by one. Each returns 0
// or an errno.
VSH_CHILD_SIDE void join_process_group(const SpawnPlan& plan) noexcept;
VSH_CHILD_SIDE int take_terminal(const SpawnPlan& plan) noexcept;
// On failure `*failed_action` is the index of the action that failed.
VSH_CHILD_SIDE int apply_fd_actions(const SpawnPlan& plan, int* failed_action) noexcept;
VSH_CHILD_SIDE void reset_signal_dispositions(const SpawnPlan& plan) noexcept;
// For a child in a job's own process group: SIGTSTP, SIGTTIN and SIGTTOU, where they would
// take their default action, are caught instead until the exec (which resets them), and a
// caught one is reported through `channel` as ChildFailure::stop_signal. Without this a stop
// typed (Ctrl-Z) between the signal mask's restore and execve would stop the child before
// its exec and leave the shell waiting for that exec for good: suspended in vfork or clone,
// or reading the fork backend's error pipe.
VSH_CHILD_SIDE void catch_early_stops(const SpawnPlan& plan, ErrorChannel channel) noexcept;
// Parent side, after a vfork or clone spawn: the child set catch_early_stops' report channel
// in the shared memory; it pointed into a frame that is gone now.
void forget_stop_channel() noexcept;
// execve(plan.path), and on ENOEXEC the enoexec shell unless the file looks binary; returns
// only on failure.
VSH_CHILD_SIDE int exec_program(const SpawnPlan& plan) noexcept;

// Whether a file execve refused with ENOEXEC is binary rather than a script: it starts with
// the ELF magic, or has a NUL byte in its first line within its first 128 bytes (the test
// dash and bash make). POSIX lets the
// shell refuse to run a file that is not text as a script (126, "Exec format error").
// Async-signal-safe, so the posix_spawn backend's parent side can ask it too.
VSH_CHILD_SIDE bool looks_binary(const char* path) noexcept;

}  // namespace vsh::backends::child
