// $'...' (XCU 2.2.4, new in POSIX.1-2024): backslash escapes decoded at parse time.
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cuchar>

#include "shell/base/locale.hpp"
#include "shell/lexer/lexer.hpp"

namespace vsh::lex {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// A NUL byte cannot live in a shell string; like bash, the rest of the quote is dropped.
enum class Decoded : unsigned char { Continue, StopAtNul };

}  // namespace

std::string decode_dollar_single(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    auto put = [&out](int value) {
        if ((value & 0xff) == 0) return Decoded::StopAtNul;
        out.push_back(static_cast<char>(value & 0xff));
        return Decoded::Continue;
    };
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c != '\\' || i + 1 == raw.size()) {
            out.push_back(c);
            continue;
        }
        char e = raw[++i];
        Decoded result = Decoded::Continue;
        switch (e) {
            case '"':
            case '\'':
            case '\\':
                out.push_back(e);
                break;
            case 'a':
                out.push_back('\a');
                break;
            case 'b':
                out.push_back('\b');
                break;
            case 'e':
                out.push_back('\033');
                break;
            case 'f':
                out.push_back('\f');
                break;
            case 'n':
                out.push_back('\n');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case 't':
                out.push_back('\t');
                break;
            case 'v':
                out.push_back('\v');
                break;
            case 'c': {
                // \cX is control-X; \c\\ is control-backslash; \c? is DEL.
                if (i + 1 >= raw.size()) {
                    out.append("\\c");
                    break;
                }
                char x = raw[++i];
                if (x == '\\' && i + 1 < raw.size() && raw[i + 1] == '\\') ++i;
                int value = x == '?' ? 0x7f : (x & 0x1f);
                result = put(value);
                break;
            }
            case 'x': {
                int value = 0;
                int digits = 0;
                while (digits < 2 && i + 1 < raw.size() && hex_value(raw[i + 1]) >= 0) {
                    value = value * 16 + hex_value(raw[++i]);
                    ++digits;
                }
                if (digits == 0) {
                    out.append("\\x");
                    break;
                }
                result = put(value);
                break;
            }
            case 'u':
            case 'U': {
                // \uHHHH and \UHHHHHHHH (bash and ksh; not in POSIX): the character in the
                // locale's encoding, or the escape itself when the locale cannot represent it.
                const int most = e == 'u' ? 4 : 8;
                std::uint32_t value = 0;
                int digits = 0;
                while (digits < most && i + 1 < raw.size() && hex_value(raw[i + 1]) >= 0) {
                    value = value * 16 + static_cast<std::uint32_t>(hex_value(raw[++i]));
                    ++digits;
                }
                if (digits == 0) {
                    out.push_back('\\');
                    out.push_back(e);
                    break;
                }
                if (value < 0x80) {
                    result = put(static_cast<int>(value));
                    break;
                }
                ensure_locale();
                char bytes[MB_LEN_MAX];
                std::mbstate_t state{};
                bool valid = value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
                std::size_t n = valid ? std::c32rtomb(bytes, static_cast<char32_t>(value), &state)
                                      : static_cast<std::size_t>(-1);
                if (n == static_cast<std::size_t>(-1)) {
                    char escape[16];
                    std::snprintf(escape, sizeof escape, e == 'u' ? "\\u%04X" : "\\U%08X",
                                  static_cast<unsigned>(value));
                    out += escape;
                } else {
                    out.append(bytes, n);
                }
                break;
            }
            default:
                if (e >= '0' && e <= '7') {
                    int value = e - '0';
                    for (int digits = 1;
                         digits < 3 && i + 1 < raw.size() && raw[i + 1] >= '0' && raw[i + 1] <= '7';
                         ++digits) {
                        value = value * 8 + (raw[++i] - '0');
                    }
                    result = put(value);
                    break;
                }
                // Unspecified by POSIX: keep the backslash, as bash and ksh do.
                out.push_back('\\');
                out.push_back(e);
                break;
        }
        if (result == Decoded::StopAtNul) break;
    }
    return out;
}

}  // namespace vsh::lex
