// Pattern matching. Expectations were checked with `case` in dash and bash; where the two
// differ the test says which one vsh follows.
#include <catch2/catch.hpp>

#include <clocale>
#include <string>

#include "shell/expand/pattern.hpp"

using vsh::has_pattern_chars;
using vsh::match_prefix;
using vsh::match_suffix;
using vsh::MatchFlags;
using vsh::MatchLength;
using vsh::pattern_match;
using vsh::unescape_pattern;

namespace {

constexpr std::size_t kNone = std::string::npos;

// Switches LC_ALL for the scope of a test, restoring "C" afterwards.
class LocaleScope {
  public:
    explicit LocaleScope(const char* name) { active_ = std::setlocale(LC_ALL, name) != nullptr; }
    ~LocaleScope() { std::setlocale(LC_ALL, "C"); }
    LocaleScope(const LocaleScope&) = delete;
    LocaleScope& operator=(const LocaleScope&) = delete;
    bool active() const { return active_; }

  private:
    bool active_ = false;
};

}  // namespace

TEST_CASE("pattern: literals, ? and *", "[pattern]") {
    CHECK(pattern_match("abc", "abc"));
    CHECK_FALSE(pattern_match("abc", "abd"));
    CHECK_FALSE(pattern_match("abc", "ab"));
    CHECK_FALSE(pattern_match("ab", "abc"));
    CHECK(pattern_match("", ""));
    CHECK_FALSE(pattern_match("", "a"));
    CHECK(pattern_match("a?c", "abc"));
    CHECK_FALSE(pattern_match("a?c", "ac"));
    CHECK(pattern_match("???", "xyz"));
    CHECK(pattern_match("*", ""));
    CHECK(pattern_match("*", "anything"));
    CHECK(pattern_match("**", "x"));
    CHECK(pattern_match("a*", "a"));
    CHECK(pattern_match("*c", "abc"));
    CHECK(pattern_match("a*c", "ac"));
    CHECK(pattern_match("a*c", "abbbc"));
    CHECK_FALSE(pattern_match("a*c", "abbbd"));
    CHECK(pattern_match("*.tar.gz", "x.tar.gz"));
    CHECK(pattern_match("a*b*c", "a-b-b-c"));
    CHECK(pattern_match("*ab*ab*", "xabyabz"));
    CHECK_FALSE(pattern_match("*ab*ab*", "xabyz"));
    CHECK(pattern_match("*?", "a"));
    CHECK_FALSE(pattern_match("*?", ""));
    CHECK(pattern_match("*a", "aaaa"));
}

TEST_CASE("pattern: a star before a literal character retries at each occurrence", "[pattern]") {
    // The star skips to the next occurrence of the character after it; every occurrence
    // must still be tried, and a quoted character counts as that character.
    CHECK(pattern_match("*a-b", "a-a-a-b"));
    CHECK(pattern_match("*\\*x", "**x"));
    CHECK_FALSE(pattern_match("*\\*x", "ax"));
    CHECK(pattern_match("*xy*", "xxxy"));
    CHECK_FALSE(pattern_match("*xy", "xyx"));
    CHECK(pattern_match("*\\", "ab\\"));
    CHECK(pattern_match("*-[0-9]", "a-b-7"));
    CHECK_FALSE(pattern_match("*z", std::string(1000, 'a')));
    CHECK(pattern_match("*marker:*", "some text marker:spec 12"));
}

TEST_CASE("pattern: a pattern without pattern characters matches only itself", "[pattern]") {
    CHECK(pattern_match("plain-text.txt", "plain-text.txt"));
    CHECK_FALSE(pattern_match("plain", "plain-text"));
    CHECK_FALSE(pattern_match(".profile", ".profilx", MatchFlags::Pathname | MatchFlags::Period));
    CHECK(pattern_match(".profile", ".profile", MatchFlags::Period));
}

