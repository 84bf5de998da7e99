// What the files below the executor (pipelines, background jobs, $(...)) ask of it: to run
// shell code as the whole of a forked child. An interface, so that they need not include the
// executor nor call back into it otherwise.
#pragma once

#include <string>
#include <vector>

#include "shell/ast/ast.hpp"
#include "shell/exec/exec_context.hpp"

namespace vsh {

class ChildRunner {
  public:
    // In a forked child: runs `command` as the whole of this process, then exits. `errexit`
    // is the context the child was started in: a subshell or pipeline stage inside an if
    // condition keeps ignoring `set -e`; `cmd &` and $(...) start afresh, as in dash.
    [[noreturn]] virtual void child_run(const ast::Command& command, ErrExit errexit) = 0;

    // In a forked child: runs a simple command whose words the parent already expanded (a
    // builtin or function in a pipeline, in the background or in a $(...)), then exits.
    [[noreturn]] virtual void child_run_expanded(const ast::Command& command,
                                                 const ast::SimpleCommand& simple,
                                                 std::vector<std::string>& argv,
                                                 ErrExit errexit) = 0;

    // In the shell: runs a builtin that changes nothing (BuiltinTraits::Pure: echo, printf...)
    // with the words expanded, its output into `output`. Returns its status.
    virtual int run_pure_builtin(const ast::Command& command, const ast::SimpleCommand& simple,
                                 std::vector<std::string>& argv, std::string& output) = 0;

  protected:
    ~ChildRunner() = default;
};

}  // namespace vsh
