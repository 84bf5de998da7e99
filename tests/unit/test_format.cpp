// shell/ast/format: trees turned back into one line of shell text, as job texts show them.
#include <catch2/catch.hpp>

#include "shell/ast/format.hpp"
#include "test_parser_helpers.hpp"

namespace {

// The one-line text of a parsed program (for one command: that command).
std::string formatted(std::string_view text) {
    return vsh::ast::format_command(*parser_test::tree(text));
}

// The text of the first word of a program's first simple command.
std::string formatted_word(std::string_view text) {
    auto tree = parser_test::tree(text);
    const auto& list = std::get<vsh::ast::List>(tree->node);
    const vsh::ast::Command* command = list.items.at(0).command.get();
    const auto& simple = std::get<vsh::ast::SimpleCommand>(command->node);
    return vsh::ast::format_word(simple.words.at(0));
}

// The formatted text parses to the same tree as the source it came from.
void check_reads_back(std::string_view text) {
    INFO("source: " << text);
    const std::string once = formatted(text);
    INFO("formatted: " << once);
    CHECK(parser_test::program(once) == parser_test::program(text));
    // And formatting is stable: the text of the text is the text.
    CHECK(formatted(once) == once);
}

}  // namespace

TEST_CASE("simple commands keep their words, assignments and redirections", "[format]") {
    CHECK(formatted("sleep 1") == "sleep 1");
    CHECK(formatted("  sleep \t 1   # a comment") == "sleep 1");
    CHECK(formatted("x=1 y=$HOME sleep 2 >/dev/null 2>&1") ==
          "x=1 y=$HOME sleep 2 >/dev/null 2>&1");
    // Redirections come after the words, wherever they were written (as dash and bash).
    CHECK(formatted(">out a=1 cmd <in arg 2>>log") == "a=1 cmd arg >out <in 2>>log");
    CHECK(formatted(">out") == ">out");
    CHECK(formatted("x=1") == "x=1");
    CHECK(formatted("cat 3<>rw 0<&3 4>&- 5>|clobber 1>out") ==
          "cat 3<>rw <&3 4>&- 5>|clobber >out");
}

TEST_CASE("words are shown as written, with their quotes", "[format]") {
    CHECK(formatted("echo \"a b\" 'c d' e\\ f") == "echo \"a b\" 'c d' e\\ f");
    CHECK(formatted("echo 'it'\\''s'") == "echo 'it'\\''s'");
    CHECK(formatted("echo \\$x \"\\$y\" \"\\\"q\\\"\" \"a\\\\\"") ==
          "echo \\$x \"\\$y\" \"\\\"q\\\"\" \"a\\\\\"");
    // A backslash that quotes nothing in double quotes stays bare.
    CHECK(formatted("echo \"a\\b\"") == "echo \"a\\b\"");
    CHECK(formatted("echo $'a\\nb' $'tab\\there'") == "echo $'a\\nb' 'tab\there'");
    // A newline in double quotes leaves the quotes, to keep the text on one line.
    CHECK(formatted("echo \"a\nb\"") == "echo \"a\"$'\\n'\"b\"");
    CHECK(formatted("echo *.c [ab]? ~/x ~root a=~") == "echo *.c [ab]? ~/x ~root a=~");
    CHECK(formatted("PATH=~/bin:~/sbin cmd") == "PATH=~/bin:~/sbin cmd");
}

