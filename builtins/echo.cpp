// echo as dash has it: a first argument of exactly "-n" suppresses the newline, no other
// options exist, and backslash escapes are always interpreted (the XSI behaviour POSIX
// describes; \c ends all output).
#include <cstring>
#include <string>

#include "builtins/declarations.hpp"
#include "builtins/escape_util.hpp"
#include "shell/core/shell.hpp"
#include "shell/core/trap_actions.hpp"

namespace vsh {

int builtin_echo(Shell& sh, Args argv) {
    std::size_t first = 1;
    bool newline = true;
    if (argv.size() > 1 && argv[1] == "-n") {
        newline = false;
        first = 2;
    }
    std::string line;
    for (std::size_t i = first; i < argv.size(); ++i) {
        if (i > first) line.push_back(' ');
        if (expand_b_escapes(argv[i], line) == AfterEscapes::StopOutput) {
            newline = false;
            break;
        }
    }
    if (newline) line.push_back('\n');
    sh.out.write(line);
    // Written at once, as dash does, so that a failed write (a closed or full output) shows
    // in echo's own status.
    if (!sh.out.flush()) {
        end_subshell_on_own_signal(sh);
        sh.error("echo", std::string("write error: ") + std::strerror(sh.out.last_error()));
        return 1;
    }
    return 0;
}

}  // namespace vsh
