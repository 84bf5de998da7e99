// One interface for every way of creating a process (DESIGN.md, "The backend contract").
#pragma once

#include <sys/types.h>

#include <string_view>
#include <vector>

#include "backends/spawn_plan.hpp"

namespace vsh::backends {

// SpawnResult::failed_action when posix_spawn failed: it does not say whether an fd action
// or the exec failed. A caller that needs to know can retry the plan through fork.
inline constexpr int kUnknownFailedStep = -2;

struct SpawnResult {
    pid_t pid = -1;  // The child's pid when error == 0.
    int error = 0;   // errno of the failed spawn or exec; the child, if any, is already reaped.
    // When error != 0: the index in plan.fd_actions of the action that failed, -1 when the
    // process could not be created or could not exec (or take the terminal), or
    // kUnknownFailedStep.
    int failed_action = -1;
};

class Backend {
  public:
    virtual ~Backend() = default;
    // "fork", "vfork", "clone", "posix_spawn".
    virtual std::string_view name() const = 0;
    // Whether this system can use the backend at all.
    virtual bool supported() const = 0;
    // Whether this backend can honour `plan`; if not, the caller falls back to fork and
    // records `why` (a short static string) as the reason.
    virtual bool can_spawn(const SpawnPlan& plan, const char** why) const = 0;
    // Creates the child, which carries out the plan and execs. Returns once the exec has
    // succeeded or failed (every backend reports exec errors synchronously).
    virtual SpawnResult spawn(const SpawnPlan& plan) = 0;
    // Whether a stop signal that reaches a job's process before its exec is caught and passed
    // on to the program (child::catch_early_stops), rather than stopping the child with the
    // shell waiting for its exec.
    virtual bool catches_early_stops() const { return true; }
};

// The registry: every backend in a fixed order (fork, vfork, clone, posix_spawn).
const std::vector<Backend*>& all_backends();
// Looks a backend up by name; "auto" is not a backend but a policy (see choose_auto()).
Backend* find_backend(std::string_view name);
// The backend `auto` uses for `plan` on this system (never null; fork as the last resort).
// When it is not auto's first choice, `*why` (if given) says why the first choice refused.
Backend* choose_auto(const SpawnPlan& plan, const char** why = nullptr);
// The fork backend, which can honour every plan.
Backend& fork_backend();

// Carries out `plan` in the calling process and execs (the shell's last command, `exec cmd`).
// Returns only on failure, with errno; the caller reports it. The fd actions have been applied
// by then, as they would be after a failed exec in a child.
int exec_in_place(const SpawnPlan& plan);

}  // namespace vsh::backends
