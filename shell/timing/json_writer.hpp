// Writing JSON by hand, for the timing log: one record is a handful of fields, and a JSON
// library would cost start-up time and binary size in every shell for a feature few runs use.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vsh {

// Appends `text` to `out` as a JSON string literal, quotes included. Quotes, backslashes and
// control characters (U+0000..U+001F, U+007F) are escaped. Valid UTF-8 passes through; a byte
// that is not part of a valid UTF-8 sequence (command names are bytes, not text) is written as
// \u00XX, i.e. read as Latin-1, so the line stays valid JSON for every parser and the byte
// value stays visible.
void append_json_string(std::string& out, std::string_view text);

// Appends a signed integer.
void append_json_integer(std::string& out, std::int64_t value);

// Appends `nanoseconds` as seconds with six decimals ("1712345678.123456").
void append_json_seconds(std::string& out, std::int64_t nanoseconds);

}  // namespace vsh
