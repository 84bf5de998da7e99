// Which subshell bodies ($(...) and ( )) run in the shell itself, with no child process, as
// ksh93 runs them.
//
// A command substitution or a ( ) is a subshell (XCU 2.6.3, 2.9.4.1, 2.13): nothing it does
// may reach the shell. Forking gives that for free but costs a copy of the shell's page
// tables and the page faults after it (bench/PROFILE.md); most $(f) in real scripts call a
// function that computes a string with builtins, case and assignments, and many ( ) only
// run a program or an eval in an environment of their own. Such a body runs here instead
// when everything it can do is undone or contained afterwards:
//   - a $(...)'s output goes to a string (sh.out's capture), never to fd 1; a ( )'s goes
//     where the shell's goes;
//   - variable changes (assignments, ${x=}, $((x=1)), for, unset, export, local in a
//     function) are recorded in a journal and rolled back (Variables::open_journal);
//   - `exit`, an error that ends a subshell (${x?}, set -u, a special builtin's error) and
//     `set -e` end the body with their status, as they would end the child.
// So the body may only use: simple commands named by a plain literal word that is a function
// (checked the same way), a builtin that changes nothing (BuiltinTraits::Pure), or one of
// exit, export, unset (variables, literal names), eval with operands known beforehand (the
// commands it makes are checked the same way), and in a function return, local and shift;
// break and continue only inside a loop of their own; if, case, loops, { }, &&, ||, !.
// A ( ) may also run programs (with redirections of their own), pipelines and nested ( ):
// those are processes that start from the shell's state as they would from the subshell's.
// No redirection of the shell's own (on a builtin, function or compound command), background
// job, function definition, dot, read, cd, set or trap: those take the fork, as does every
// body in an interactive shell, in a trap action, or while a signal has a trap (the child
// would take the default action), and a ( ) inside a $(...) run here.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace vsh {

class Shell;
namespace ast {
struct Command;
struct List;
}  // namespace ast

// What kind of subshell a body is run for.
enum class InlineKind : unsigned char {
    Substitution,  // $(...): output captured into a string.
    Subshell,      // ( ... ): output where the shell's goes, so it may also run programs.
};

class InlineSubshells {
  public:
    // Whether `body`, the body of a $(...) or ( ) about to run, may run in this process.
    bool allows(const ast::Command& body, const Shell& sh,
                InlineKind kind = InlineKind::Substitution);
    bool allows_list(const ast::List& body, const Shell& sh, InlineKind kind);
    // Whether a body that is one simple command, its words expanded to `argv` (the name
    // known only then, as in $(check_$kind "$x"), or eval's operands, as in (eval "$cmd")),
    // may run that command here.
    bool allows_call(const std::vector<std::string>& argv, const Shell& sh,
                     InlineKind kind = InlineKind::Substitution);

  private:
    // What holds for any body here (not interactive, no signal traps...); brings the
    // knowledge of functions up to date.
    bool possible(const Shell& sh, InlineKind kind);
    template <typename Judge>
    bool judge(const Shell& sh, InlineKind kind, Judge judge_with);

    // What is known of function bodies, for each kind (true: may run inline, false: must
    // fork), valid while Shell::functions_version stays the same.
    std::array<std::unordered_map<const ast::Command*, bool>, 2> functions_;
    std::uint64_t functions_version_ = 0;
};

}  // namespace vsh
