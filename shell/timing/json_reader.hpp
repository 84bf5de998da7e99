// Reading one line of the timing log back: a JSON object whose values are scalars. Nested
// objects and arrays are accepted (a later log format may add them) but not kept.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vsh {

struct JsonScalar {
    enum class Kind { Null, Boolean, Number, String, Nested };
    Kind kind = Kind::Null;
    bool boolean = false;
    double number = 0;
    // String: the decoded text (UTF-8). Number: the literal as written, so that callers can
    // convert large values (unix times in microseconds) without going through a double.
    std::string text;
};

using JsonObject = std::vector<std::pair<std::string, JsonScalar>>;

// Parses `line` as one JSON object (surrounding whitespace allowed). nullopt when it is not
// valid JSON or not an object.
[[nodiscard]] std::optional<JsonObject> parse_json_object(std::string_view line);

// A JSON number literal of seconds ("1712345678.123456", the records' "time") in microseconds,
// exactly (a double would round at this magnitude); nullopt for a negative number, an
// exponent, or a time whose microseconds do not fit in 64 bits.
[[nodiscard]] std::optional<std::int64_t> seconds_literal_to_us(std::string_view literal);

// The value of `key` in `object`, or null when absent (the first one wins on duplicates).
[[nodiscard]] const JsonScalar* json_field(const JsonObject& object, std::string_view key);

}  // namespace vsh
