// Pattern matching without building anything: the pattern is read element by element while
// matching, and * uses the classic single backtrack point (the most recent star), which is
// enough because a later star can absorb whatever an earlier one could.
#include "shell/expand/pattern.hpp"

#include <cctype>
#include <cstdlib>
#include <cwchar>
#include <cwctype>
#include <vector>

#include "shell/base/locale.hpp"

namespace vsh {
namespace {

// How subject and pattern bytes are grouped into characters for one call.
enum class Encoding : unsigned char { Bytes, Multibyte };

Encoding current_encoding() {
    ensure_locale();
    return MB_CUR_MAX > 1 ? Encoding::Multibyte : Encoding::Bytes;
}

// A byte that does not start a valid multibyte character stands for itself, as a code that no
// real character has, so it only ever equals the same stray byte.
constexpr char32_t kStrayByteBase = 0x110000;

struct Char {
    char32_t code = 0;
    std::size_t length = 0;  // Bytes used in the source text.
};

// Decodes the character at `pos` (pos < text.size()).
Char decode(std::string_view text, std::size_t pos, Encoding encoding) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (encoding == Encoding::Bytes || byte < 0x80) return {byte, 1};
    std::mbstate_t state{};
    wchar_t wide = 0;
    const std::size_t n = std::mbrtowc(&wide, text.data() + pos, text.size() - pos, &state);
    if (n == 0 || n == static_cast<std::size_t>(-1) || n == static_cast<std::size_t>(-2)) {
        return {kStrayByteBase + byte, 1};
    }
    return {static_cast<char32_t>(wide), n};
}

enum class CharClass : unsigned char {
    Alnum,
    Alpha,
    Blank,
    Cntrl,
    Digit,
    Graph,
    Lower,
    Print,
    Punct,
    Space,
    Upper,
    Xdigit,
    Unknown,  // A syntactically valid [:name:] that names no class: matches nothing.
};

CharClass class_by_name(std::string_view name) {
    static constexpr std::string_view kNames[] = {"alnum", "alpha", "blank", "cntrl",
                                                  "digit", "graph", "lower", "print",
                                                  "punct", "space", "upper", "xdigit"};
    for (std::size_t i = 0; i < std::size(kNames); ++i) {
        if (kNames[i] == name) return static_cast<CharClass>(i);
    }
    return CharClass::Unknown;
}

bool in_class(CharClass cls, char32_t code, Encoding encoding) {
    if (code >= kStrayByteBase) return false;
    if (encoding == Encoding::Bytes) {
        const int c = static_cast<int>(code);
        switch (cls) {
            case CharClass::Alnum:
                return std::isalnum(c);
            case CharClass::Alpha:
                return std::isalpha(c);
            case CharClass::Blank:
                return std::isblank(c);
            case CharClass::Cntrl:
                return std::iscntrl(c);
            case CharClass::Digit:
                return std::isdigit(c);
            case CharClass::Graph:
                return std::isgraph(c);
            case CharClass::Lower:
                return std::islower(c);
            case CharClass::Print:
                return std::isprint(c);
            case CharClass::Punct:
                return std::ispunct(c);
            case CharClass::Space:
                return std::isspace(c);
            case CharClass::Upper:
                return std::isupper(c);
            case CharClass::Xdigit:
                return std::isxdigit(c);
            case CharClass::Unknown:
                return false;
        }
        return false;
    }
    const auto w = static_cast<std::wint_t>(code);
    switch (cls) {
        case CharClass::Alnum:
            return std::iswalnum(w);
        case CharClass::Alpha:
            return std::iswalpha(w);
        case CharClass::Blank:
            return std::iswblank(w);
        case CharClass::Cntrl:
            return std::iswcntrl(w);
        case CharClass::Digit:
            return std::iswdigit(w);
        case CharClass::Graph:
            return std::iswgraph(w);
        case CharClass::Lower:
            return std::iswlower(w);
        case CharClass::Print:
            return std::iswprint(w);
        case CharClass::Punct:
            return std::iswpunct(w);
        case CharClass::Space:
            return std::iswspace(w);
        case CharClass::Upper:
            return std::iswupper(w);
        case CharClass::Xdigit:
            return std::iswxdigit(w);
        case CharClass::Unknown:
            return false;
    }
    return false;
}

// One member of a bracket expression, as read from the pattern.
struct BracketItem {
    enum class Kind : unsigned char { Char, Class } kind = Kind::Char;
    char32_t code = 0;
    CharClass cls = CharClass::Unknown;
    std::size_t end = 0;  // Pattern offset just past the item.
};

// Reads `[:name:]`, `[.c.]` or `[=c=]` starting at `pos` (which holds '['). Returns false if
// the text there is not one of those, and the '[' is then an ordinary member.
bool read_bracket_special(std::string_view pattern, std::size_t pos, Encoding encoding,
                          BracketItem& item) {
    if (pos + 1 >= pattern.size()) return false;
    const char delimiter = pattern[pos + 1];
    if (delimiter != ':' && delimiter != '.' && delimiter != '=') return false;
    const std::size_t body = pos + 2;
    if (delimiter == ':') {
        std::size_t i = body;
        while (i < pattern.size() && std::isalpha(static_cast<unsigned char>(pattern[i]))) ++i;
        if (i + 1 >= pattern.size() || pattern[i] != ':' || pattern[i + 1] != ']') return false;
        item.kind = BracketItem::Kind::Class;
        item.cls = class_by_name(pattern.substr(body, i - body));
        item.end = i + 2;
        return true;
    }
    // [.c.] and [=c=]: only single characters are supported (the C and UTF-8 locales have no
    // multi-character collating elements), so the body is exactly one character.
    if (body >= pattern.size()) return false;
    const Char c = decode(pattern, body, encoding);
    const std::size_t close = body + c.length;
    if (close + 1 >= pattern.size() || pattern[close] != delimiter || pattern[close + 1] != ']') {
        return false;
    }
    item.kind = BracketItem::Kind::Char;
    item.code = c.code;
    item.end = close + 2;
    return true;
}

// Reads one bracket member at `pos`: a special form, a backslash-quoted character, or a
// plain character.
BracketItem read_bracket_item(std::string_view pattern, std::size_t pos, Encoding encoding) {
    BracketItem item;
    if (pattern[pos] == '[' && read_bracket_special(pattern, pos, encoding, item)) return item;
    if (pattern[pos] == '\\' && pos + 1 < pattern.size()) ++pos;
    const Char c = decode(pattern, pos, encoding);
    item.code = c.code;
    item.end = pos + c.length;
    return item;
}

// Parses the bracket expression opening at `open` (a '[') and tests `code` against it.
// Returns false when there is no valid bracket expression there (no closing ']').
bool match_bracket(std::string_view pattern, std::size_t open, char32_t code, Encoding encoding,
                   bool& matched, std::size_t& end) {
    std::size_t pos = open + 1;
    bool negated = false;
    if (pos < pattern.size() && (pattern[pos] == '!' || pattern[pos] == '^')) {
        negated = true;
        ++pos;
    }
    bool found = false;
    bool first = true;
    while (pos < pattern.size()) {
        if (pattern[pos] == ']' && !first) {
            matched = found != negated;
            end = pos + 1;
            return true;
        }
        first = false;
        const BracketItem item = read_bracket_item(pattern, pos, encoding);
        pos = item.end;
        if (item.kind == BracketItem::Kind::Class) {
            if (in_class(item.cls, code, encoding)) found = true;
            continue;
        }
        // A range: a single character, '-', and another character that is not the closing
        // ']' (so `[a-]` holds 'a' and '-'). Ranges compare code points.
        if (pos + 1 < pattern.size() && pattern[pos] == '-' && pattern[pos + 1] != ']') {
            const BracketItem high = read_bracket_item(pattern, pos + 1, encoding);
            pos = high.end;
            if (high.kind == BracketItem::Kind::Char && item.code <= code && code <= high.code) {
                found = true;
            }
            continue;
        }
        if (item.code == code) found = true;
    }
    return false;
}

bool is_valid_bracket(std::string_view pattern, std::size_t open, Encoding encoding) {
    bool matched = false;
    std::size_t end = 0;
    return match_bracket(pattern, open, 0, encoding, matched, end);
}

enum class Step : unsigned char { Star, Matched, Mismatched };

// Tests the pattern element at `p` against the character `c`; on a match (or a star) sets
// `next` to the offset after the element.
Step match_element(std::string_view pattern, std::size_t p, const Char& c, Encoding encoding,
                   std::size_t& next) {
    switch (pattern[p]) {
        case '*':
            next = p + 1;
            return Step::Star;
        case '?':
            next = p + 1;
            return Step::Matched;
        case '[': {
            bool matched = false;
            if (match_bracket(pattern, p, c.code, encoding, matched, next)) {
                return matched ? Step::Matched : Step::Mismatched;
            }
            break;  // No closing ']': a literal '['.
        }
        case '\\':
            if (p + 1 < pattern.size()) ++p;
            break;
        default:
            break;
    }
    const Char literal = decode(pattern, p, encoding);
    next = p + literal.length;
    return literal.code == c.code ? Step::Matched : Step::Mismatched;
}

// True if the pattern starts with a literal '.' (plain or quoted).
bool starts_with_literal_period(std::string_view pattern) {
    if (!pattern.empty() && pattern[0] == '.') return true;
    return pattern.size() >= 2 && pattern[0] == '\\' && pattern[1] == '.';
}

// The ASCII character the pattern element at `p` must match literally, or 0 when the element
// is anything else (a pattern character, a bracket, a non-ASCII character, the end).
char literal_ascii_at(std::string_view pattern, std::size_t p) {
    if (p >= pattern.size()) return 0;
    char c = pattern[p];
    if (c == '*' || c == '?' || c == '[') return 0;
    if (c == '\\') {
        if (p + 1 >= pattern.size()) return c;  // A lone trailing backslash is literal.
        c = pattern[p + 1];
    }
    return static_cast<unsigned char>(c) < 0x80 ? c : 0;
}

// True when the pattern has no *, ? or [ and no quoting: it matches only itself.
bool is_plain_text(std::string_view pattern) {
    for (char c : pattern) {
        if (c == '*' || c == '?' || c == '[' || c == '\\') return false;
    }
    return true;
}

// Matches one subject against one pattern with no '/' rules.
bool match_component(std::string_view pattern, std::string_view subject, MatchFlags flags,
                     Encoding encoding) {
    if (has_flag(flags, MatchFlags::Period) && !subject.empty() && subject[0] == '.' &&
        !starts_with_literal_period(pattern)) {
        return false;
    }
    if (is_plain_text(pattern)) return pattern == subject;
    std::size_t p = 0;
    std::size_t s = 0;
    // Where to resume after the most recent star: the pattern just past it and the subject
    // position it has absorbed up to.
    std::size_t star_p = std::string_view::npos;
    std::size_t star_s = 0;
    // The ASCII character that must follow what the star absorbs, if the pattern says one:
    // the star then skips straight to its next occurrence. (decode() takes an ASCII byte for
    // a whole character, as it always is in UTF-8.)
    char after_star = 0;
    while (s < subject.size()) {
        const Char c = decode(subject, s, encoding);
        if (p < pattern.size()) {
            std::size_t next = 0;
            const Step step = match_element(pattern, p, c, encoding, next);
            if (step == Step::Star) {
                if (next == pattern.size()) return true;  // A trailing star takes the rest.
                star_p = next;
                star_s = s;
                p = next;
                after_star = literal_ascii_at(pattern, next);
                if (after_star != 0) {
                    star_s = subject.find(after_star, s);
                    if (star_s == std::string_view::npos) return false;
                    s = star_s;
                }
                continue;
            }
            if (step == Step::Matched) {
                p = next;
                s += c.length;
                continue;
            }
        }
        if (star_p == std::string_view::npos) return false;
        // Let the last star absorb one more character and retry from there.
        star_s += decode(subject, star_s, encoding).length;
        if (after_star != 0) {
            star_s = subject.find(after_star, star_s);
            if (star_s == std::string_view::npos) return false;
        }
        s = star_s;
        p = star_p;
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

// Next '/' at or after `from` in the pattern that is not quoted ('\/' also only matches '/').
std::size_t find_pattern_slash(std::string_view pattern, std::size_t from) {
    for (std::size_t i = from; i < pattern.size(); ++i) {
        if (pattern[i] == '/') return i;
        if (pattern[i] == '\\' && i + 1 < pattern.size()) {
            if (pattern[i + 1] == '/') return i;
            ++i;
        }
    }
    return std::string_view::npos;
}

// Offsets at which characters start in `subject`, plus subject.size().
std::vector<std::size_t> char_boundaries(std::string_view subject, Encoding encoding) {
    std::vector<std::size_t> bounds;
    bounds.reserve(subject.size() + 1);
    for (std::size_t i = 0; i < subject.size(); i += decode(subject, i, encoding).length) {
        bounds.push_back(i);
    }
    bounds.push_back(subject.size());
    return bounds;
}

bool is_ascii(std::string_view text) {
    for (char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

enum class Side : unsigned char { Prefix, Suffix };

std::size_t match_affix(std::string_view pattern, std::string_view subject, MatchLength length,
                        Side side) {
    const Encoding encoding = current_encoding();
    // Candidate lengths, in the order they are tried.
    auto test = [&](std::size_t n) {
        const std::string_view part =
            side == Side::Prefix ? subject.substr(0, n) : subject.substr(subject.size() - n);
        return pattern_match(pattern, part);
    };
    const bool shortest = length == MatchLength::Shortest;
    if (encoding == Encoding::Bytes || is_ascii(subject)) {
        const std::size_t size = subject.size();
        for (std::size_t i = 0; i <= size; ++i) {
            const std::size_t n = shortest ? i : size - i;
            if (test(n)) return n;
        }
        return std::string::npos;
    }
    const std::vector<std::size_t> bounds = char_boundaries(subject, encoding);
    const std::size_t count = bounds.size();
    for (std::size_t i = 0; i < count; ++i) {
        // Prefix lengths are boundaries; suffix lengths are size minus a boundary.
        const std::size_t b = bounds[(side == Side::Prefix) == shortest ? i : count - 1 - i];
        const std::size_t n = side == Side::Prefix ? b : subject.size() - b;
        if (test(n)) return n;
    }
    return std::string::npos;
}

}  // namespace

bool pattern_match(std::string_view pattern, std::string_view subject, MatchFlags flags) {
    const Encoding encoding = current_encoding();
    if (!has_flag(flags, MatchFlags::Pathname)) {
        return match_component(pattern, subject, flags, encoding);
    }
    // With Pathname, '/' is matched only by '/': match component against component.
    std::size_t p = 0;
    std::size_t s = 0;
    for (;;) {
        const std::size_t pattern_slash = find_pattern_slash(pattern, p);
        const std::size_t subject_slash = subject.find('/', s);
        const std::size_t p_end =
            pattern_slash == std::string_view::npos ? pattern.size() : pattern_slash;
        const std::size_t s_end =
            subject_slash == std::string_view::npos ? subject.size() : subject_slash;
        if (!match_component(pattern.substr(p, p_end - p), subject.substr(s, s_end - s), flags,
                             encoding)) {
            return false;
        }
        if ((pattern_slash == std::string_view::npos) !=
            (subject_slash == std::string_view::npos)) {
            return false;
        }
        if (pattern_slash == std::string_view::npos) return true;
        p = pattern_slash + (pattern[pattern_slash] == '\\' ? 2 : 1);
        s = subject_slash + 1;
    }
}

bool has_pattern_chars(std::string_view pattern) {
    const Encoding encoding = current_encoding();
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        switch (pattern[i]) {
            case '\\':
                ++i;
                break;
            case '*':
            case '?':
                return true;
            case '[':
                if (is_valid_bracket(pattern, i, encoding)) return true;
                break;
            default:
                break;
        }
    }
    return false;
}

std::string unescape_pattern(std::string_view pattern) {
    std::string out;
    out.reserve(pattern.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '\\' && i + 1 < pattern.size()) ++i;
        out += pattern[i];
    }
    return out;
}

std::size_t match_prefix(std::string_view pattern, std::string_view subject, MatchLength length) {
    return match_affix(pattern, subject, length, Side::Prefix);
}

std::size_t match_suffix(std::string_view pattern, std::string_view subject, MatchLength length) {
    return match_affix(pattern, subject, length, Side::Suffix);
}

}  // namespace vsh
