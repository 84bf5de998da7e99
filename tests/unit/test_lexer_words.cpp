// Word forms (XCU 2.2, 2.6) as the lexer turns them into ast::Word parts. Dump notation:
// 'quoted', "double quoted", ${name op operand}, $(...), `...`, $((...)), {~user}.
#include <catch2/catch.hpp>

#include "test_parser_helpers.hpp"

using parser_test::command;
using parser_test::error_of;
using parser_test::tree;
using Kind = vsh::ast::WordPart::Kind;

namespace {

// The parts of the second word of a one-command program `echo WORD`.
const vsh::ast::Word& second_word(const vsh::ast::Command& program) {
    const auto& list = std::get<vsh::ast::List>(program.node);
    const auto& simple = std::get<vsh::ast::SimpleCommand>(list.items.at(0).command->node);
    return simple.words.at(1);
}

}  // namespace

TEST_CASE("operators and blanks split words", "[lexer]") {
    CHECK(command("a|b") == "(pipe (cmd a) (cmd b))");
    CHECK(command("a&&b||c") == "(and-or (cmd a) && (cmd b) || (cmd c))");
    CHECK(command("a>b<c") == "(cmd a 1>b 0<c)");
    CHECK(command("a>>b<>c>|d<&3 >&-") == "(cmd a 1>>b 0<>c 1>|d 0<&3 1>&-)");
    // Digits before < or > are an IO number even right after another operator (as in dash).
    CHECK(parser_test::error_of("a<&3>&-") == "syntax error: unexpected \"3\"");
    CHECK(command("echo  a\tb") == "(cmd echo a b)");
    CHECK(command("echo a#b #comment") == "(cmd echo a#b)");
    CHECK(command("echo {} a{b}") == "(cmd echo {} a{b})");
}

TEST_CASE("IO numbers are digits right before a redirection operator", "[lexer]") {
    CHECK(command("cmd 2>err 10<in") == "(cmd cmd 2>err 10<in)");
    CHECK(command("cmd 2 >err") == "(cmd cmd 2 1>err)");
    CHECK(command("cmd a2>err") == "(cmd cmd a2 1>err)");
    CHECK(command("cmd \"2\">err") == "(cmd cmd \"2\" 1>err)");
}

TEST_CASE("line continuation is removed outside single quotes", "[lexer]") {
    CHECK(command("ec\\\nho a\\\nb") == "(cmd echo ab)");
    CHECK(command("echo \"a\\\nb\" 'c\\\nd'") == "(cmd echo \"ab\" 'c\\\nd')");
    CHECK(command("echo $\\\n{x\\\n:-y}") == "(cmd echo ${x:-y})");
    CHECK(command("echo $((1\\\n+2))") == "(cmd echo $((1+2)))");
    CHECK(command("a &\\\n& b") == "(and-or (cmd a) && (cmd b))");
    CHECK(command("if true; then :; f\\\ni") == "(if (list (cmd true)) then (list (cmd :)))");
    // A backslash at the end of a comment continues nothing.
    CHECK(parser_test::program("echo a # c \\\necho b") == "(list (cmd echo a) (cmd echo b))");
}

TEST_CASE("single quotes, backslashes and double quotes", "[lexer]") {
    CHECK(command("echo 'a b'\\ c") == "(cmd echo 'a b 'c)");
    CHECK(command("echo a\\*b") == "(cmd echo a'*'b)");
    CHECK(command("echo ''") == "(cmd echo '')");
    CHECK(command("echo \"\"") == "(cmd echo \"\")");
    // Inside double quotes a backslash quotes only $ ` " \ and newline.
    CHECK(command("echo \"\\$x \\` \\\" \\\\ \\a\"") == "(cmd echo \"$x ` \" \\ \\a\")");
    CHECK(command("echo \"a'b\"") == "(cmd echo \"a'b\")");
    auto program = tree("echo a'b'\"c\"\\d");
    const auto& word = second_word(*program);
    REQUIRE(word.size() == 4);
    CHECK(word[0].kind == Kind::Literal);
    CHECK(word[0].text == "a");
    CHECK(word[1].kind == Kind::Quoted);
    CHECK(word[1].text == "b");
    CHECK(word[2].kind == Kind::DoubleQuoted);
    CHECK(word[3].kind == Kind::Quoted);
}

TEST_CASE("dollar-single-quotes decode escapes (POSIX 2024)", "[lexer]") {
    auto program = tree(R"(echo $'a\tb\n\\\'\"\e\a\b\f\r\v\cA\c?\101\x41\x4a2\q')");
    const auto& word = second_word(*program);
    REQUIRE(word.size() == 1);
    CHECK(word[0].kind == Kind::Quoted);
    CHECK(word[0].text == "a\tb\n\\'\"\033\a\b\f\r\v\001\177AAJ2\\q");
    // Inside double quotes $' is nothing special.
    CHECK(command("echo \"$'a'\"") == "(cmd echo \"$'a'\")");
    CHECK(command("echo $'\\'x'") == "(cmd echo ''x')");
}