TEST_CASE("pattern: backslash quotes the next character", "[pattern]") {
    CHECK(pattern_match("\\*", "*"));
    CHECK_FALSE(pattern_match("\\*", "x"));
    CHECK(pattern_match("\\?", "?"));
    CHECK_FALSE(pattern_match("\\?", "a"));
    CHECK(pattern_match("\\[a]", "[a]"));
    CHECK_FALSE(pattern_match("\\[a]", "a"));
    CHECK(pattern_match("\\\\", "\\"));
    CHECK(pattern_match("a\\bc", "abc"));
    CHECK(pattern_match("*\\*", "x*"));
    CHECK_FALSE(pattern_match("*\\*", "xy"));
    CHECK(pattern_match("\\", "\\"));  // A lone trailing backslash is itself.
}

TEST_CASE("pattern: bracket expressions", "[pattern]") {
    CHECK(pattern_match("[abc]", "b"));
    CHECK_FALSE(pattern_match("[abc]", "d"));
    CHECK(pattern_match("[a-z]", "m"));
    CHECK_FALSE(pattern_match("[a-z]", "M"));
    CHECK(pattern_match("[a-a]", "a"));
    CHECK_FALSE(pattern_match("[z-a]", "m"));  // An empty range.
    CHECK(pattern_match("[0-9a-f]", "c"));
    CHECK(pattern_match("[!a]", "b"));
    CHECK_FALSE(pattern_match("[!a]", "a"));
    CHECK(pattern_match("[^a]", "b"));  // bash and ksh accept ^ (dash does not).
    CHECK_FALSE(pattern_match("[^a]", "a"));
    CHECK(pattern_match("[]a]", "]"));  // ']' first is a member.
    CHECK(pattern_match("[]a]", "a"));
    CHECK_FALSE(pattern_match("[!]a]", "]"));
    CHECK(pattern_match("[!]a]", "b"));
    CHECK(pattern_match("[a-]", "-"));  // '-' last is a member.
    CHECK(pattern_match("[-a]", "-"));
    CHECK(pattern_match("[--0]", "."));  // A range from '-' to '0'.
    CHECK(pattern_match("[]-a]", "_"));  // A range from ']' to 'a'.
    CHECK(pattern_match("[a]]", "a]"));  // [a] then a literal ']'.
    CHECK(pattern_match("[[]", "["));
    CHECK(pattern_match("[*?]", "*"));  // * and ? are ordinary inside brackets.
    CHECK_FALSE(pattern_match("[*?]", "x"));
    CHECK(pattern_match("x[ab]*y", "xbzzy"));
    CHECK(pattern_match("[ab][cd]", "bd"));
}

TEST_CASE("pattern: quoting inside brackets", "[pattern]") {
    CHECK(pattern_match("[\\]]", "]"));
    CHECK_FALSE(pattern_match("[\\]]", "\\"));
    CHECK(pattern_match("[a\\-z]", "-"));  // A quoted '-' makes no range.
    CHECK_FALSE(pattern_match("[a\\-z]", "b"));
    CHECK(pattern_match("[\\!a]", "!"));  // A quoted '!' does not negate.
    CHECK_FALSE(pattern_match("[\\!a]", "b"));
    CHECK(pattern_match("[\\a-c]", "b"));
    CHECK(pattern_match("[a-\\c]", "b"));
}

TEST_CASE("pattern: an unterminated '[' is literal", "[pattern]") {
    CHECK(pattern_match("[", "["));
    CHECK(pattern_match("[a-z", "[a-z"));
    CHECK_FALSE(pattern_match("[a-z", "b"));
    CHECK(pattern_match("a[", "a["));
    CHECK(pattern_match("[!", "[!"));
    CHECK(pattern_match("[]", "[]"));
    CHECK(pattern_match("[!]", "[!]"));
    CHECK(pattern_match("*[", "x["));
    CHECK(pattern_match("[*", "[abc"));  // The star after it still works.
    CHECK(pattern_match("[[:", "[[:"));
    // "[" is literal, then "[:alpha:]" is a valid bracket of ':' 'a' 'l' 'p' 'h'.
    CHECK_FALSE(pattern_match("[[:alpha:]", "a"));
    CHECK(pattern_match("[[:alpha:]", "[h"));
}