TEST_CASE("expansions are shown unexpanded", "[format]") {
    CHECK(formatted_word("$x") == "$x");
    CHECK(formatted_word("${x}y") == "${x}y");
    CHECK(formatted_word("${x}.c") == "$x.c");
    CHECK(formatted_word("$1$2") == "$1$2");
    CHECK(formatted_word("${10}") == "${10}");
    CHECK(formatted_word("$@$*$#$?$-$$$!") == "$@$*$#$?$-$$$!");
    CHECK(formatted_word("\"$@\"") == "\"$@\"");
    CHECK(formatted_word("${#x}") == "${#x}");
    CHECK(formatted_word("${x:-d}${x-d}${x:=d}${x?msg}${x:+alt}") ==
          "${x:-d}${x-d}${x:=d}${x?msg}${x:+alt}");
    CHECK(formatted_word("${x%.c}${x%%.*}${x#*/}${x##*/}") == "${x%.c}${x%%.*}${x#*/}${x##*/}");
    CHECK(formatted_word("${x:-'a b'}") == "${x:-'a b'}");
    CHECK(formatted_word("\"${x:-\"$y\"}\"") == "\"${x:-\"$y\"}\"");
    CHECK(formatted_word("\"${x:-a\\}b}\"") == "\"${x:-a\\}b}\"");
    CHECK(formatted_word("$(date +%s)") == "$(date +%s)");
    CHECK(formatted_word("`date`") == "`date`");
    CHECK(formatted_word("\"`echo \\`date\\``\"") == "\"`echo \\`date\\``\"");
    CHECK(formatted_word("$( (cd /; pwd) )") == "$( (cd /; pwd))");
    CHECK(formatted_word("$(a | b; c &)") == "$(a | b; c &)");
    CHECK(formatted_word("$()") == "$()");
    CHECK(formatted_word("$((1 + $x * (2 - y)))") == "$((1 + $x * (2 - y)))");
    CHECK(formatted_word("${x!y}") == "${x!y}");
    CHECK(formatted_word("a$") == "a$");
}

TEST_CASE("compound commands on one line", "[format]") {
    CHECK(formatted("{ sleep 1; }") == "{ sleep 1; }");
    CHECK(formatted("{\n  sleep 1\n  echo done\n}") == "{ sleep 1; echo done; }");
    CHECK(formatted("{ a; b & }") == "{ a; b & }");
    CHECK(formatted("(sleep 1)") == "(sleep 1)");
    CHECK(formatted("( cd /; sleep 2 )") == "(cd /; sleep 2)");
    CHECK(formatted("( (a) )") == "( (a))");
    CHECK(formatted("while :; do sleep 1; done") == "while :; do sleep 1; done");
    CHECK(formatted("while :\ndo\n  sleep 1 # nap\ndone") == "while :; do sleep 1; done");
    CHECK(formatted("until false; do :; done") == "until false; do :; done");
    CHECK(formatted("if true; then sleep 5; fi") == "if true; then sleep 5; fi");
    CHECK(formatted("if a\nthen b\nelif c; then d\nelse\n e\nfi") ==
          "if a; then b; elif c; then d; else e; fi");
    CHECK(formatted("for i in 1 2; do sleep 1; done") == "for i in 1 2; do sleep 1; done");
    CHECK(formatted("for i do echo $i; done") == "for i; do echo $i; done");
    CHECK(formatted("for i in; do :; done") == "for i in; do :; done");
    CHECK(formatted("case x in x) sleep 1;; esac") == "case x in x) sleep 1;; esac");
    CHECK(formatted("case $1 in\n(a|b) echo ab ;;\n*) ;;\nc) echo c ;& d) echo d & esac") ==
          "case $1 in a|b) echo ab;; *) ;; c) echo c;& d) echo d & ;; esac");
    CHECK(formatted("case x in esac") == "case x in esac");
    CHECK(formatted("f() { echo hi; }") == "f() { echo hi; }");
    CHECK(formatted("f() (echo) >out") == "f() (echo) >out");
    CHECK(formatted("{ sleep 1; } >out 2>&1") == "{ sleep 1; } >out 2>&1");
    CHECK(formatted("while read l; do echo $l; done <in") == "while read l; do echo $l; done <in");
}

TEST_CASE("pipelines, and-or lists and lists", "[format]") {
    CHECK(formatted("a | b | c") == "a | b | c");
    CHECK(formatted("! a | { b; }") == "! a | { b; }");
    CHECK(formatted("a && b || c") == "a && b || c");
    CHECK(formatted("a &&\n  b") == "a && b");
    CHECK(formatted("a; b & c\nd") == "a; b & c; d");
    CHECK(formatted("a &") == "a &");
    CHECK(formatted("time -p a | b") == "time -p a | b");
    CHECK(formatted("time") == "time");
    auto tree = parser_test::tree("! a | b");
    const auto& list = std::get<vsh::ast::List>(tree->node);
    const auto& pipeline = std::get<vsh::ast::Pipeline>(list.items.at(0).command->node);
    CHECK(vsh::ast::format_pipeline(pipeline) == "! a | b");
}

