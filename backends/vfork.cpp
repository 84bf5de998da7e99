// vfork: the child borrows the shell's memory and runs on the shell's stack while the shell
// is suspended, so its cost does not grow with the shell's size. The child reports a failed
// exec by writing into this function's frame.
#include <unistd.h>

#include <cerrno>

#include "backends/child.hpp"
#include "backends/each_backend.hpp"
#include "backends/parent_side.hpp"

namespace vsh::backends {
namespace {

class VforkBackend final : public Backend {
  public:
    std::string_view name() const override { return "vfork"; }
    bool supported() const override { return true; }
    // Every plan: a foreground job too, since the child catches a stop that comes before
    // its exec (child::catch_early_stops) instead of stopping with the shell suspended.
    bool can_spawn(const SpawnPlan&, const char**) const override { return true; }
    SpawnResult spawn(const SpawnPlan& plan) override;
};

SpawnResult VforkBackend::spawn(const SpawnPlan& plan) {
    parent::ErrnoKept errno_kept;
    // volatile: written by the child while this frame is suspended, read after vfork returns.
    volatile child::ChildFailure failure;
    parent::AllSignalsBlocked blocked;

    pid_t pid = vfork();
    if (pid == 0) child::run(plan, child::ErrorChannel{&failure, -1});
    if (pid < 0) return {-1, errno};

    return parent::finish_shared_memory_spawn(plan, pid, failure);
}

}  // namespace

Backend& vfork_backend() {
    static VforkBackend backend;
    return backend;
}

}  // namespace vsh::backends
