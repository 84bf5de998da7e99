#include "builtins/usage.hpp"

#include <string>

#include "builtins/builtin.hpp"
#include "shell/core/shell.hpp"

namespace vsh {

int usage_error(Shell& sh, std::string_view name) {
    const Builtin* builtin = find_builtin(name);
    if (builtin != nullptr) sh.error(name, "usage: " + std::string(builtin->help));
    return 2;
}

}  // namespace vsh
