// Backslash escapes of echo and of printf's %b operand (XCU printf, "b" conversion): \a \b
// \c \e \f \n \r \t \v \\, \0ddd (zero then up to three octal digits) and, as dash also
// accepts, \ddd (one to three octal digits). Unknown escapes stay as written.
#pragma once

#include <string>
#include <string_view>

namespace vsh {

// Whether \c was seen: echo and printf then write nothing more at all.
enum class AfterEscapes : unsigned char { Continue, StopOutput };

// Appends `text` to `out` with the escapes above replaced.
[[nodiscard]] AfterEscapes expand_b_escapes(std::string_view text, std::string& out);

// One escape of a printf *format* (not %b): `text[0]` is the character after the backslash.
// Octal is \ddd with one to three digits (including a leading 0), and \c is not special.
// Appends the result to `out` and returns how many characters after the backslash it used.
std::size_t expand_format_escape(std::string_view text, std::string& out);

}  // namespace vsh
