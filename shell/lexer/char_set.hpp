// A 256-entry membership table built at compile time, for scanning runs of ordinary
// characters without a branch per character class.
#pragma once

#include <array>
#include <string_view>

namespace vsh::lex {

using CharSet = std::array<bool, 256>;

constexpr CharSet make_char_set(std::string_view members) {
    CharSet set{};
    for (char c : members) set[static_cast<unsigned char>(c)] = true;
    return set;
}

constexpr bool contains(std::string_view members, int c) {
    return c >= 0 && members.find(static_cast<char>(c)) != std::string_view::npos;
}

constexpr bool is_name_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
constexpr bool is_name_char(int c) {
    return is_name_start(c) || (c >= '0' && c <= '9');
}
constexpr bool is_digit(int c) {
    return c >= '0' && c <= '9';
}

}  // namespace vsh::lex
