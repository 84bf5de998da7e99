// The executor walks the AST (DESIGN.md "Data flow"). External commands become SpawnPlans
// handed to a backend; shell code that must run in a child gets a real fork.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "shell/ast/ast.hpp"
#include "shell/base/source.hpp"
#include "shell/core/code_runner.hpp"
#include "shell/exec/child_runner.hpp"
#include "shell/exec/exec_context.hpp"
#include "shell/exec/inline_subshell.hpp"
#include "shell/expand/command_substituter.hpp"

namespace vsh {

class Shell;
struct Builtin;

class Executor final : public CommandSubstituter, public CodeRunner, private ChildRunner {
  public:
    explicit Executor(Shell& sh) : sh_(sh) {}

    int run_text(std::string_view text) override {
        StringSource source{std::string(text)};
        return run_source(source);
    }

    // Runs one command; returns its exit status and stores it in $?.
    int run(const ast::Command& command, ExecContext ctx);
    int run_list(const ast::List& list, ExecContext ctx);

    // Reads, parses and runs complete commands from `source` until end of input or `exit`.
    // Returns the status of the last command. `first_line` numbers the source's first line;
    // `reporter` (e.g. "eval") is named in a syntax error, after the file and line, when the
    // text came from a builtin rather than from the shell's input.
    int run_source(InputSource& source, CommandLoop loop = CommandLoop::Script,
                   std::uint32_t first_line = 1, std::string_view reporter = {});

    // Runs $(...) / `...` and returns its output with trailing newlines removed; sets
    // `last_substitution_status_`.
    std::string command_substitution(const ast::Command* body) override;

    // Runs argv as a simple command that has already been expanded (used by `command`,
    // `exec` ...): `functions` says whether functions may be used; a non-empty
    // `search_path` is searched instead of PATH (`command -p`).
    int run_argv(std::vector<std::string>& argv, LastCommand last, Functions functions,
                 std::string_view search_path = {});

    // `exec cmd args`: replaces the shell. Returns only on failure, with the status.
    int exec_replace(std::vector<std::string>& argv);

    // Resolves a command name through PATH and the hash table. Returns the path, or an empty
    // string when not found; `error` gets ENOENT or EACCES.
    std::string find_in_path(const std::string& name, int* error, UseHash use_hash = UseHash::Yes);

    // Exits the current shell process: runs the EXIT trap, flushes, _exit / exit.
    [[noreturn]] void exit_shell(int status);

    // Whether the last complete command of a source may replace the process (vsh -c, scripts).
    void set_allow_exec_last(bool allow) { allow_exec_last_ = allow; }

  private:
    // ChildRunner: shell code as the whole of a forked child (child_runner.hpp).
    [[noreturn]] void child_run(const ast::Command& command, ErrExit errexit) override;
    int run_pure_builtin(const ast::Command& command, const ast::SimpleCommand& simple,
                         std::vector<std::string>& argv, std::string& output) override;
    [[noreturn]] void child_run_expanded(const ast::Command& command,
                                         const ast::SimpleCommand& simple,
                                         std::vector<std::string>& argv, ErrExit errexit) override;
    [[noreturn]] void child_run_list(const ast::List& body, ErrExit errexit);
    // What a child running shell code starts with: a subshell's state (XCU 2.12).
    void become_subshell();

    // Runs a simple command whose words are already expanded (`argv` non-empty).
    int run_expanded(const ast::Command& command, const ast::SimpleCommand& simple,
                     std::vector<std::string>& argv, ExecContext ctx);
    int run_function(const ast::Command& body, std::vector<std::string>& argv, ExecContext ctx);
    int run_builtin(const Builtin& builtin, const ast::Command& command,
                    std::vector<std::string>& argv, ExecContext ctx);
    // A $(...) of pure builtins, run in this process with its output captured.
    int run_inline_substitution(const ast::List& body, std::string& output);
    // A $(...) that InlineSubshells allows, run in this process as a subshell would run it:
    // `body()` runs with the output captured into `output`, variable changes rolled back
    // afterwards, exit and errors ending only it. Returns the exit status.
    // A ( ) the same (output not captured: `output` null).
    template <typename Body>
    int run_inline_subshell(std::string* output, Body body);
    // A ( ) body run here if InlineSubshells allows: true, with its status in *status.
    bool run_subshell_inline(const ast::Subshell& node, ExecContext ctx, int* status);
    // The last command of a ( ) run in the shell, when it is one the body may not run here
    // (`cd`, a function that does, a name known only once expanded): run in a child, as the
    // rest of the subshell would have been. Returns its status.
    int run_tail_in_child(const ast::Command& command, const ast::SimpleCommand& simple,
                          std::vector<std::string>& argv, ErrExit errexit);
    // Forks a subshell whose child runs `child()` (which does not return), in a job of its
    // own under job control, and waits for it as a foreground job. Returns its status.
    template <typename Child>
    int fork_subshell(const ast::Command& command, bool job_control, Child child);

    void remember_utilities(const ast::Command& command);  // set -h, at a definition.
    Shell& sh_;

    // Throws CommandLineAbandoned when Ctrl-C reached the interactive shell while its command
    // loop runs a command line (TrapTable::take_interrupt).
    void abandon_if_interrupted();
    // Ends the command (FatalError 2, with a message naming `who` if given) when the stack
    // is nearly full: runaway recursion through functions, eval, dot scripts or traps.
    void check_stack(std::string_view who);

    int run_simple(const ast::Command& command, const ast::SimpleCommand& simple, ExecContext ctx);
    // Writes out what builtin `name` left buffered; a write error turns a 0 `status` into 1,
    // with a message. Returns the status.
    int flush_builtin_output(const std::string& name, int status);
    int run_pipeline(const ast::Pipeline& pipeline, ExecContext ctx);
    int run_and_or(const ast::AndOrList& list, ExecContext ctx);
    int run_if(const ast::If& node, ExecContext ctx);
    int run_loop(const ast::Loop& node, ExecContext ctx);
    int run_for(const ast::For& node, ExecContext ctx);
    int run_case(const ast::Case& node, ExecContext ctx);
    int run_subshell(const ast::Command& command, const ast::Subshell& node, ExecContext ctx);
    int run_timed(const ast::Timed& node, ExecContext ctx);
    int run_body(const ast::Command& command, ExecContext ctx);
    void check_errexit(int status, ExecContext ctx);
    bool allow_exec_last_ = false;
    int source_depth_ = 0;  // run_source() calls in progress.
    // What `set -e` does where the builtin now running was called: the commands eval and dot
    // run are part of that command, so an ignored -e (an `if` condition ...) stays ignored.
    ErrExit builtin_errexit_ = ErrExit::Active;
    // The same for whether eval's last command is the last of a ( ) run in the shell.
    LastCommand builtin_last_ = LastCommand::No;
    // The status of the last command substitution of the simple command being expanded, and
    // whether it ran one ($? of a command of assignments only).
    int last_substitution_status_ = 0;
    bool substitution_ran_ = false;
    // The simple command whose builtin is running, for the text of a job that the builtin
    // starts through run_argv (`command sleep 30` stopped shows as written); null otherwise.
    const ast::Command* builtin_command_ = nullptr;
    InlineSubshells inline_subshells_;
};

// Gives `sh` its executor (Shell::runner, executor and substituter): what a shell needs before
// it runs any code. main does it; so does a test that runs code.
Executor& install_executor(Shell& sh);

// `time [-p] pipeline` (shell/exec/time_command.cpp).
int run_time_command(Shell& sh, Executor& executor, const ast::Timed& node, ExecContext ctx);

}  // namespace vsh
