// Quoting values so that the shell reads them back as they were (set, export -p, alias, trap).
#pragma once

#include <string>
#include <string_view>

namespace vsh {

// 'text' with each ' written as '\''; plain words that need no quotes come back unquoted.
std::string shell_quote(std::string_view text);

// 'text' with each ' written as '\'', always quoted.
std::string single_quote(std::string_view text);

}  // namespace vsh
