// Number parsing shared by builtins.
#pragma once

#include <string>

namespace vsh {

// A decimal integer with optional sign, nothing else (no blanks). False on overflow.
inline bool parse_decimal(const std::string& s, long* out) {
    if (s.empty()) return false;
    std::size_t i = 0;
    bool negative = false;
    if (s[0] == '+' || s[0] == '-') {
        negative = s[0] == '-';
        i = 1;
    }
    if (i == s.size()) return false;
    long value = 0;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c < '0' || c > '9') return false;
        if (value > (__LONG_MAX__ - (c - '0')) / 10) return false;
        value = value * 10 + (c - '0');
    }
    *out = negative ? -value : value;
    return true;
}

}  // namespace vsh
