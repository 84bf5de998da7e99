// Number parsing shared by the builtins that take numeric operands (kill, ulimit, umask,
// test, printf). Each returns nullopt for text that is not entirely a number, so the caller
// can word the error as its utility page asks.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace vsh {

// A decimal integer with an optional sign; no blanks, no base prefixes.
[[nodiscard]] std::optional<std::intmax_t> parse_decimal(std::string_view text);

// A decimal integer >= 0, without a sign (exit statuses, pids, ulimit values).
[[nodiscard]] std::optional<std::uintmax_t> parse_unsigned(std::string_view text);

}  // namespace vsh
