// A compact, unambiguous-enough text form of a parsed tree, for tests and debugging:
// (cmd echo "$x") (pipe ! (cmd a) (cmd b)) (if (list ...) then (list ...)) ...
#pragma once

#include <string>

#include "shell/ast/ast.hpp"

namespace vsh {

std::string dump_word(const ast::Word& word);
std::string dump_command(const ast::Command& command);

}  // namespace vsh
