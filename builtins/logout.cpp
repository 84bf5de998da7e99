// logout: `exit` for a login shell only (as in bash), so that a habit from a login terminal
// cannot silently end a shell started from inside it.
#include "builtins/declarations.hpp"
#include "builtins/numbers.hpp"
#include "shell/core/shell.hpp"

namespace vsh {

int builtin_logout(Shell& sh, Args argv) {
    // A subshell of a login shell is not one: `(logout)` ending only the subshell would
    // surprise whoever typed it.
    if (sh.startup.login != LoginShell::Yes || sh.is_subshell) {
        sh.error("logout", "not login shell");
        return 1;
    }
    long ignored = 0;
    if (argv.size() > 1 && !parse_decimal(argv[1], &ignored)) {
        sh.error("logout", "bad number: " + argv[1]);
        throw FatalError{2};
    }
    // The rest, including the warning about stopped jobs, is exit's.
    return builtin_exit(sh, argv);
}

}  // namespace vsh
