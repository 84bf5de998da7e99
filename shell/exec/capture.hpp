// Command substitution in a child: the process that writes the output (a program spawned
// through the backend, or a fork running shell code), and reading that output from its pipe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "shell/ast/ast.hpp"

namespace vsh {

class Shell;
class ChildRunner;

enum class Captured { All, OutOfMemory };

// Appends everything read from `fd` to `out` until end of file (or a read error). Reads
// straight into the string, not through a buffer on the stack. When the output does not fit
// in memory it stops and returns OutOfMemory with `out` emptied: the caller closes the pipe
// (the writer then gets SIGPIPE), waits for the child as usual, and then reports the error,
// so that no descriptor or zombie is left behind.
Captured capture_output(int fd, std::string& out);

// Offered a builtin or function call whose words are expanded (argv), with no redirection:
// runs it in the shell, its output into `output` and its status into `*status`, and returns
// true; or returns false, having done nothing, and the call gets its child.
using RunInShell =
    std::function<bool(const ast::Command& command, const ast::SimpleCommand&,
                       std::vector<std::string>& argv, std::string& output, int* status)>;

// $(cmd) whose body is one simple command whose words can be expanded here: expands them once,
// then spawns a program through the backend with stdout on a pipe, or offers a builtin or
// function to `in_shell`, and forks for it if declined (child_command.hpp). Returns false
// (having done nothing) when the body is not of that shape; else the output is in `output`
// and the exit status in `*status`.
bool capture_spawned(Shell& sh, ChildRunner& runner, const ast::Command& body, std::string& output,
                     int* status, const RunInShell& in_shell);

// $(a | b ...): a body that is one pipeline. Its stages start from this shell, the last one
// writing into the pipe the output is read from, with no child shell between to run the
// pipeline (dash and bash fork one). Returns false (having done nothing) when the body is
// not of that shape; else the output is in `output` and the pipeline's status in `*status`.
bool capture_pipeline(Shell& sh, ChildRunner& runner, const ast::Command& body, std::string& output,
                      int* status);

// Any other $(...): a forked child runs `body` as shell code. Returns the exit status.
int capture_shell_code(Shell& sh, ChildRunner& runner, const ast::Command& body,
                       std::string& output);

}  // namespace vsh
