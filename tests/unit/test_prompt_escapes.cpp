// bash's prompt escapes (\u \w \t ...), decoded with fixed facts so every answer is known,
// and what the decoded text becomes after the prompt's expansion.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <string>

#include "shell/core/shell.hpp"
#include "shell/expand/prompt_escapes.hpp"
#include "shell/interactive/prompt.hpp"
#include "test_shell.hpp"

namespace {

class FixedFacts final : public vsh::PromptFacts {
  public:
    std::string directory = "/home/ann/src/vsh";
    bool root = false;
    std::string user() const override { return "ann"; }
    std::string host() const override { return "box.example.org"; }
    std::string working_directory() const override { return directory; }
    std::string home() const override { return "/home/ann"; }
    std::string shell_name() const override { return "vsh"; }
    int job_count() const override { return 2; }
    int history_number() const override { return 41; }
    int command_number() const override { return 7; }
    bool is_root() const override { return root; }
    std::tm now() const override {
        std::tm when{};
        when.tm_year = 2026 - 1900;
        when.tm_mon = 11;  // December
        when.tm_mday = 7;
        when.tm_wday = 1;  // Monday
        when.tm_hour = 15;
        when.tm_min = 4;
        when.tm_sec = 9;
        return when;
    }
};

std::string decode(const std::string& text, const FixedFacts& facts = FixedFacts()) {
    return vsh::decode_prompt_escapes(text, facts);
}

}  // namespace

TEST_CASE("prompt escapes: user, host, directory", "[prompt]") {
    CHECK(decode("\\u@\\h:\\H") == "ann@box:box.example.org");
    CHECK(decode("\\w \\W") == "~/src/vsh vsh");
    FixedFacts home;
    home.directory = "/home/ann";
    CHECK(decode("\\w \\W", home) == "~ ~");
    FixedFacts elsewhere;
    elsewhere.directory = "/home/annex";  // Shares a prefix with HOME, but is not under it.
    CHECK(decode("\\w \\W", elsewhere) == "/home/annex annex");
    elsewhere.directory = "/";
    CHECK(decode("\\w \\W", elsewhere) == "/ /");
}

TEST_CASE("prompt escapes: time and date", "[prompt]") {
    CHECK(decode("\\t|\\T|\\@|\\A") == "15:04:09|03:04:09|03:04 PM|15:04");
    CHECK(decode("\\d") == "Mon Dec 07");
    CHECK(decode("\\D{%Y-%m-%d}") == "2026-12-07");
    CHECK(decode("\\D{}") == "15:04:09");  // The locale's time (C locale).
    CHECK(decode("\\D{%Y") == "\\D{%Y");   // No closing brace: kept as written.
}

TEST_CASE("prompt escapes: counters, characters, markers", "[prompt]") {
    CHECK(decode("\\j \\! \\# \\s") == "2 41 7 vsh");
    CHECK(decode("\\a\\e\\n\\r") == "\a\033\n\r");
    CHECK(decode("\\101\\0612") == "A12");
    CHECK(decode("\\[\\e[1m\\]") == "\001\033[1m\002");
    CHECK(decode("\\v").find('.') != std::string::npos);
    CHECK(decode("\\V").rfind(decode("\\v"), 0) == 0);
    // Unknown escapes are kept for the expansion that follows.
    CHECK(decode("\\z\\$x") == "\\z\\$x");
}

TEST_CASE("prompt escapes quote what the expansion would act on", "[prompt]") {
    // `\$` is `$` (or `#` for root), and `\\` one backslash, after the expansion.
    CHECK(decode("\\$ ") == "\\$ ");
    FixedFacts root;
    root.root = true;
    CHECK(decode("\\$ ", root) == "# ");
    CHECK(decode("a\\\\b") == "a\\\\b");
    FixedFacts odd;
    odd.directory = "/tmp/$HOME`x`";
    CHECK(decode("\\W", odd) == "\\$HOME\\`x\\`");
}

TEST_CASE("prompt escapes in PS1 and PS2, before parameter expansion", "[prompt]") {
    TestShell sh;
    REQUIRE(sh.vars.set("HOME", "/home/ann"));
    REQUIRE(sh.vars.set("PWD", "/home/ann/$dir"));
    REQUIRE(sh.vars.set("X", "x"));
    REQUIRE(sh.vars.set("PS1", "\\w:$X:\\!:!\\\\ \\$ "));
    const std::string dollar = geteuid() == 0 ? "#" : "$";
    CHECK(vsh::interactive::expand_prompt(sh, vsh::Prompt::Primary, 9) ==
          "~/$dir:x:9:9\\ " + dollar + " ");
    REQUIRE(sh.vars.set("PS2", "\\W> "));
    CHECK(vsh::interactive::expand_prompt(sh, vsh::Prompt::Continuation, 9) == "$dir> ");
}

TEST_CASE("PS1's ! leaves backslash escapes to the decoder", "[prompt]") {
    using vsh::interactive::expand_history_marks;
    CHECK(expand_history_marks("\\! \\\\! !", 4) == "\\! \\\\4 4");
}

TEST_CASE("PROMPT_COMMAND runs before PS1 and keeps $?", "[prompt]") {
    TestShell sh;
    sh.last_status = 3;
    REQUIRE(sh.vars.set("PROMPT_COMMAND", "N=$((N+1)); false"));
    REQUIRE(sh.vars.set("PS1", "$N:$? "));
    CHECK(vsh::interactive::expand_prompt(sh, vsh::Prompt::Primary, 1) == "1:3 ");
    CHECK(vsh::interactive::expand_prompt(sh, vsh::Prompt::Primary, 1) == "2:3 ");
    // Not before PS2.
    REQUIRE(sh.vars.set("PS2", "$N> "));
    CHECK(vsh::interactive::expand_prompt(sh, vsh::Prompt::Continuation, 1) == "2> ");
    CHECK(sh.last_status == 3);
}