TEST_CASE("here-documents show their operator and delimiter, not the body", "[format]") {
    CHECK(formatted("cat <<EOF\nbody $x\nEOF\n") == "cat <<EOF");
    CHECK(formatted("cat <<-'EOF' >out\n\tbody\n\tEOF\n") == "cat <<-'EOF' >out");
    CHECK(formatted("cat 3<<\"E\"OF\nx\nEOF\n") == "cat 3<<\"E\"OF");
    CHECK(formatted("cat <<E\\\nOF\nx\nEOF\n") == "cat <<EOF");
    CHECK(formatted("{ cat <<A; cat <<B; }\na\nA\nb\nB\n") == "{ cat <<A; cat <<B; }");
    // A delimiter that starts with '-' is not the <<- operator (found by fuzz_parse).
    CHECK(formatted("cat << -x\nbody\n-x\n") == "cat << -x");
    CHECK(formatted("cat <<- -x\n\tbody\n-x\n") == "cat <<--x");
}

TEST_CASE("formatted text reads back as the same command", "[format]") {
    for (std::string_view text : {
             "sleep 1 \"a b\" $HOME 'x y'",
             "x=1 y=\"$HOME\" >/dev/null 2>&1 sleep 2",
             "echo \\\\ \\' \\\" '\\' \"\\\\\" \"\\$\" \"$\" a\\ b",
             "echo $'\\001\\n\\t\\'' '\n'",
             "echo ${x:-${y:-\"z w\"}} \"${x:-'q'}\" \"${x#'*'}\" ${x%\"*\"}",
             "echo \"$(echo \"in\")\" `echo \\`echo x\\`` \"`echo \\\"a\\\"`\"",
             "echo $((x + $(echo 1) * \"2\"))",
             "echo $x$y ${x}_ ${1}0 $10 \"$x\"y",
             "{ a; b & } | (c; d) && ! e || f &",
             "if a; then :; elif b; then (c); else { d; }; fi",
             "while :; do for i in 1 \"2 3\"; do case $i in 1|'2 3') break;; *) continue;; "
             "esac; done; done",
             "f() { g() (h); } 2>/dev/null",
             "time -p a | b",
             "until (a) && { b; }; do c & done >o <i",
             "case x in (x) ;& y) ;; esac",
             "echo ~ ~/a ~u/b x=~ a=~:~/b",
             "a=1 b=2",
             "echo \"${#}\" \"${##}\" ${#-} ${x!y}",
         }) {
        check_reads_back(text);
    }
}

TEST_CASE("a command named like a reserved word keeps its redirection first", "[format]") {
    // Written after the word, `do` would be read back as the reserved word (found by
    // fuzz_parse).
    CHECK(formatted(">o do") == ">o do");
    CHECK(formatted("2>&1 if x") == "2>&1 if x");
    check_reads_back(">o do");
    check_reads_back("<in then a b >out");
    // An ordinary name keeps the usual order.
    CHECK(formatted(">o echo do") == "echo do >o");
}

TEST_CASE("a newline in double quotes inside $((...)) reads back", "[format]") {
    // $'...' is not special in arithmetic: the newline becomes a space there, as an unquoted
    // one does (found by fuzz_parse).
    const std::string once = formatted("echo $((\"1\n\" + 2))");
    CHECK(once == "echo $((\"1 \" + 2))");
    CHECK(formatted(once) == once);
    CHECK(formatted("echo \"a\nb\"") == "echo \"a\"$'\\n'\"b\"");
}

TEST_CASE("a backslash that ends the input stays a backslash", "[format]") {
    // Unescaped at the very end, it escapes nothing and is kept (dash and bash print it):
    // written as is, the blank after it would join the next word (found by the fuzz smoke
    // run; tests/fuzz/regressions/fuzz_parse/format-trailing-backslash*).
    for (const char* text :
         {"echo kept f\\", "exec 3>f\nlcho kept >OME=at f\\", "1print\\t\\", "echo \\"}) {
        INFO("source: " << text);
        const std::string once = formatted(text);
        CHECK(formatted(once) == once);
        CHECK(parser_test::program(once) == parser_test::program(text));
    }
}
