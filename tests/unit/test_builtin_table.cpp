// The builtin table as the shell sees it: every row found by its name through the first-byte
// index, nothing else found, and the traits the executor asks about where they belong.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "builtins/builtin_table.hpp"
#include "shell/core/builtin.hpp"
#include "shell/parser/parser.hpp"
#include "test_shell.hpp"

TEST_CASE("every builtin is found by its name, and only builtins are", "[builtins][table]") {
    TestShell sh;
    for (const vsh::Builtin& b : vsh::builtin_table()) {
        const vsh::Builtin* found = sh.find_builtin(b.name);
        REQUIRE(found != nullptr);
        CHECK(found->name == b.name);
        CHECK(found->run == b.run);
        // A name one byte longer or shorter is another name.
        CHECK(sh.find_builtin(std::string(b.name) + "x") == nullptr);
        if (b.name.size() > 1) CHECK(sh.find_builtin(b.name.substr(0, b.name.size() - 1)) != found);
    }
    for (const char* name : {"", "ls", "z", "~", "\x80", "Echo", "exi", "exitt", "[["})
        CHECK(sh.find_builtin(name) == nullptr);
}

TEST_CASE("a shell without the table finds no builtin", "[builtins][table]") {
    vsh::Shell sh;
    CHECK(sh.find_builtin("echo") == nullptr);
}

TEST_CASE("the table's traits are where the executor expects them", "[builtins][table]") {
    TestShell sh;
    using vsh::BuiltinTraits;
    for (const char* name : {"echo", "printf", "true", "false", ":", "test", "[", "pwd"})
        CHECK(sh.find_builtin(name)->has(BuiltinTraits::Pure));
    for (const char* name : {"cd", "eval", "read", "set", "trap", "export", "exec"})
        CHECK_FALSE(sh.find_builtin(name)->has(BuiltinTraits::Pure));
    CHECK(sh.find_builtin("exec")->has(BuiltinTraits::KeepsRedirections));
    CHECK(sh.find_builtin("exec")->has(BuiltinTraits::ReplacesShell));
    CHECK(sh.find_builtin("command")->has(BuiltinTraits::KeepsRedirections));
    CHECK_FALSE(sh.find_builtin("command")->has(BuiltinTraits::ReplacesShell));
    CHECK(sh.find_builtin("export")->cls == vsh::BuiltinClass::Special);
    CHECK(sh.find_builtin("cd")->cls == vsh::BuiltinClass::Regular);
    // Every row has the usage line `help` and usage errors print, starting with its name.
    for (const vsh::Builtin& b : vsh::builtin_table())
        CHECK(b.usage.substr(0, b.name.size()) == b.name);
}

namespace {

vsh::ast::Word literal(std::string_view text) {
    vsh::ast::WordPart part;
    part.kind = vsh::ast::WordPart::Kind::Literal;
    part.text = std::string(text);
    return vsh::ast::Word{part};
}

}  // namespace

TEST_CASE("the parser's declaration utilities are the table's", "[builtins][table]") {
    // The parser marks `export a=~/x` before any table exists; the executor asks the table
    // when an expansion names the utility. Both must agree on every builtin.
    TestShell sh;
    for (const vsh::Builtin& b : vsh::builtin_table()) {
        INFO(b.name);
        const bool declares = b.has(vsh::BuiltinTraits::Declaration);
        std::vector<vsh::ast::Word> words{literal(b.name), literal("a=b")};
        CHECK((vsh::declaration_arguments_start(words) == 1) == declares);
        words.insert(words.begin(), literal("command"));
        CHECK((vsh::declaration_arguments_start(words) == 2) == declares);
    }
    CHECK(sh.find_builtin("command")->has(vsh::BuiltinTraits::RunsOperand));
    CHECK_FALSE(sh.find_builtin("exec")->has(vsh::BuiltinTraits::RunsOperand));
}
