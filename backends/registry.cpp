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

Backend* choose_auto(const SpawnPlan& plan) {
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
    // A foreground job under job control goes to fork: every vfork-style child (glibc's
    // posix_spawn included) could be stopped before its exec and leave the shell suspended.
    // posix_spawn still serves such a plan when chosen by name, through
    // posix_spawn_file_actions_addtcsetpgrp_np.
    if (!vfork_style_can_take_terminal(plan, nullptr)) return &fork_backend();
    for (Backend* backend : order)
        if (backend->supported() && backend->can_spawn(plan, nullptr)) return backend;
    return &fork_backend();
}

}  // namespace vsh::backends
