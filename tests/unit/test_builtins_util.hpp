// Runs one builtin directly on a Shell and collects what it wrote, for the builtin unit tests.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "builtins/declarations.hpp"
#include "shell/core/shell.hpp"

namespace vsh::testing {

struct BuiltinRun {
    int status;
    std::string out;
    std::string err;
};

inline BuiltinRun run_builtin(Shell& sh, int (*builtin)(Shell&, Args),
                              std::initializer_list<std::string> words) {
    std::vector<std::string> argv(words);
    BuiltinRun run{0, {}, {}};
    sh.out.set_capture(&run.out);
    sh.err.set_capture(&run.err);
    run.status = builtin(sh, argv);
    sh.out.flush();
    sh.err.flush();
    sh.out.set_capture(nullptr);
    sh.err.set_capture(nullptr);
    return run;
}

}  // namespace vsh::testing
