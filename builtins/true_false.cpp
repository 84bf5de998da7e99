// true and false: exit statuses only. `:` is the special builtin in colon.cpp.
#include "builtins/declarations.hpp"

namespace vsh {

int builtin_true(Shell&, Args) {
    return 0;
}
int builtin_false(Shell&, Args) {
    return 1;
}

}  // namespace vsh
