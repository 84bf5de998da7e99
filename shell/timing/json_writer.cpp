#include "shell/timing/json_writer.hpp"

#include <charconv>

namespace vsh {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_unicode_escape(std::string& out, unsigned char byte) {
    out += "\\u00";
    out += kHex[byte >> 4];
    out += kHex[byte & 0xf];
}

// Length of the valid UTF-8 sequence starting at text[i], or 0 when the bytes there do not
// form one. Rejects overlong forms, surrogates (U+D800..U+DFFF) and code points past U+10FFFF,
// which strict JSON readers refuse.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = byte(i);
    std::size_t length;
    unsigned char low = 0x80, high = 0xbf;  // Allowed range of the second byte.
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        if (lead == 0xe0) low = 0xa0;   // Overlong.
        if (lead == 0xed) high = 0x9f;  // Surrogates.
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        if (lead == 0xf0) low = 0x90;   // Overlong.
        if (lead == 0xf4) high = 0x8f;  // Past U+10FFFF.
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    if (byte(i + 1) < low || byte(i + 1) > high) return 0;
    for (std::size_t k = 2; k < length; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xbf) return 0;
    }
    return length;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            std::size_t length = utf8_sequence_length(text, i);
            if (length == 0) {
                append_unicode_escape(out, c);
                ++i;
            } else {
                out.append(text.substr(i, length));
                i += length;
            }
            continue;
        }
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    append_unicode_escape(out, c);
                } else {
                    out += static_cast<char>(c);
                }
        }
        ++i;
    }
    out += '"';
}

void append_json_integer(std::string& out, std::int64_t value) {
    char buf[24];
    auto result = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, result.ptr);
}

void append_json_seconds(std::string& out, std::int64_t nanoseconds) {
    if (nanoseconds < 0) {
        out += '-';
        nanoseconds = -nanoseconds;
    }
    std::int64_t micros = nanoseconds / 1000;
    append_json_integer(out, micros / 1000000);
    char fraction[8] = {'.', '0', '0', '0', '0', '0', '0', '\0'};
    std::int64_t rest = micros % 1000000;
    for (int k = 6; k >= 1; --k) {
        fraction[k] = static_cast<char>('0' + rest % 10);
        rest /= 10;
    }
    out.append(fraction, 7);
}

}  // namespace vsh
