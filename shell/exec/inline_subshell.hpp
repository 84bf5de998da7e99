// Which $(...) bodies run in the shell itself, with no child process, as ksh93 runs them.
//
// A command substitution is a subshell (XCU 2.6.3, 2.13): nothing it does may reach the
// shell. Forking gives that for free but costs a copy of the shell's page tables and the page
// faults after it (bench/PROFILE.md); most $(f) in real scripts call a function that computes
// a string with builtins, case and assignments. Such a body runs here instead when everything
// it can do is undone or contained afterwards:
//   - its output goes to a string (sh.out's capture), never to fd 1;
//   - variable changes (assignments, ${x=}, $((x=1)), for, unset, export, local in a
//     function) are recorded in a journal and rolled back (Variables::open_journal);
//   - `exit`, an error that ends a subshell (${x?}, set -u, a special builtin's error) and
//     `set -e` end the body with their status, as they would end the child.
// So the body may only use: simple commands named by a plain literal word that is a function
// (checked the same way), a builtin that changes nothing (BuiltinTraits::Pure), or one of
// exit, export, unset (variables, literal names), and in a function return, local and shift;
// break and continue only inside a loop of their own; if, case, loops, { }, &&, ||, !. No
// redirection, pipeline, subshell, background job, function definition, eval, dot, read,
// cd, set or trap: those take the fork, as does every body in an interactive shell, in a
// trap action, or while a signal has a trap (the child would take the default action).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace vsh {

class Shell;
namespace ast {
struct Command;
}

class InlineSubshells {
  public:
    // Whether `body`, the body of a $(...) about to run, may run in this process.
    bool allows(const ast::Command& body, const Shell& sh);
    // Whether a $(...) whose body is one simple command, its words expanded to `argv` (the
    // name known only then, as in $(check_$kind "$x")), may run that command here.
    bool allows_call(const std::vector<std::string>& argv, const Shell& sh);

  private:
    // What holds for any body here (not interactive, no signal traps...); brings the
    // knowledge of functions up to date.
    bool possible(const Shell& sh);

    // What is known of function bodies (true: may run inline, false: must fork), valid while
    // Shell::functions_version stays the same.
    std::unordered_map<const ast::Command*, bool> functions_;
    std::uint64_t functions_version_ = 0;
};

}  // namespace vsh
