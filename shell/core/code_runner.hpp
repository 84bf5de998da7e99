// The one thing Shell needs from the executor above it.
#pragma once

#include <string_view>

namespace vsh {

// What runs shell code for the shell: the executor (shell/exec/), which sits above Shell and
// is installed by install_executor (shell/exec/executor.hpp). Shell itself only runs text
// (run_string: eval, trap actions, an editor command).
class CodeRunner {
  public:
    virtual ~CodeRunner() = default;
    // Runs `text` as shell code in this shell; returns its exit status.
    virtual int run_text(std::string_view text) = 0;
};

}  // namespace vsh
