// The registry of backends and the `auto` policy.
#include <array>

#include "backends/backend.hpp"
#include "backends/each_backend.hpp"

namespace vsh::backends {

const std::vector<Backend*>& all_backends() {
    static const std::vector<Backend*> backends = {&fork_backend(), &vfork_backend(),
                                                   &clone_backend(), &posix_spawn_backend()};
    return backends;
}

Backend* find_backend(std::string_view name) {
    for (Backend* backend : all_backends())
        if (backend->name() == name) return backend;
    return nullptr;
}

Backend* choose_auto(const SpawnPlan& plan, const char** why) {
    // Fastest first. Measured on the development machine (2 cores, Linux 6.18, glibc 2.36),
    // spawning a static `int main(){return 0;}` 2000 times and waiting for each, through
    // each backend's spawn() from a small parent:
    //   hyperfine -N -w 3 -r 30 './bench vfork 2000' './bench clone 2000' './bench posix_spawn
    //   2000' run 1: fork 1.729 s ± 0.387, vfork 1.021 s ± 0.063, clone 0.956 s ± 0.069,
    //          posix_spawn 1.090 s ± 0.071
    //   run 2: vfork 0.978 s ± 0.069, clone 1.024 s ± 0.086, posix_spawn 1.071 s ± 0.071
    // vfork and clone tie within the noise (~0.5 ms per spawn+exec+wait); posix_spawn is
    // 5-10% slower (it walks every signal's disposition and builds file actions); fork is
    // slowest and grows with the shell's memory. clone goes first: as fast as vfork, and its
    // child runs on a stack of its own instead of the shell's.
    static const std::array<Backend*, 4> order = {&clone_backend(), &vfork_backend(),
                                                  &posix_spawn_backend(), &fork_backend()};
    // A foreground job under job control goes through clone too: its child catches a stop
    // that comes before its exec (child::catch_early_stops), which glibc's posix_spawn child
    // cannot, so posix_spawn stays behind clone and vfork.
    const char* first_refusal = nullptr;
    for (Backend* backend : order) {
        const char* refusal = nullptr;
        if (!backend->supported())
            refusal = "not supported on this system";
        else if (backend->can_spawn(plan, &refusal))
            return backend;
        if (first_refusal == nullptr) first_refusal = refusal != nullptr ? refusal : "refused";
        if (why != nullptr) *why = first_refusal;
    }
    return &fork_backend();
}

}  // namespace vsh::backends
