#include "builtins/escape_util.hpp"

namespace vsh {
namespace {

bool is_octal(char c) {
    return c >= '0' && c <= '7';
}

// The value of the simple one-letter escapes shared by %b and the format, or -1.
int simple_escape(char c) {
    switch (c) {
        case 'a':
            return '\a';
        case 'b':
            return '\b';
        case 'e':
            return 033;  // Not POSIX, but dash, bash and ksh all have it.
        case 'f':
            return '\f';
        case 'n':
            return '\n';
        case 'r':
            return '\r';
        case 't':
            return '\t';
        case 'v':
            return '\v';
        case '\\':
            return '\\';
        default:
            return -1;
    }
}

// Reads up to `max_digits` octal digits from the start of `text` into `value`.
std::size_t read_octal(std::string_view text, std::size_t max_digits, unsigned& value) {
    std::size_t n = 0;
    value = 0;
    while (n < max_digits && n < text.size() && is_octal(text[n]))
        value = value * 8 + (text[n++] - '0');
    return n;
}

}  // namespace

AfterEscapes expand_b_escapes(std::string_view text, std::string& out) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c != '\\' || i + 1 >= text.size()) {
            out.push_back(c);
            continue;
        }
        char e = text[++i];
        if (e == 'c') return AfterEscapes::StopOutput;
        if (int v = simple_escape(e); v >= 0) {
            out.push_back(static_cast<char>(v));
        } else if (is_octal(e)) {
            // \0ddd: the zero is a marker and up to three digits follow; \ddd: the digits
            // start at once. Values above 0377 keep their low eight bits (as dash).
            unsigned value = 0;
            std::size_t start = e == '0' ? i + 1 : i;
            std::size_t used = read_octal(text.substr(start), 3, value);
            out.push_back(static_cast<char>(value & 0xff));
            i = start + used - 1;
        } else {
            out.push_back('\\');
            out.push_back(e);
        }
    }
    return AfterEscapes::Continue;
}

std::size_t expand_format_escape(std::string_view text, std::string& out) {
    if (text.empty()) {
        out.push_back('\\');
        return 0;
    }
    char e = text[0];
    if (int v = simple_escape(e); v >= 0) {
        out.push_back(static_cast<char>(v));
        return 1;
    }
    if (is_octal(e)) {
        unsigned value = 0;
        std::size_t used = read_octal(text, 3, value);
        out.push_back(static_cast<char>(value & 0xff));
        return used;
    }
    out.push_back('\\');
    out.push_back(e);
    return 1;
}

}  // namespace vsh
