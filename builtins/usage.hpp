// Usage errors from the builtin table's one-line synopsis, so a builtin carries no copy of
// its own usage text (STYLE.md: the table feeds usage errors and `help` from one place).
#pragma once

#include <string>
#include <string_view>

namespace vsh {

class Shell;

// Reports "usage: <synopsis>" for builtin `name` as any builtin error (naming the script and
// line) and returns 2, the status of a usage error.
int usage_error(Shell& sh, std::string_view name);

// The synopsis of builtin `name` from the table ("" for no such builtin), for a message that
// quotes it.
std::string usage_of(const Shell& sh, std::string_view name);

}  // namespace vsh
