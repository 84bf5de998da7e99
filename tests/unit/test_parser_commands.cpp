// Command forms of the XCU 2.9/2.10 grammar, as trees in dump notation.
#include <catch2/catch.hpp>

#include "test_parser_helpers.hpp"

using parser_test::command;
using parser_test::error_of;
using parser_test::program;

TEST_CASE("lists, and-or lists and pipelines", "[parser]") {
    CHECK(program("a; b & c\nd") == "(list (cmd a) (cmd b) & (cmd c) (cmd d))");
    CHECK(program("a &") == "(list (cmd a) &)");
    CHECK(command("a && b || c") == "(and-or (cmd a) && (cmd b) || (cmd c))");
    CHECK(command("a &&\n\n b") == "(and-or (cmd a) && (cmd b))");
    CHECK(command("a | b | c") == "(pipe (cmd a) (cmd b) (cmd c))");
    CHECK(command("a |\n b") == "(pipe (cmd a) (cmd b))");
    CHECK(command("! a | b") == "(pipe ! (cmd a) (cmd b))");
    CHECK(command("! a && ! b") == "(and-or (pipe ! (cmd a)) && (pipe ! (cmd b)))");
    CHECK(command("a | b && c | d &") ==
          "(and-or (pipe (cmd a) (cmd b)) && (pipe (cmd c) (cmd d))) &");
    // `!` is a reserved word only at the start of a pipeline.
    CHECK(command("echo !") == "(cmd echo !)");
    CHECK(program("") == "(list)");
    CHECK(program("\n# comment\n   \n") == "(list)");
}

TEST_CASE("time", "[parser]") {
    CHECK(command("time a | b") == "(time (pipe (cmd a) (cmd b)))");
    CHECK(command("time -p a") == "(time -p (cmd a))");
    CHECK(command("time ! a") == "(time (pipe ! (cmd a)))");
    CHECK(command("time") == "(time)");
    CHECK(program("time; a") == "(list (time) (cmd a))");
    CHECK(command("time a && b") == "(and-or (time (cmd a)) && (cmd b))");
    CHECK(command("echo time") == "(cmd echo time)");
    CHECK(command("\\time a") == "(cmd 't'ime a)");
}

TEST_CASE("simple commands with redirections anywhere", "[parser]") {
    CHECK(command(">out a=1 cmd <in arg 2>>log") == "(cmd a=1 cmd arg 1>out 0<in 2>>log)");
    CHECK(command(">out") == "(cmd 1>out)");
    CHECK(command("a=1") == "(cmd a=1)");
    CHECK(command("cmd 3<>f 4>&1 0<&- >|clob") == "(cmd cmd 3<>f 4>&1 0<&- 1>|clob)");
}

TEST_CASE("brace groups and subshells", "[parser]") {
    CHECK(command("{ a; b; }") == "(brace (list (cmd a) (cmd b)))");
    CHECK(command("{ a\n}") == "(brace (list (cmd a)))");
    CHECK(command("{ a & }") == "(brace (list (cmd a) &))");
    CHECK(command("(a; b)") == "(subshell (list (cmd a) (cmd b)))");
    CHECK(command("(a) >out") == "(subshell (list (cmd a)) 1>out)");
    CHECK(command("{ a; } 2>&1 | b") == "(pipe (brace (list (cmd a)) 2>&1) (cmd b))");
    CHECK(command("((a))") == "(subshell (list (subshell (list (cmd a)))))");
    // `}` is only reserved where a command may start.
    CHECK(command("{ echo }; }") == "(brace (list (cmd echo })))");
    CHECK(command("{a") == "(cmd {a)");
}

TEST_CASE("if, while, until", "[parser]") {
    CHECK(command("if a; then b; fi") == "(if (list (cmd a)) then (list (cmd b)))");
    CHECK(command("if a\nthen\nb\nelif c; then d; elif e; then f; else g; fi") ==
          "(if (list (cmd a)) then (list (cmd b)) elif (list (cmd c)) then (list (cmd d)) "
          "elif (list (cmd e)) then (list (cmd f)) else (list (cmd g)))");
    CHECK(command("if a; then b; fi >out") == "(if (list (cmd a)) then (list (cmd b)) 1>out)");
    CHECK(command("while a; do b; done") == "(while (list (cmd a)) do (list (cmd b)))");
    CHECK(command("until a\ndo\nb\ndone") == "(until (list (cmd a)) do (list (cmd b)))");
    CHECK(command("while a; b; do c; done") == "(while (list (cmd a) (cmd b)) do (list (cmd c)))");
    CHECK(command("echo if then fi") == "(cmd echo if then fi)");
}

TEST_CASE("for loops", "[parser]") {
    CHECK(command("for x in a b; do c; done") == "(for x in a b do (list (cmd c)))");
    CHECK(command("for x in; do c; done") == "(for x in do (list (cmd c)))");
    CHECK(command("for x\nin a\ndo c\ndone") == "(for x in a do (list (cmd c)))");
    CHECK(command("for x; do c; done") == "(for x do (list (cmd c)))");
    CHECK(command("for x do c; done") == "(for x do (list (cmd c)))");
    CHECK(command("for x\ndo c; done") == "(for x do (list (cmd c)))");
    CHECK(command("for do in do; do echo $do; done") ==
          "(for do in do do (list (cmd echo ${do})))");
    CHECK(command("for x in a do; do :; done") == "(for x in a do do (list (cmd :)))");
    CHECK(error_of("for 1x in a; do :; done") == "syntax error: bad for loop variable");
}

