// The variables' journal (Variables::open_journal): what a $(...) run in the shell changes is
// put back as a subshell's changes would be, and the InlineSubshells rules that decide which
// bodies may run that way.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <variant>

#include "shell/exec/inline_subshell.hpp"
#include "shell/parser/parser.hpp"
#include "shell/traps/traps.hpp"
#include "test_shell.hpp"

namespace {

std::string value(const vsh::Variables& vars, const char* name) {
    const std::string* v = vars.get(name);
    return v == nullptr ? "<unset>" : *v;
}

}  // namespace

TEST_CASE("a rolled-back journal restores values, attributes and absence") {
    vsh::Variables vars;
    REQUIRE(vars.set("kept", "1"));
    REQUIRE(vars.set("gone", "2"));
    REQUIRE(vars.set("ex", "3"));
    vars.open_journal();
    REQUIRE(vars.set("kept", "changed"));
    REQUIRE(vars.set("kept", "changed again"));
    REQUIRE(vars.set("fresh", "new"));
    REQUIRE(vars.unset("gone"));
    vars.set_exported("ex", true);
    vars.set_readonly("kept");
    CHECK(value(vars, "kept") == "changed again");
    vars.roll_back_journal();
    CHECK(value(vars, "kept") == "1");
    CHECK(value(vars, "fresh") == "<unset>");
    CHECK(vars.find("fresh") == nullptr);
    CHECK(value(vars, "gone") == "2");
    CHECK_FALSE(vars.find("ex")->exported);
    CHECK_FALSE(vars.find("kept")->readonly);
    CHECK(vars.set("kept", "writable again"));
    // Nothing of the exported change is left in the environment either.
    for (char* const* e = vars.environment(); *e != nullptr; ++e)
        CHECK(std::string(*e).rfind("ex=", 0) != 0);
}

TEST_CASE("nested journals each put back their own changes") {
    vsh::Variables vars;
    REQUIRE(vars.set("x", "outer"));
    vars.open_journal();
    REQUIRE(vars.set("x", "level 1"));
    vars.open_journal();
    REQUIRE(vars.set("x", "level 2"));
    REQUIRE(vars.set("y", "level 2"));
    vars.roll_back_journal();
    CHECK(value(vars, "x") == "level 1");
    CHECK(value(vars, "y") == "<unset>");
    REQUIRE(vars.set("y", "level 1"));
    vars.roll_back_journal();
    CHECK(value(vars, "x") == "outer");
    CHECK(value(vars, "y") == "<unset>");
}

TEST_CASE("a function scope opened and closed inside a journal leaves it consistent") {
    vsh::Variables vars;
    REQUIRE(vars.set("v", "global"));
    vars.open_journal();
    vars.push_scope();
    vars.make_local("v");
    REQUIRE(vars.set("v", "local"));
    REQUIRE(vars.unset("v"));
    vars.pop_scope();
    CHECK(value(vars, "v") == "global");
    REQUIRE(vars.set("v", "after the call"));
    vars.roll_back_journal();
    CHECK(value(vars, "v") == "global");
}

TEST_CASE("a journal puts the RANDOM generator back") {
    vsh::Variables vars;
    REQUIRE(vars.set("RANDOM", "42"));
    const std::string first = value(vars, "RANDOM");
    REQUIRE(vars.set("RANDOM", "42"));
    vars.open_journal();
    (void)value(vars, "RANDOM");
    REQUIRE(vars.set("RANDOM", "7"));
    (void)value(vars, "RANDOM");
    vars.roll_back_journal();
    CHECK(value(vars, "RANDOM") == first);
}

namespace {

std::unique_ptr<vsh::ast::Command> parse_one(const TestShell& sh, const std::string& text) {
    vsh::StringSource source{text};
    vsh::Parser parser(source, &sh.aliases);
    vsh::ParseResult parsed = parser.next_command();
    auto* command = std::get_if<std::unique_ptr<vsh::ast::Command>>(&parsed);
    REQUIRE(command != nullptr);
    REQUIRE(*command != nullptr);
    return std::move(*command);
}

// Whether the $(...) body `text` may run in the shell, with `setup` run first.
bool runs_inline(const std::string& text, const std::string& setup = {},
                 vsh::InlineKind kind = vsh::InlineKind::Substitution) {
    TestShell sh;
    if (!setup.empty()) sh.run_string(setup);
    const auto body = parse_one(sh, text);
    vsh::InlineSubshells rules;
    return rules.allows(*body, sh, kind);
}

// The same for the body of a ( ).
bool subshell_inline(const std::string& text, const std::string& setup = {}) {
    return runs_inline(text, setup, vsh::InlineKind::Subshell);
}

}  // namespace

