// A small getopt for builtins: scans argv[1..] for options named in a getopts-style spec
// ("LP", "rd:"), stopping at "--", at "-" alone, and at the first operand. Diagnostics go
// through sh.error so they name the script and line like every other builtin error.
#pragma once

#include <cstddef>
#include <string_view>

#include "builtins/declarations.hpp"

namespace vsh {

class OptionScanner {
  public:
    // `spec` lists the option letters; a letter followed by ':' takes an argument.
    OptionScanner(Shell& sh, Args argv, std::string_view spec)
        : sh_(sh), argv_(argv), spec_(spec) {}

    // The next option letter; 0 when the options are over (operands start at operand_index());
    // '?' after reporting an unknown option or a missing option-argument (status 2 is then
    // the caller's business).
    [[nodiscard]] char next();
    // The argument of the option next() just returned (for letters marked with ':').
    [[nodiscard]] std::string_view argument() const { return argument_; }
    // Index in argv of the first operand, valid once next() has returned 0.
    [[nodiscard]] std::size_t operand_index() const { return index_; }

  private:
    Shell& sh_;
    Args argv_;
    std::string_view spec_;
    std::size_t index_ = 1;     // Current argument.
    std::size_t position_ = 0;  // Position inside a group such as "-rP"; 0: at a new argument.
    std::string_view argument_;
};

}  // namespace vsh