TEST_CASE("parameter expansions", "[lexer]") {
    CHECK(command("echo $x $_a1 $1 $@ $* $# $? $- $$ $! $0") ==
          "(cmd echo ${x} ${_a1} ${1} ${@} ${*} ${#} ${?} ${-} ${$} ${!} ${0})");
    CHECK(command("echo $10 ${10}") == "(cmd echo ${1}0 ${10})");
    CHECK(command("echo $ a$ $% \"$\"") == "(cmd echo $ a$ $% \"$\")");
    CHECK(command("echo ${x-a}${x:-a}${x=a}${x:=a}${x?a}${x:?a}${x+a}${x:+a}") ==
          "(cmd echo ${x-a}${x:-a}${x=a}${x:=a}${x?a}${x:?a}${x+a}${x:+a})");
    CHECK(command("echo ${x%a}${x%%a}${x#a}${x##a}") == "(cmd echo ${x%a}${x%%a}${x#a}${x##a})");
    CHECK(command("echo ${x?}") == "(cmd echo ${x?})");
}

TEST_CASE("length and the ${#...} corner cases read as dash reads them", "[lexer]") {
    CHECK(command("echo ${#x} ${#10} ${#@}") == "(cmd echo ${#x} ${#10} ${#@})");
    CHECK(command("echo ${#}") == "(cmd echo ${#})");
    CHECK(command("echo ${##} ${#-} ${#?}") == "(cmd echo ${##} ${#-} ${#?})");
    // Operators applied to $#.
    CHECK(command("echo ${#-x} ${##x} ${#:-y}") == "(cmd echo ${#-x} ${##x} ${#:-y})");
    auto program = tree("echo ${#-x}");
    const auto& part = second_word(*program).at(0);
    CHECK(part.text == "#");
    CHECK(part.op == vsh::ast::ParamOp::Default);
    auto length = tree("echo ${#-}");
    CHECK(second_word(*length).at(0).op == vsh::ast::ParamOp::Length);
    CHECK(second_word(*length).at(0).text == "-");
}

TEST_CASE("bad substitutions parse as Invalid parts, to fail when expanded", "[lexer]") {
    // dash and bash report a bad substitution only when the word is expanded, so a bash-only
    // branch that never runs does not stop a script.
    for (const char* text : {"${x!y}", "${}", "${#x:-a}", "${1x}", "${x:}", "${x//a/b}"}) {
        auto program = tree(std::string("echo ") + text + " after");
        const auto& part = second_word(*program).at(0);
        CHECK(part.kind == vsh::ast::WordPart::Kind::Param);
        CHECK(part.op == vsh::ast::ParamOp::Invalid);
        CHECK(part.text == text);
    }
    CHECK(error_of("echo ${x:-a") == "syntax error: missing \"}\"");
}

TEST_CASE("parameter operands hold quotes and nested expansions", "[lexer]") {
    CHECK(command("echo ${x:-'a b'\"c\"$y}") == "(cmd echo ${x:-'a b'\"c\"${y}})");
    CHECK(command("echo ${x:-${y:-$(z)}}") == "(cmd echo ${x:-${y:-$((list (cmd z)))}})");
    CHECK(command("echo ${x:-a b;c|d}") == "(cmd echo ${x:-a b;c|d})");
    CHECK(command("echo ${x:-~} ${x:-~/a}") == "(cmd echo ${x:-{~}} ${x:-{~}/a})");
    // In double quotes the operand is double-quoted text: ' is literal, \} escapes.
    CHECK(command("echo \"${x:-'a'}\"") == "(cmd echo \"${x:-'a'}\")");
    auto program = tree("echo \"${x:-'a' \\}}\"");
    const auto& operand = second_word(*program).at(0).parts().at(0).parts();
    REQUIRE(operand.size() == 1);
    CHECK(operand[0].kind == Kind::Literal);
    CHECK(operand[0].text == "'a' }");
    CHECK(command("echo \"${x:-\"a  b\"}\"") == "(cmd echo \"${x:-\"a  b\"}\")");
    // A pattern stays a pattern inside double quotes; quotes in it quote.
    auto pattern = tree("echo \"${x#'*'?}\"");
    const auto& pattern_parts = second_word(*pattern).at(0).parts().at(0).parts();
    REQUIRE(pattern_parts.size() == 2);
    CHECK(pattern_parts[0].kind == Kind::Quoted);
    CHECK(pattern_parts[1].kind == Kind::Literal);
    CHECK(pattern_parts[1].text == "?");
}