TEST_CASE("which $(...) bodies run in the shell") {
    CHECK(runs_inline("echo hi; printf '%s' x; test -n y && :"));
    CHECK(runs_inline("x=1; y=$((x + 1)); echo ${z=3}"));
    CHECK(runs_inline("if true; then echo a; elif false; then :; else exit 3; fi"));
    CHECK(runs_inline("for i in 1 2; do case $i in 1) continue ;; esac; break; done"));
    CHECK(runs_inline("unset -v a b; export c=1"));
    CHECK(runs_inline("f", "f() { local v=1; shift; return 2; }"));
    CHECK(runs_inline("f 3", "f() { [ \"$1\" -gt 0 ] && f $(($1 - 1)); }"));  // recursion

    CHECK_FALSE(runs_inline("echo hi > file"));
    CHECK_FALSE(runs_inline("echo hi | cat"));
    CHECK_FALSE(runs_inline("(echo hi)"));
    CHECK_FALSE(runs_inline("sleep 1 & echo"));
    CHECK_FALSE(runs_inline("ls"));
    CHECK_FALSE(runs_inline("g() { :; }"));
    CHECK_FALSE(runs_inline("eval echo; . ./x"));
    CHECK_FALSE(runs_inline("read x"));
    CHECK_FALSE(runs_inline("cd /"));
    CHECK_FALSE(runs_inline("set -e"));
    CHECK_FALSE(runs_inline("$cmd"));
    CHECK_FALSE(runs_inline("\"echo\" quoted"));
    CHECK_FALSE(runs_inline("e*o globbed"));
    CHECK_FALSE(runs_inline("unset -f f"));
    CHECK_FALSE(runs_inline("unset $names"));
    CHECK_FALSE(runs_inline("break"));     // no loop of its own
    CHECK_FALSE(runs_inline("return 1"));  // not in a function
    CHECK_FALSE(runs_inline("local x"));
    CHECK_FALSE(runs_inline("while :; do break 2; done"));
    CHECK_FALSE(runs_inline("f", "f() { break; }"));  // the caller's loops are not its own
    CHECK_FALSE(runs_inline("f", "f() { g; }; g() { cd /; }"));
    CHECK_FALSE(runs_inline("f", "f() { echo; } > /dev/null"));
    // A signal with a trap is no obstacle: one that would have reached a child ends the body
    // as it would have ended the child (run_pending_traps; tests/interactive).
    CHECK(runs_inline("echo", "trap 'echo caught' USR1"));
    CHECK(runs_inline("echo", "trap 'echo bye' EXIT; trap '' USR2"));
}

TEST_CASE("eval with operands known beforehand is judged by what it runs") {
    CHECK(runs_inline("eval 'x=1; echo $x'"));
    CHECK(runs_inline("eval echo \\$x"));
    CHECK_FALSE(runs_inline("eval 'cd /'"));
    CHECK_FALSE(runs_inline("eval \"$code\""));  // known only once expanded
    CHECK_FALSE(runs_inline("eval 'if'"));       // a syntax error: eval reports it
    CHECK_FALSE(runs_inline("eval \"eval 'eval ls'\""));
}

TEST_CASE("which ( ) bodies run in the shell") {
    // Everything a $(...) may do...
    CHECK(subshell_inline("x=1; echo ${y=2}; export z=3; exit 4"));
    CHECK(subshell_inline("f", "f() { local v=1; shift; return 2; }"));
    // ...and programs, with redirections of their own, pipelines and nested subshells, since
    // nothing is captured: their output goes where the shell's goes.
    CHECK(subshell_inline("ls /; /bin/echo hi > /dev/null 2>&1"));
    CHECK(subshell_inline("echo a | cat; (x=2; ls)"));
    CHECK(subshell_inline("f", "f() { ls \"$@\"; }"));
    CHECK(subshell_inline("eval 'ls | wc -l'"));

    // The last command may be anything simple: if it is one the body may not run in the
    // shell, it runs in a child when its name is known (Executor::run_tail_in_child).
    CHECK(subshell_inline("x=1; $prog arg"));
    CHECK(subshell_inline("ls; eval \"$code\""));
    CHECK(subshell_inline("cd /"));
    CHECK(subshell_inline("if true; then echo a; else cd /; fi"));
    CHECK(subshell_inline("true && cd /"));
    CHECK(subshell_inline("f > /dev/null", "f() { ls; }"));
    CHECK(subshell_inline("eval 'x=1; cd /'"));
    // Anywhere else, not.
    CHECK_FALSE(subshell_inline("echo hi > file; ls"));  // a builtin's redirection is the shell's
    CHECK_FALSE(subshell_inline("{ ls; } 2>/dev/null"));
    CHECK_FALSE(subshell_inline("f > /dev/null; ls", "f() { ls; }"));
    CHECK_FALSE(subshell_inline("cd /; ls"));
    CHECK_FALSE(subshell_inline("cd / && ls"));
    CHECK_FALSE(subshell_inline("! cd /"));  // the status is inverted afterwards
    CHECK_FALSE(subshell_inline("set -e; ls"));
    CHECK_FALSE(subshell_inline("$prog arg; ls"));
    CHECK_FALSE(subshell_inline("while :; do cd /; done"));
    CHECK_FALSE(subshell_inline("case x in x) cd / ;& y) ls ;; esac"));
    CHECK_FALSE(subshell_inline("eval 'cd /\nls'; ls"));
    CHECK_FALSE(subshell_inline("ls & wait"));
    CHECK_FALSE(subshell_inline("f() { :; }"));
    CHECK(subshell_inline("ls", "trap 'echo caught' INT"));
    // A program in a $(...) would write to fd 1, not to the string.
    CHECK_FALSE(runs_inline("ls"));
    CHECK_FALSE(runs_inline("/bin/echo hi"));
}

TEST_CASE("a function redefined or unset is judged afresh") {
    TestShell sh;
    sh.run_string("f() { echo fine; }");
    const auto body = parse_one(sh, "f");
    vsh::InlineSubshells rules;
    CHECK(rules.allows(*body, sh));
    sh.run_string("f() { cd /; }");
    CHECK_FALSE(rules.allows(*body, sh));
    sh.run_string("unset -f f; f() { echo fine again; }");
    CHECK(rules.allows(*body, sh));
}