TEST_CASE("pattern: character classes", "[pattern]") {
    CHECK(pattern_match("[[:alpha:]]", "q"));
    CHECK_FALSE(pattern_match("[[:alpha:]]", "1"));
    CHECK(pattern_match("[[:digit:]]", "7"));
    CHECK(pattern_match("[[:alnum:]]", "Z"));
    CHECK_FALSE(pattern_match("[[:alnum:]]", "_"));
    CHECK(pattern_match("[[:upper:][:digit:]]", "5"));
    CHECK(pattern_match("[[:upper:][:digit:]]", "Q"));
    CHECK_FALSE(pattern_match("[[:upper:][:digit:]]", "q"));
    CHECK(pattern_match("[[:lower:]]", "a"));
    CHECK_FALSE(pattern_match("[[:lower:]]", "A"));
    CHECK(pattern_match("[[:space:]]", " "));
    CHECK(pattern_match("[[:space:]]", "\n"));
    CHECK_FALSE(pattern_match("[![:space:]]", " "));
    CHECK(pattern_match("[[:blank:]]", "\t"));
    CHECK_FALSE(pattern_match("[[:blank:]]", "\n"));
    CHECK(pattern_match("[[:punct:]]", "!"));
    CHECK_FALSE(pattern_match("[[:punct:]]", "a"));
    CHECK(pattern_match("[[:xdigit:]]", "F"));
    CHECK_FALSE(pattern_match("[[:xdigit:]]", "g"));
    CHECK(pattern_match("[[:cntrl:]]", "\x01"));
    CHECK_FALSE(pattern_match("[[:graph:]]", " "));
    CHECK(pattern_match("[[:graph:]]", "~"));
    CHECK(pattern_match("[[:print:]]", " "));
    CHECK_FALSE(pattern_match("[[:print:]]", "\x7f"));
    CHECK(pattern_match("[[:alpha:]-z]", "-"));  // A class is no range end: '-' is a member.
    CHECK(pattern_match("[x[:digit:]]", "x"));
}

TEST_CASE("pattern: unknown classes match nothing", "[pattern]") {
    CHECK_FALSE(pattern_match("[[:foo:]]", "f"));
    CHECK_FALSE(pattern_match("[[:foo:]]", ":"));
    CHECK(pattern_match("[![:foo:]]", "f"));
}

TEST_CASE("pattern: incomplete [: [. [= are ordinary members", "[pattern]") {
    // As dash: the '[' is a member and the bracket goes on.
    CHECK(pattern_match("[[:]", ":"));
    CHECK(pattern_match("[[:]", "["));
    CHECK(pattern_match("[[.]", "."));
    CHECK(pattern_match("[[=]", "="));
}

TEST_CASE("pattern: collating symbols and equivalence classes", "[pattern]") {
    // bash and ksh support single-character ones (dash does not).
    CHECK(pattern_match("[[.a.]]", "a"));
    CHECK_FALSE(pattern_match("[[.a.]]", "b"));
    CHECK(pattern_match("[[.-.]]", "-"));
    CHECK(pattern_match("[[.].]]", "]"));
    CHECK(pattern_match("[[=a=]]", "a"));
    CHECK_FALSE(pattern_match("[[=a=]]", "b"));
    CHECK(pattern_match("[[.a.]-c]", "b"));  // A collating symbol can start a range...
    CHECK(pattern_match("[a-[.c.]]", "b"));  // ...and end one.
    CHECK_FALSE(pattern_match("[a-[.c.]]", "d"));
}

TEST_CASE("pattern: Period flag", "[pattern]") {
    const MatchFlags period = MatchFlags::Period;
    CHECK_FALSE(pattern_match("*", ".profile", period));
    CHECK_FALSE(pattern_match("?profile", ".profile", period));
    CHECK_FALSE(pattern_match("[.]profile", ".profile", period));
    CHECK_FALSE(pattern_match("[!a]profile", ".profile", period));
    CHECK(pattern_match(".*", ".profile", period));
    CHECK(pattern_match("\\.*", ".profile", period));
    CHECK(pattern_match("*", "a.b", period));  // Only the leading period is special.
    CHECK(pattern_match("*", ".profile"));     // Without the flag '.' is ordinary.
    CHECK(pattern_match("?profile", ".profile"));
}

