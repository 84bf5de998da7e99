// The builtin table (builtins/table.cpp): every builtin vsh has.
#pragma once

#include <span>

#include "shell/core/builtin.hpp"

namespace vsh {

class Shell;

// Every builtin, sorted by name.
std::span<const Builtin> builtin_table();

// Gives `sh` the builtin table (Shell::builtins), so that the executor finds them: what a
// shell needs, with install_executor, before it runs any code.
void install_builtins(Shell& sh);

}  // namespace vsh
