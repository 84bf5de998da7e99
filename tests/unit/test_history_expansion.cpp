// History expansion (`!!`, `!n`, `!-n`, `!str`, `!?str?`, `!$`, `!^`, `!*`, `^old^new`) on
// one line against a history list, and the places where `!` is left alone as in bash.
#include <catch2/catch.hpp>

#include "shell/history/expansion.hpp"

namespace {

using vsh::ExpansionOutcome;

// A list numbered 1..: "echo one two", "ls -l /tmp", "grep foo 'a b' | wc -l".
vsh::History sample() {
    vsh::History h;
    h.add("echo one two");
    h.add("ls -l /tmp");
    h.add("grep foo 'a b' | wc -l");
    return h;
}

std::string expanded(std::string_view line) {
    vsh::HistoryExpansion result = vsh::expand_history(line, sample());
    REQUIRE(result.outcome == ExpansionOutcome::Expanded);
    return result.text;
}

std::string failure(std::string_view line) {
    vsh::HistoryExpansion result = vsh::expand_history(line, sample());
    REQUIRE(result.outcome == ExpansionOutcome::Failed);
    return result.error;
}

void unchanged(std::string_view line) {
    vsh::HistoryExpansion result = vsh::expand_history(line, sample());
    CHECK(result.outcome == ExpansionOutcome::Unchanged);
    CHECK(result.text == line);
}

}  // namespace

TEST_CASE("events: !!, !n, !-n, !str, !?str?", "[history-expansion]") {
    CHECK(expanded("!!") == "grep foo 'a b' | wc -l");
    CHECK(expanded("sudo !!") == "sudo grep foo 'a b' | wc -l");
    CHECK(expanded("!1") == "echo one two");
    CHECK(expanded("!-2") == "ls -l /tmp");
    CHECK(expanded("!-1 x") == "grep foo 'a b' | wc -l x");
    CHECK(expanded("!ec") == "echo one two");
    CHECK(expanded("!l;!e") == "ls -l /tmp;echo one two");
    CHECK(expanded("!?tmp?") == "ls -l /tmp");
    CHECK(expanded("!?tmp") == "ls -l /tmp");
    CHECK(expanded("!?one? three") == "echo one two three");
}

TEST_CASE("word designators of the previous command: !$, !^, !*", "[history-expansion]") {
    CHECK(expanded("echo !$") == "echo -l");
    CHECK(expanded("echo !^") == "echo foo");
    CHECK(expanded("echo !*") == "echo foo 'a b' | wc -l");
    vsh::History h;
    h.add("cat \"my file\" other");
    CHECK(vsh::expand_history("vi !^", h).text == "vi \"my file\"");
    CHECK(vsh::expand_history("vi !$", h).text == "vi other");
}

TEST_CASE("quick substitution ^old^new", "[history-expansion]") {
    CHECK(expanded("^foo^bar") == "grep bar 'a b' | wc -l");
    CHECK(expanded("^foo^bar^") == "grep bar 'a b' | wc -l");
    CHECK(expanded("^wc -l^cat^ -n") == "grep foo 'a b' | cat -n");
    CHECK(expanded("^foo^") == "grep  'a b' | wc -l");
    CHECK(failure("^nothere^x") == "^nothere^x: substitution failed");
}

TEST_CASE("an event not found is an error naming it", "[history-expansion]") {
    CHECK(failure("!foo") == "!foo: event not found");
    CHECK(failure("echo !foo bar") == "!foo: event not found");
    CHECK(failure("!99") == "!99: event not found");
    CHECK(failure("!-9") == "!-9: event not found");
    CHECK(failure("!?zzz?") == "!?zzz?: event not found");
    vsh::History empty;
    CHECK(vsh::expand_history("!!", empty).outcome == ExpansionOutcome::Failed);
    CHECK(vsh::expand_history("!!", empty).error == "!!: event not found");
    CHECK(vsh::expand_history("echo !$", empty).outcome == ExpansionOutcome::Failed);
}

TEST_CASE("a ! that starts no event stays as typed", "[history-expansion]") {
    unchanged("echo hi !");
    unchanged("! true");
    unchanged("echo a!\tb");
    unchanged("x!=y");
    unchanged("echo !(foo)");
    unchanged("echo \"wow!\"");
    unchanged("echo $! ${!x}");
    unchanged("echo plain line");
}

TEST_CASE("no expansion inside single quotes or after a backslash", "[history-expansion]") {
    unchanged("echo '!!' '!$'");
    unchanged("echo \\!!");
    CHECK(expanded("echo '!!' !!") == "echo '!!' grep foo 'a b' | wc -l");
    // Double quotes do not protect `!` (as in bash), and a ' inside them is not a quote.
    CHECK(expanded("echo \"it's !1\"") == "echo \"it's echo one two\"");
}

TEST_CASE("^ only substitutes at the start of a line", "[history-expansion]") {
    unchanged("echo a^b^c");
}

TEST_CASE("history_words splits like the shell's tokens", "[history-expansion]") {
    std::vector<std::string> words = vsh::history_words("a  'b c'>>out|| d\\ e");
    std::vector<std::string> expected = {"a", "'b c'", ">>", "out", "||", "d\\ e"};
    CHECK(words == expected);
}
