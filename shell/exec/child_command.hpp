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

// The same for a simple command whose words expandable_in_parent allows the shell to expand
// ($(...), whose command substitutions the shell waits for anyway).
StartedProcess start_expanded(Shell& sh, ChildRunner& runner, const ast::Command& command,
                              const ast::SimpleCommand& simple, const ChildSetup& setup);

// Forks a child that runs `command` as shell code, set up as `setup` says; `name` is the
// command in its timing record.
StartedProcess start_shell_code(Shell& sh, ChildRunner& runner, const ast::Command& command,
                                const ChildSetup& setup, std::string name);

// Whether a simple command's words (and redirections) can be expanded in the parent on behalf
// of a child: nothing in them changes shell state. (They may still fail, as $((1/0)) does.)
bool expandable_in_parent(const ast::Command& command, const ast::SimpleCommand& simple,
                          const Shell& sh);

}  // namespace vsh
