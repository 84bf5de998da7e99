// clone: what vfork does, spelled out. clone(CLONE_VM | CLONE_VFORK | SIGCHLD) shares the
// shell's memory and suspends the shell until the child execs or exits, but the child runs on
// a stack of its own (mmap'd once, with a guard page, and reused), so it cannot scribble on
// the shell's stack frames. This is how glibc's posix_spawn works inside.
#include <sched.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>

#include "backends/child.hpp"
#include "backends/each_backend.hpp"
#include "backends/parent_side.hpp"

namespace vsh::backends {
namespace {

// The child's stack. The child routine needs a few hundred bytes, but a first call through
// the PLT runs the dynamic linker's resolver, which saves the vector registers on the stack
// (a few KiB with AVX-512); 64 KiB leaves a wide margin. Below it, one PROT_NONE page turns
// an overflow into a SIGSEGV in the child instead of silent damage to the shell's heap.
constexpr std::size_t kStackSize = 64 * 1024;

struct ChildStack {
    void* base = nullptr;  // The guard page, the lowest address of the mapping.
    std::size_t guard = 0;
    std::size_t length = 0;
    // The stack grows down: the child starts at the top.
    void* top() const { return static_cast<char*>(base) + length; }
};

// Mapped on first use and kept: one mmap per shell, not per spawn. The shell spawns from one
// thread only, and the parent is suspended while the child runs, so one stack suffices.
int child_stack(ChildStack* out) {
    static ChildStack cached;
    if (cached.base == nullptr) {
        const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
        ChildStack stack{nullptr, page, page + kStackSize};
        void* mapping = mmap(nullptr, stack.length, PROT_READ | PROT_WRITE,
                             MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
        if (mapping == MAP_FAILED) return errno;
        if (mprotect(mapping, page, PROT_NONE) < 0) {
            int error = errno;
            munmap(mapping, stack.length);
            return error;
        }
        stack.base = mapping;
        cached = stack;
    }
    *out = cached;
    return 0;
}

struct CloneArgument {
    const SpawnPlan* plan;
    volatile child::ChildFailure* failure;
};

VSH_CHILD_SIDE int child_entry(void* raw) {
    auto* argument = static_cast<CloneArgument*>(raw);
    child::run(*argument->plan, child::ErrorChannel{argument->failure, -1});
}

class CloneBackend final : public Backend {
  public:
    std::string_view name() const override { return "clone"; }
    bool supported() const override { return true; }
    // Every plan: a foreground job too, since the child catches a stop that comes before
    // its exec (child::catch_early_stops) instead of stopping with the shell suspended.
    bool can_spawn(const SpawnPlan&, const char**) const override { return true; }
    SpawnResult spawn(const SpawnPlan& plan) override;
};

SpawnResult CloneBackend::spawn(const SpawnPlan& plan) {
    parent::ErrnoKept errno_kept;
    ChildStack stack;
    if (int error = child_stack(&stack); error != 0) return {-1, error};

    volatile child::ChildFailure failure;
    CloneArgument argument{&plan, &failure};
    parent::AllSignalsBlocked blocked;
    // glibc's clone() wrapper switches to `stack` and calls child_entry there; the child
    // keeps the shell's thread pointer, which is safe for the calls child.cpp makes.
    pid_t pid = clone(child_entry, stack.top(), CLONE_VM | CLONE_VFORK | SIGCHLD, &argument);
    if (pid < 0) return {-1, errno};

    return parent::finish_shared_memory_spawn(plan, pid, failure);
}

}  // namespace

Backend& clone_backend() {
    static CloneBackend backend;
    return backend;
}

}  // namespace vsh::backends
