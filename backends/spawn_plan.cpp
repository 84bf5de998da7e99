#include "backends/spawn_plan.hpp"

namespace vsh::backends {

void SpawnPlan::finalize() {
    // The child only reads these arrays, so they are built here, before the split.
    argv.clear();
    argv.reserve(args.size() + 1);
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);

    enoexec_argv.clear();
    if (enoexec_shell.empty()) return;
    enoexec_argv.reserve(args.size() + 2);
    enoexec_argv.push_back(enoexec_shell.data());
    enoexec_argv.push_back(path.data());
    for (std::size_t i = 1; i < args.size(); ++i) enoexec_argv.push_back(args[i].data());
    enoexec_argv.push_back(nullptr);
}

}  // namespace vsh::backends