TEST_CASE("case", "[parser]") {
    CHECK(command("case $x in a) b;; esac") == "(case ${x} (a (list (cmd b)) ;;))");
    CHECK(command("case x in (a|b) c;; *) d;; esac") ==
          "(case x (a|b (list (cmd c)) ;;) (* (list (cmd d)) ;;))");
    CHECK(command("case x in a) b;& c) d; esac") ==
          "(case x (a (list (cmd b)) ;&) (c (list (cmd d)) ;;))");
    CHECK(command("case x in a) esac") == "(case x (a (list) ;;))");
    CHECK(command("case x in esac") == "(case x)");
    CHECK(command("case x\nin\na)\nb\n;;\n\nesac") == "(case x (a (list (cmd b)) ;;))");
    CHECK(command("case x in (esac) a;; esac") == "(case x (esac (list (cmd a)) ;;))");
    CHECK(command("case x in a) ;; b|esac) ;; esac") ==
          "(case x (a (list) ;;) (b|esac (list) ;;))");
    CHECK(command("case in in in) echo in;; esac") == "(case in (in (list (cmd echo in)) ;;))");
    CHECK(command("case x in a) if b; then c; fi;; esac") ==
          "(case x (a (list (if (list (cmd b)) then (list (cmd c)))) ;;))");
    CHECK(error_of("case esac in esac) a;; esac") == "syntax error: unexpected \")\"");
}

TEST_CASE("function definitions", "[parser]") {
    CHECK(command("f() { a; }") == "(function f (brace (list (cmd a))))");
    CHECK(command("f ( ) { a; } >out 2>&1") == "(function f (brace (list (cmd a)) 1>out 2>&1))");
    CHECK(command("f()\n\n(a)") == "(function f (subshell (list (cmd a))))");
    CHECK(command("f() if a; then b; fi") ==
          "(function f (if (list (cmd a)) then (list (cmd b))))");
    CHECK(command("f() for x; do :; done") == "(function f (for x do (list (cmd :))))");
    CHECK(command("my-func() { :; }") == "(function my-func (brace (list (cmd :))))");
    CHECK(error_of("f() echo") == "syntax error: unexpected \"echo\"");
    CHECK(error_of("f(") == "syntax error: unexpected end of file (expecting \")\")");
}

TEST_CASE("function bodies hold the redirections", "[parser]") {
    auto tree = parser_test::tree("f() { :; } >out");
    const auto& list = std::get<vsh::ast::List>(tree->node);
    const auto& definition = std::get<vsh::ast::FunctionDef>(list.items.at(0).command->node);
    REQUIRE(definition.body);
    CHECK(definition.body->redirections.size() == 1);
    CHECK(list.items.at(0).command->redirections.empty());
}

TEST_CASE("reserved words are not recognised when quoted or out of place", "[parser]") {
    CHECK(command("'if' a") == "(cmd 'if' a)");
    CHECK(command("\\{ a") == "(cmd '{' a)");
    CHECK(command("i\"f\"") == "(cmd i\"f\")");
    CHECK(command("a >if") == "(cmd a 1>if)");
    CHECK(command("x=1 if") == "(cmd x=1 if)");
}

// The tree's size is what each fork of shell code copies page tables for (bench/PROFILE.md):
// these pin the compact layout on 64-bit hosts so that a new member goes where it costs least.
TEST_CASE("syntax tree nodes stay compact", "[parser][size]") {
    if constexpr (sizeof(void*) == 8) {
        CHECK(sizeof(vsh::ast::WordPart) <= 48);
        CHECK(sizeof(vsh::ast::Command) <= 88);
    }
}

TEST_CASE("copying a word copies its nested parts and shares substitution bodies", "[parser]") {
    auto parsed = vsh::parse_program("echo \"a$b\"$((1+2))$(c)", nullptr);
    const auto& tree = *std::get<std::unique_ptr<vsh::ast::Command>>(parsed);
    const auto& list = std::get<vsh::ast::List>(tree.node);
    const auto& simple = std::get<vsh::ast::SimpleCommand>(list.items.at(0).command->node);
    const vsh::ast::Word& original = simple.words.at(1);
    REQUIRE(original.size() == 3);
    REQUIRE(original[0].parts().size() == 2);  // "a" and $b inside the double quotes
    REQUIRE(original[2].command() != nullptr);
    CHECK(original[1].command() == nullptr);
    CHECK(simple.words.at(0)[0].parts().empty());

    vsh::ast::Word copy = original;
    copy[0].mutable_parts()[0].text = "changed";
    copy[0].mutable_parts().pop_back();
    CHECK(original[0].parts().size() == 2);
    CHECK(original[0].parts()[0].text == "a");
    CHECK(copy[0].parts().size() == 1);
    CHECK(copy[1].parts().size() == original[1].parts().size());
    CHECK(copy[2].command() == original[2].command());

    vsh::ast::Word moved = std::move(copy);
    CHECK(moved[0].parts()[0].text == "changed");
    CHECK(moved[2].command() == original[2].command());
}
