#include "builtins/usage.hpp"

#include <string>

#include "shell/core/shell.hpp"

namespace vsh {

int usage_error(Shell& sh, std::string_view name) {
    const Builtin* builtin = sh.find_builtin(name);
    if (builtin != nullptr) sh.error(name, "usage: " + std::string(builtin->usage));
    return 2;
}

std::string usage_of(const Shell& sh, std::string_view name) {
    const Builtin* builtin = sh.find_builtin(name);
    return builtin != nullptr ? std::string(builtin->usage) : std::string();
}

}  // namespace vsh
