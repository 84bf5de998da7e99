// A command that runs in a process of its own, started from the shell without waiting for it:
// a pipeline stage, `cmd &`, the one command of a $(...). The one decision for all three:
// expand the words here when that changes nothing in the shell; then spawn a program through
// the backend, or fork and run the expanded words (a builtin or function); if the expansion
// failed, fork a child that only exits with its status; otherwise fork and run the command
// as shell code.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "backends/spawn_plan.hpp"
#include "shell/ast/ast.hpp"
#include "shell/exec/exec_context.hpp"
#include "shell/exec/spawn.hpp"

namespace vsh {

class Shell;
class ChildRunner;

// What becomes of a program that cannot start (not found, not executable).
enum class Unstarted : unsigned char {
    NoProcess,     // Nothing: the caller takes StartedProcess::fixed_status.
    ExitingChild,  // A child that only exits with that status, so that $! and `wait $!` give
                   // it (`cmd &`).
};

// Whether the child is part of an asynchronous list (`cmd &`, `a | b &`).
enum class Async : unsigned char {
    No,
    UnderJobControl,  // A job in a group of its own.
    Detached,         // Without job control: standard input /dev/null, SIGINT and SIGQUIT
                      // ignored (XCU 2.9.3.1, 2.11).
};

// Where the child's descriptors, group and terminal come from.
struct ChildSetup {
    // Dup2 moves of pipe ends onto 0 and 1, before the command's own redirections.
    std::vector<backends::FdAction> plumbing;
    int parent_end = -1;  // A pipe end the shell keeps: closed in a forked child.
    // The two ends of a $(...)'s pipe, when the stages of its pipeline start from the shell
    // (capture_pipeline): closed in a forked child of a stage that does not write to it.
    int capture_ends[2] = {-1, -1};
    // A pipeline stage writing into a pipe (plumbed onto fd 1) that the next stage, not yet
    // started, reads: a builtin that changes nothing (echo, printf...) may run in the shell
    // and its output go into the pipe, when it fits there (start_expanded).
    bool pure_builtin_in_shell = false;
    backends::ProcessGroup process_group = backends::ProcessGroup::Inherit;
    pid_t pgid = 0;  // With ProcessGroup::Join.
    TakeTerminal take_terminal = TakeTerminal::No;
    Async async = Async::No;
    ErrExit errexit = ErrExit::Active;  // The context that shell code in the child keeps.
    Unstarted unstarted = Unstarted::NoProcess;
};

// Starts `command` in a process of its own as `setup` says; does not wait. Diagnostics of the
// expansion name the command's line. A command substitution in the words keeps them from being
// expanded here: it would read the child's standard input (a pipe in a pipeline, /dev/null in
// the background), and the shell must not wait for it.
StartedProcess start_in_child(Shell& sh, ChildRunner& runner, const ast::Command& command,
                              const ChildSetup& setup);

// A simple command's words, expanded in the parent on a child's behalf (see
// expandable_in_parent), and for an external command the values of its VAR=value prefixes,
// for the child's environment.
struct ExpandedForChild {
    std::vector<std::string> argv;
    std::vector<std::pair<std::string, std::string>> env;
    bool external = false;  // argv[0] names a program (neither builtin nor function).
    // Set when an expansion failed (division by zero, a variable that holds no number): the
    // error is the child's, as if it had expanded the words itself, so it has been reported
    // and the child is to exit with this status; the shell goes on.
    std::optional<int> failed;
};
ExpandedForChild expand_for_child(Shell& sh, const ast::SimpleCommand& simple);

// The same for a simple command whose words expandable_in_parent allows the shell to expand
// ($(...), whose command substitutions the shell waits for anyway).
StartedProcess start_expanded(Shell& sh, ChildRunner& runner, const ast::Command& command,
                              const ast::SimpleCommand& simple, const ChildSetup& setup);
// The same with the words already expanded by expand_for_child.
StartedProcess start_expanded(Shell& sh, ChildRunner& runner, const ast::Command& command,
                              const ast::SimpleCommand& simple, const ChildSetup& setup,
                              ExpandedForChild& expanded);

// Forks a child that runs `command` as shell code, set up as `setup` says; `name` is the
// command in its timing record.
StartedProcess start_shell_code(Shell& sh, ChildRunner& runner, const ast::Command& command,
                                const ChildSetup& setup, std::string name);

// Whether a simple command's words (and redirections) can be expanded in the parent on behalf
// of a child: nothing in them changes shell state. (They may still fail, as $((1/0)) does.)
bool expandable_in_parent(const ast::Command& command, const ast::SimpleCommand& simple,
                          const Shell& sh);

}  // namespace vsh
