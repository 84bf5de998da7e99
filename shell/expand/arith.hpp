// Arithmetic expansion (XCU 2.6.4): C integer expressions on 64-bit signed values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vsh {

// The evaluator's window on shell variables, so arithmetic can be tested without a shell.
class ArithEnv {
  public:
    virtual ~ArithEnv() = default;
    // Value of a variable, or nullptr if unset.
    virtual const std::string* get(std::string_view name) = 0;
    // Assigns; returns false if the variable is readonly (evaluation then fails).
    virtual bool set(std::string_view name, std::string_view value) = 0;
    // True when `set -u` is on: an unset variable is an error.
    virtual bool nounset() const = 0;
};

struct ArithResult {
    bool ok = false;
    std::int64_t value = 0;
    std::string error;  // Empty when ok; otherwise a message without the shell's name.
};

// Evaluates an already expanded expression (parameters and command substitutions done).
//
// Beyond POSIX, as bash and ksh do: ++ and -- (prefix and postfix, on variables), the comma
// operator, and ** (power). Arithmetic wraps around in two's complement; shift counts are
// taken modulo 64 (what x86 hardware and every comparison shell give); INT64_MIN / -1 is
// INT64_MIN and INT64_MIN % -1 is 0, as in bash. An empty expression is 0 (bash, ksh).
// A variable's value must be an integer constant, optionally signed and surrounded by blanks
// (dash's rule; bash would evaluate it as an expression, dash refuses, so vsh refuses).
[[nodiscard]] ArithResult evaluate_arith(std::string_view expr, ArithEnv& env);

// Parses an integer constant as a variable value must be written: optional blanks, an
// optional sign, a decimal, octal (0NN) or hex (0xNN) constant, optional blanks. An all-blank
// or empty string is 0. Returns false when `text` is not such a constant.
[[nodiscard]] bool parse_arith_integer(std::string_view text, std::int64_t& value);

}  // namespace vsh
