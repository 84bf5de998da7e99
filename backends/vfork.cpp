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
    bool can_spawn(const SpawnPlan& plan, const char** why) const override {
        return vfork_style_can_take_terminal(plan, why);
    }
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

    return parent::finish_shared_memory_spawn(plan, pid, failure.error, failure.failed_action);
}

}  // namespace

Backend& vfork_backend() {
    static VforkBackend backend;
    return backend;
}

}  // namespace vsh::backends
