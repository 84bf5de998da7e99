// Shell pattern matching (XCU 2.14) for case, ${x#pattern} and pathname expansion.
//
// Patterns arrive with quoting already folded in: a backslash quotes the next character, so
// `\*` is a literal star (the expander escapes every quoted character that way).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vsh {

enum class MatchFlags : unsigned {
    None = 0,
    Pathname = 1,  // '/' is only matched by a '/' in the pattern, never by * ? or [...].
    Period = 2,    // A leading '.' (after a '/' too, with Pathname) needs a literal '.'.
};

constexpr MatchFlags operator|(MatchFlags a, MatchFlags b) {
    return static_cast<MatchFlags>(static_cast<unsigned>(a) | static_cast<unsigned>(b));
}
constexpr MatchFlags operator&(MatchFlags a, MatchFlags b) {
    return static_cast<MatchFlags>(static_cast<unsigned>(a) & static_cast<unsigned>(b));
}
constexpr bool has_flag(MatchFlags set, MatchFlags flag) {
    return (set & flag) != MatchFlags::None;
}

// Whole-subject match. Supports * ? and bracket expressions: [abc] [a-z] [!a] [^a], a
// leading ']' as a member, the 12 [:class:]es, [=c=] and [.c.] for single characters, and
// backslash-quoted characters inside brackets; a '[' that opens no valid bracket expression
// is a literal '['. When the locale's MB_CUR_MAX is above 1, ? and brackets match whole
// multibyte characters and classes use the wide-character tests; otherwise matching is
// byte-wise. Runs in O(pattern × subject) at worst: stars backtrack without recursion.
[[nodiscard]] bool pattern_match(std::string_view pattern, std::string_view subject,
                                 MatchFlags flags = MatchFlags::None);

// True if the pattern contains an unquoted * or ?, or a '[' that opens a valid bracket
// expression: only then does a word undergo pathname expansion.
[[nodiscard]] bool has_pattern_chars(std::string_view pattern);

// Drops the quoting backslashes (`\*` becomes `*`, `\\` becomes `\`). A lone trailing
// backslash stays.
std::string unescape_pattern(std::string_view pattern);

// For ${x#p} ${x##p} ${x%p} ${x%%p}: the length of the shortest or longest prefix (suffix)
// of `subject` that `pattern` matches, or std::string::npos when none does. Only whole
// characters are considered in a multibyte locale. Each candidate length is one
// pattern_match call, so a star-led pattern costs O(subject²) at worst on long values.
enum class MatchLength : unsigned char { Shortest, Longest };
[[nodiscard]] std::size_t match_prefix(std::string_view pattern, std::string_view subject,
                                       MatchLength length);
[[nodiscard]] std::size_t match_suffix(std::string_view pattern, std::string_view subject,
                                       MatchLength length);

}  // namespace vsh