TEST_CASE("pattern: Pathname flag", "[pattern]") {
    const MatchFlags path = MatchFlags::Pathname;
    CHECK_FALSE(pattern_match("*", "a/b", path));
    CHECK_FALSE(pattern_match("a?b", "a/b", path));
    CHECK_FALSE(pattern_match("a[/]b", "a/b", path));
    CHECK(pattern_match("a/b", "a/b", path));
    CHECK(pattern_match("*/*", "dir/file", path));
    CHECK_FALSE(pattern_match("*/*", "a/b/c", path));
    CHECK(pattern_match("*/*/*", "a/b/c", path));
    CHECK_FALSE(pattern_match("*/b*", "a/b/c", path));
    CHECK(pattern_match("a\\/b", "a/b", path));  // A quoted slash is still a slash.
    CHECK(pattern_match("*", "a/b"));            // Without the flag '*' crosses '/'.
    CHECK(pattern_match("a?b", "a/b"));
    const MatchFlags both = MatchFlags::Pathname | MatchFlags::Period;
    CHECK_FALSE(pattern_match("*/*", "dir/.hidden", both));
    CHECK(pattern_match("*/.*", "dir/.hidden", both));
    CHECK_FALSE(pattern_match("*/*", ".dir/x", both));
    CHECK(pattern_match("*/*", "dir/.hidden", path));
}

TEST_CASE("pattern: many stars do not take exponential time", "[pattern]") {
    const std::string as(10000, 'a');
    CHECK_FALSE(pattern_match("*a*a*a*a*a*a*a*a*a*a*b", as));
    CHECK(pattern_match("*a*a*a*a*a*a*a*a*a*a*", as));
    CHECK_FALSE(pattern_match("*a*a*a*a*a*a*a*a*a*a*b", as, MatchFlags::Pathname));
    CHECK_FALSE(pattern_match("*?*?*?*?*?*?*?*?*?*?*[b]", as));
}

TEST_CASE("pattern: has_pattern_chars", "[pattern]") {
    CHECK(has_pattern_chars("*"));
    CHECK(has_pattern_chars("a?b"));
    CHECK(has_pattern_chars("[ab]"));
    CHECK(has_pattern_chars("x[!a]y"));
    CHECK_FALSE(has_pattern_chars(""));
    CHECK_FALSE(has_pattern_chars("plain"));
    CHECK_FALSE(has_pattern_chars("\\*"));
    CHECK_FALSE(has_pattern_chars("\\?\\["));
    CHECK_FALSE(has_pattern_chars("["));
    CHECK_FALSE(has_pattern_chars("[ab"));
    CHECK_FALSE(has_pattern_chars("a]"));
    CHECK_FALSE(has_pattern_chars("\\[ab]"));
    CHECK_FALSE(has_pattern_chars("[ab\\]"));  // The only ']' is quoted: no bracket.
    CHECK(has_pattern_chars("[ab\\]]"));
    CHECK(has_pattern_chars("\\\\*"));  // A quoted backslash, then a real star.
    CHECK_FALSE(has_pattern_chars("trailing\\"));
}

TEST_CASE("pattern: unescape_pattern", "[pattern]") {
    CHECK(unescape_pattern("") == "");
    CHECK(unescape_pattern("abc") == "abc");
    CHECK(unescape_pattern("\\*") == "*");
    CHECK(unescape_pattern("a\\*b\\?") == "a*b?");
    CHECK(unescape_pattern("\\\\") == "\\");
    CHECK(unescape_pattern("\\\\\\*") == "\\*");
    CHECK(unescape_pattern("end\\") == "end\\");
    CHECK(unescape_pattern("[a]") == "[a]");  // Unquoted pattern characters stay.
}

