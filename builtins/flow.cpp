// :, break, continue, return, exit: the special builtins that steer control flow. They set
// the shell's pending jump; loops, functions and the command loop act on it.
#include <cstdlib>

#include "builtins/declarations.hpp"
#include "builtins/numbers.hpp"
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
    // As with exit: in a trap action, $? from before the action (XCU return).
    long n = sh.traps->status_before_action().value_or(sh.last_status);
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
    // In a trap action, "the last command" is the one before the action ran (XCU exit).
    long n = sh.traps->status_before_action().value_or(sh.last_status);
    if (argv.size() > 1 && !parse_decimal(argv[1], &n)) {
        sh.error("exit", "bad number: " + argv[1]);
        throw FatalError{2};
    }
    sh.last_status = static_cast<int>(n & 0xff);
    sh.jump = Jump::Exit;
    return sh.last_status;
}

}  // namespace vsh
