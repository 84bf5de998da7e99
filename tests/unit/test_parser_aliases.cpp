// Alias substitution (XCU 2.3.1) and a smoke test over the system's own shell scripts.
#include <catch2/catch.hpp>

#include <dirent.h>

#include <fstream>
#include <sstream>

#include "test_parser_helpers.hpp"

using parser_test::command;
using parser_test::program;

TEST_CASE("aliases replace a command name and are re-lexed", "[parser][alias]") {
    vsh::AliasTable aliases{{"ll", "ls -l"}, {"both", "a; b"}, {"pipe", "a |"}, {"cond", "if"}};
    CHECK(command("ll x", &aliases) == "(cmd ls -l x)");
    CHECK(command("x=1 ll", &aliases) == "(cmd x=1 ls -l)");
    CHECK(command("echo ll", &aliases) == "(cmd echo ll)");
    CHECK(command("'ll'", &aliases) == "(cmd 'll')");
    CHECK(command("\\ll", &aliases) == "(cmd 'l'l)");
    CHECK(program("both c", &aliases) == "(list (cmd a) (cmd b c))");
    CHECK(command("pipe b", &aliases) == "(pipe (cmd a) (cmd b))");
    // An alias may expand to a reserved word.
    CHECK(command("cond a; then b; fi", &aliases) == "(if (list (cmd a)) then (list (cmd b)))");
    CHECK(command("a && ll", &aliases) == "(and-or (cmd a) && (cmd ls -l))");
    CHECK(command("{ ll; }", &aliases) == "(brace (list (cmd ls -l)))");
}

TEST_CASE("an alias is not expanded inside its own text", "[parser][alias]") {
    vsh::AliasTable aliases{{"ls", "ls --color"}, {"a", "b"}, {"b", "a x"}, {"loop", "loop"}};
    CHECK(command("ls", &aliases) == "(cmd ls --color)");
    CHECK(command("a", &aliases) == "(cmd a x)");
    CHECK(command("loop", &aliases) == "(cmd loop)");
}

TEST_CASE("a value ending in a blank makes the next word eligible", "[parser][alias]") {
    vsh::AliasTable aliases{{"sudo", "sudo "}, {"ll", "ls -l"}, {"nb", "nb"}};
    CHECK(command("sudo ll", &aliases) == "(cmd sudo ls -l)");
    CHECK(command("nb ll", &aliases) == "(cmd nb ll)");
    CHECK(command("sudo sudo ll", &aliases) == "(cmd sudo sudo ls -l)");
}

TEST_CASE("reserved words are not alias-substituted", "[parser][alias]") {
    vsh::AliasTable aliases{{"if", "echo"}, {"fi", "echo"}};
    CHECK(command("if a; then b; fi", &aliases) == "(if (list (cmd a)) then (list (cmd b)))");
}

TEST_CASE("aliases defined by one command apply to the next", "[parser][alias]") {
    vsh::AliasTable aliases;
    vsh::StringSource source("x\nx\n");
    vsh::Parser parser(source, &aliases);
    auto first = parser.next_command();
    CHECK(vsh::dump_command(*std::get<std::unique_ptr<vsh::ast::Command>>(first)) ==
          "(list (cmd x))");
    aliases["x"] = "y z";
    auto second = parser.next_command();
    CHECK(vsh::dump_command(*std::get<std::unique_ptr<vsh::ast::Command>>(second)) ==
          "(list (cmd y z))");
}

TEST_CASE("the system's /etc/init.d scripts parse", "[parser][smoke]") {
    DIR* dir = opendir("/etc/init.d");
    if (dir == nullptr) return;
    while (struct dirent* entry = readdir(dir)) {
        std::string path = std::string("/etc/init.d/") + entry->d_name;
        std::ifstream in(path);
        std::stringstream text;
        text << in.rdbuf();
        std::string script = text.str();
        if (script.rfind("#!/bin/sh", 0) != 0) continue;
        INFO(path);
        CHECK(parser_test::error_of(script).empty());
    }
    closedir(dir);
}
