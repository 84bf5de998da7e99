// Tilde prefixes (XCU 2.6.1) become ast Tilde parts once the parser knows what a word is: a
// word's start, or an assignment value's start and each unquoted ':' in it.
#pragma once

#include <cstdint>

#include "shell/ast/ast.hpp"

namespace vsh::lex {

enum class TildePlaces : std::uint8_t { WordStart, AssignmentValue };

void mark_tilde_prefixes(ast::Word& word, TildePlaces places);

}  // namespace vsh::lex
