// source (a bash extension): another name for `.`.
//
// It is a regular builtin, unlike `.`: a function named source is found first and assignments
// before it do not persist. Its errors are `.`'s (a missing file makes a non-interactive shell
// exit with status 2), so moving a script between the two names changes nothing else.
#include "builtins/declarations.hpp"

namespace vsh {

int builtin_source(Shell& sh, Args argv) {
    return builtin_dot(sh, argv);
}

}  // namespace vsh