TEST_CASE("command substitutions", "[lexer]") {
    CHECK(command("echo $(a b | c)") == "(cmd echo $((list (pipe (cmd a b) (cmd c)))))");
    CHECK(command("echo $()") == "(cmd echo $())");
    CHECK(command("echo $( # only a comment\n)") == "(cmd echo $())");
    CHECK(command("echo $(case x in x) echo y;; esac)") ==
          "(cmd echo $((list (case x (x (list (cmd echo y)) ;;)))))");
    CHECK(command("echo $(case x in (x) echo y;; esac)") ==
          "(cmd echo $((list (case x (x (list (cmd echo y)) ;;)))))");
    CHECK(command("echo $(echo $(echo a))") ==
          "(cmd echo $((list (cmd echo $((list (cmd echo a)))))))");
    CHECK(command("echo \"$(echo \"a b\")\"") == "(cmd echo \"$((list (cmd echo \"a b\")))\")");
    CHECK(command("echo $(a\nb)") == "(cmd echo $((list (cmd a) (cmd b))))");
}

TEST_CASE("backquotes follow the backslash rules of 2.6.3", "[lexer]") {
    CHECK(command("echo `a b`") == "(cmd echo `(list (cmd a b))`)");
    CHECK(command("echo `echo \\$x \\\\ \\a`") == "(cmd echo `(list (cmd echo ${x} ' a'))`)");
    CHECK(command("echo `echo \\`echo a\\``") ==
          "(cmd echo `(list (cmd echo `(list (cmd echo a))`))`)");
    // Within double quotes \" inside backquotes is a plain quote.
    CHECK(command("echo \"`echo \\\"a\\\"`\"") == "(cmd echo \"`(list (cmd echo \"a\"))`\")");
    CHECK(command("echo ``") == "(cmd echo ``)");
    CHECK(error_of("echo `a") == "syntax error: unterminated quoted string");
    CHECK(error_of("echo `a (`") == "syntax error: unexpected end of file (expecting \")\")");
}

TEST_CASE("arithmetic expansion", "[lexer]") {
    CHECK(command("echo $((1 + (2 * 3)))") == "(cmd echo $((1 + (2 * 3))))");
    CHECK(command("echo $(($x + ${y} + $(z)))") ==
          "(cmd echo $((${x} + ${y} + $((list (cmd z))))))");
    CHECK(command("echo $((x+$((1))))") == "(cmd echo $((x+$((1)))))");
    CHECK(command("echo \"$((1+1))\"") == "(cmd echo \"$((1+1))\")");
    // $(( that does not close with )) is a command substitution of a subshell.
    CHECK(command("echo $((a) )") == "(cmd echo $((list (subshell (list (cmd a))))))");
    CHECK(command("echo $( (a) )") == "(cmd echo $((list (subshell (list (cmd a))))))");
    CHECK(error_of("echo $((1+2") == "syntax error: missing \"))\"");
}

TEST_CASE("tilde prefixes", "[lexer]") {
    CHECK(command("echo ~ ~/a ~user ~user/a a~ \\~ ~\"u\" \"~\" ~$x") ==
          "(cmd echo {~} {~}/a {~user} {~user}/a a~ '~' ~\"u\" \"~\" ~${x})");
    CHECK(command("x=~/a:~b:c~:~ cmd") == "(cmd x={~}/a:{~b}:c~:{~} cmd)");
    CHECK(command("x=a:~ y=~\"q\"") == "(cmd x=a:{~} y=~\"q\")");
    // After the command name, a=~ is an ordinary word: only its start is checked.
    CHECK(command("echo a=~ ~=a") == "(cmd echo a=~ {~=a})");
    CHECK(command("cat <~/f") == "(cmd cat 0<{~}/f)");
}

TEST_CASE("assignments are recognised before the command name only", "[lexer]") {
    auto program = tree("a=1 b= c=\"x y\" cmd d=2");
    const auto& list = std::get<vsh::ast::List>(program->node);
    const auto& simple = std::get<vsh::ast::SimpleCommand>(list.items.at(0).command->node);
    REQUIRE(simple.assignments.size() == 3);
    CHECK(simple.assignments[0].name == "a");
    CHECK(vsh::dump_word(simple.assignments[0].value) == "1");
    CHECK(simple.assignments[1].value.empty());
    CHECK(vsh::dump_word(simple.assignments[2].value) == "\"x y\"");
    REQUIRE(simple.words.size() == 2);
    CHECK(vsh::dump_word(simple.words[1]) == "d=2");
    CHECK(command("1a=b =c \"a\"=b") == "(cmd 1a=b =c \"a\"=b)");
    CHECK(command("x=1") == "(cmd x=1)");
    CHECK(command("x=1 >f y=2") == "(cmd x=1 y=2 1>f)");
}

TEST_CASE("unterminated quotes are errors", "[lexer]") {
    CHECK(error_of("echo 'abc") == "syntax error: unterminated quoted string");
    CHECK(error_of("echo \"abc") == "syntax error: unterminated quoted string");
    CHECK(error_of("echo $'abc") == "syntax error: unterminated quoted string");
    CHECK(parser_test::error_line("echo a\necho 'abc\n\n") == 2);
}

TEST_CASE("is_name", "[lexer]") {
    CHECK(vsh::is_name("a"));
    CHECK(vsh::is_name("_a9"));
    CHECK_FALSE(vsh::is_name(""));
    CHECK_FALSE(vsh::is_name("9a"));
    CHECK_FALSE(vsh::is_name("a-b"));
}