TEST_CASE("pattern: match_prefix", "[pattern]") {
    // ${x#p} and ${x##p} with x=aXbXc.
    CHECK(match_prefix("*X", "aXbXc", MatchLength::Shortest) == 2);
    CHECK(match_prefix("*X", "aXbXc", MatchLength::Longest) == 4);
    CHECK(match_prefix("*", "abc", MatchLength::Shortest) == 0);
    CHECK(match_prefix("*", "abc", MatchLength::Longest) == 3);
    CHECK(match_prefix("a", "abc", MatchLength::Longest) == 1);
    CHECK(match_prefix("b", "abc", MatchLength::Shortest) == kNone);
    CHECK(match_prefix("", "abc", MatchLength::Shortest) == 0);
    CHECK(match_prefix("", "", MatchLength::Longest) == 0);
    CHECK(match_prefix("?", "", MatchLength::Longest) == kNone);
    CHECK(match_prefix("*/", "/usr/local/bin", MatchLength::Longest) == 11);
    CHECK(match_prefix("\\*", "*x", MatchLength::Shortest) == 1);
}

TEST_CASE("pattern: match_suffix", "[pattern]") {
    // ${x%p} and ${x%%p} with x=file.tar.gz.
    CHECK(match_suffix(".*", "file.tar.gz", MatchLength::Shortest) == 3);
    CHECK(match_suffix(".*", "file.tar.gz", MatchLength::Longest) == 7);
    CHECK(match_suffix("*", "abc", MatchLength::Shortest) == 0);
    CHECK(match_suffix("*", "abc", MatchLength::Longest) == 3);
    CHECK(match_suffix("c", "abc", MatchLength::Shortest) == 1);
    CHECK(match_suffix("a", "abc", MatchLength::Shortest) == kNone);
    CHECK(match_suffix("/*", "/usr/local/bin", MatchLength::Shortest) == 4);
    CHECK(match_suffix("/*", "/usr/local/bin", MatchLength::Longest) == 14);
    CHECK(match_suffix("[0-9]", "v12", MatchLength::Longest) == 1);
}

TEST_CASE("pattern: bytes in the C locale", "[pattern]") {
    LocaleScope c("C");
    const std::string e_acute = "\xc3\xa9";  // é in UTF-8: two bytes here.
    CHECK_FALSE(pattern_match("?", e_acute));
    CHECK(pattern_match("??", e_acute));
    CHECK(pattern_match("[\xc3][\xa9]", e_acute));
    CHECK(match_suffix("?", e_acute, MatchLength::Shortest) == 1);
}

TEST_CASE("pattern: multibyte characters in a UTF-8 locale", "[pattern]") {
    LocaleScope utf8("C.UTF-8");
    if (!utf8.active()) {
        WARN("C.UTF-8 locale not available; skipped");
        return;
    }
    const std::string e_acute = "\xc3\xa9";
    const std::string snowman = "\xe2\x98\x83";
    CHECK(pattern_match("?", e_acute));
    CHECK_FALSE(pattern_match("??", e_acute));
    CHECK(pattern_match("[" + e_acute + "]", e_acute));
    CHECK(pattern_match("[!a]", e_acute));
    CHECK(pattern_match("[[:alpha:]]", e_acute));
    CHECK_FALSE(pattern_match("[[:alpha:]]", snowman));
    CHECK(pattern_match("[a-" + snowman + "]", e_acute));  // Code point order.
    CHECK(pattern_match("x?y", "x" + snowman + "y"));
    CHECK(pattern_match("*" + snowman, "ab" + snowman));
    // Only whole characters are removed by ${x%?} and ${x#?}.
    const std::string word = "a" + e_acute + snowman;
    CHECK(match_suffix("?", word, MatchLength::Shortest) == 3);
    CHECK(match_prefix("??", word, MatchLength::Shortest) == 3);
    CHECK(match_prefix("*", word, MatchLength::Longest) == word.size());
    CHECK(match_suffix("?*", word, MatchLength::Longest) == word.size());
    CHECK(match_suffix(e_acute + "*", word, MatchLength::Shortest) == 5);
    // A stray byte is one character that matches only itself.
    CHECK(pattern_match("?", "\xff"));
    CHECK(pattern_match("\xff", "\xff"));
    CHECK_FALSE(pattern_match("[[:alpha:]]", "\xff"));
    CHECK(pattern_match("a?b",
                        "a\xc3z"
                        "b") == false);
    CHECK(pattern_match("a??b",
                        "a\xc3z"
                        "b"));
}
