// How expansion runs the body of $(...) and `...`: one method (DESIGN.md "Layers"), so that
// expansion does not depend on the executor above it, and a test or a fuzz target can give
// it a stub that runs nothing.
#pragma once

#include <string>

#include "shell/ast/ast.hpp"

namespace vsh {

class CommandSubstituter {
  public:
    virtual ~CommandSubstituter() = default;
    // Runs `body` (null for an empty `$()`) and returns its standard output, null bytes
    // dropped and trailing newlines removed. $? becomes the body's exit status.
    virtual std::string command_substitution(const ast::Command* body) = 0;
};

}  // namespace vsh
