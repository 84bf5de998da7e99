// :, break, continue, return, exit: the special builtins that steer control flow. They set
// the shell's pending jump; loops, functions and the command loop act on it.
#include <cstdlib>

#include "builtins/declarations.hpp"
#include "builtins/numbers.hpp"
#include "shell/core/job_control.hpp"
#include "shell/core/shell.hpp"
#include "shell/traps/traps.hpp"

namespace vsh {

int builtin_colon(Shell&, Args) {
    return 0;
}

namespace {

int loop_jump(Shell& sh, Args argv, Jump kind) {
    long n = 1;
    if (argv.size() > 1) {
        if (!parse_decimal(argv[1], &n) || n < 1) {
            sh.error(argv[0], "bad number: " + argv[1]);
            throw FatalError{2};
        }
    }
    if (sh.loop_depth == 0) return 0;  // Outside a loop: nothing to do (as dash).
    if (n > sh.loop_depth) n = sh.loop_depth;
    sh.jump = kind;
    sh.jump_count = static_cast<int>(n);
    return 0;
}

}  // namespace

int builtin_break(Shell& sh, Args argv) {
    return loop_jump(sh, argv, Jump::Break);
}
int builtin_continue(Shell& sh, Args argv) {
    return loop_jump(sh, argv, Jump::Continue);
}

int builtin_return(Shell& sh, Args argv) {
    long n = sh.last_status;
    // A return that ends a trap action (one run directly by the action, not by a function it
    // calls) defaults to the status from before the action (XCU return).
    if (const auto& action = sh.traps->running_action();
        action && action->function_depth == sh.function_depth &&
        action->dot_depth == sh.dot_depth) {
        n = action->status_before;
    }
    if (argv.size() > 1 && !parse_decimal(argv[1], &n)) {
        sh.error("return", "bad number: " + argv[1]);
        throw FatalError{2};
    }
    if (sh.function_depth == 0 && sh.dot_depth == 0) {
        // Outside a function or dot script: like exit in a non-interactive shell (as dash).
        sh.last_status = static_cast<int>(n & 0xff);
        sh.jump = Jump::Exit;
        return sh.last_status;
    }
    sh.last_status = static_cast<int>(n & 0xff);
    sh.jump = Jump::Return;
    return sh.last_status;
}

int builtin_exit(Shell& sh, Args argv) {
    // In a trap action, exit defaults to the status from before the action (XCU exit).
    long n = sh.last_status;
    if (const auto& action = sh.traps->running_action()) n = action->status_before;
    if (argv.size() > 1 && !parse_decimal(argv[1], &n)) {
        sh.error("exit", "bad number: " + argv[1]);
        throw FatalError{2};
    }
    // An interactive shell with stopped jobs warns the first time instead (status 0, as dash).
    if (!sh.traps->running_action() && hold_exit_for_stopped_jobs(sh)) return 0;
    sh.last_status = static_cast<int>(n & 0xff);
    sh.jump = Jump::Exit;
    return sh.last_status;
}

}  // namespace vsh
