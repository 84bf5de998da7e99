// Building a SpawnPlan from a SpawnRequest, entirely in the parent (DESIGN.md "The backend
// contract"): the arguments, the environment, the descriptor actions, the process group and
// the terminal, the signals the program starts with. Launching it is spawn.cpp's job.
#pragma once

#include <string>
#include <vector>

#include "backends/spawn_plan.hpp"
#include "shell/exec/spawn.hpp"

namespace vsh {

class Shell;
class PreparedRedirections;

// A SpawnPlan with the memory its pointers refer to (the environment of a command with
// VAR=value prefixes) and a /dev/null descriptor it may dup, kept as long as the plan.
class BuiltPlan {
  public:
    BuiltPlan() = default;
    ~BuiltPlan();
    BuiltPlan(const BuiltPlan&) = delete;
    BuiltPlan& operator=(const BuiltPlan&) = delete;

    backends::SpawnPlan plan;

  private:
    friend void build_spawn_plan(Shell&, const SpawnRequest&, PreparedRedirections&, std::string,
                                 BuiltPlan&);
    std::vector<std::string> env_strings_;
    std::vector<char*> env_pointers_;
    int devnull_ = -1;
};

// Fills `built` for running the program at `path` as `request` asks, with the command's
// redirections (`redirs`, prepared) after the request's plumbing; the plan is finalized.
void build_spawn_plan(Shell& sh, const SpawnRequest& request, PreparedRedirections& redirs,
                      std::string path, BuiltPlan& built);

}  // namespace vsh
