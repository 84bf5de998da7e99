// Here-documents (XCU 2.7.4).
#include <catch2/catch.hpp>

#include "test_parser_helpers.hpp"

using parser_test::program;

TEST_CASE("unquoted here-document bodies expand like double quotes", "[parser][heredoc]") {
    CHECK(program("cat <<EOF\na $x \"q\" \\$y \\\" `b`\nEOF\necho next\n") ==
          "(list (cmd cat 0<<[a ${x} \"q\" $y \\\" `(list (cmd b))`\n]) (cmd echo next))");
    // Backslash-newline joins lines, so the joined line is not the delimiter.
    CHECK(program("cat <<EOF\na\\\nEOF\nEOF\n") == "(list (cmd cat 0<<[aEOF\n]))");
}

TEST_CASE("quoted delimiters make the body literal", "[parser][heredoc]") {
    CHECK(program("cat <<'EOF'\n$x `a` \\\nEOF\n") == "(list (cmd cat 0<<['$x `a` \\\n']))");
    CHECK(program("cat <<\"E\"OF\n$x\nEOF\n") == "(list (cmd cat 0<<['$x\n']))");
    CHECK(program("cat <<\\EOF\n$x\nEOF\n") == "(list (cmd cat 0<<['$x\n']))");
    CHECK(program("cat <<E\\\nOF\nhi\nEOF\n") == "(list (cmd cat 0<<[hi\n]))");
}

TEST_CASE("<<- strips leading tabs", "[parser][heredoc]") {
    CHECK(program("cat <<-EOF\n\t\ta\n\tb\n\tEOF\n") == "(list (cmd cat 0<<-[a\nb\n]))");
    CHECK(program("cat <<-'EOF'\n\t$a\n\t\tEOF\n") == "(list (cmd cat 0<<-['$a\n']))");
}

TEST_CASE("several here-documents on one line, bodies in order", "[parser][heredoc]") {
    CHECK(program("cat <<A; cat <<B <<C\na\nA\nb\nB\nc\nC\necho end\n") ==
          "(list (cmd cat 0<<[a\n]) (cmd cat 0<<[b\n] 0<<[c\n]) (cmd echo end))");
    CHECK(program("cat <<A | while read x; do\nbody\nA\necho $x; done\n") ==
          "(list (pipe (cmd cat 0<<[body\n]) (while (list (cmd read x)) do (list (cmd echo "
          "${x})))))");
    CHECK(program("f() { cat; } <<A\nx\nA\n") ==
          "(list (function f (brace (list (cmd cat)) 0<<[x\n])))");
}

TEST_CASE("here-documents inside command substitutions", "[parser][heredoc]") {
    CHECK(program("echo $(cat <<EOF\nin $x\nEOF\n) after\n") ==
          "(list (cmd echo $((list (cmd cat 0<<[in ${x}\n]))) after))");
    CHECK(program("x=`cat <<EOF\nhi\nEOF`\n") == "(list (cmd x=`(list (cmd cat 0<<[hi\n]))`))");
}

TEST_CASE("end of input before the delimiter keeps the body", "[parser][heredoc]") {
    CHECK(program("cat <<EOF\na\nb") == "(list (cmd cat 0<<[a\nb]))");
    CHECK(program("cat <<EOF\n") == "(list (cmd cat 0<<[]))");
    CHECK(program("cat <<EOF") == "(list (cmd cat 0<<[]))");
    CHECK(program("cat <<EOF\nx\nEOF") == "(list (cmd cat 0<<[x\n]))");
}

TEST_CASE("empty and odd delimiters", "[parser][heredoc]") {
    CHECK(program("cat <<''\nx\n\ny\n") == "(list (cmd cat 0<<['x\n']) (cmd y))");
    CHECK(parser_test::error_of("cat <<") == "syntax error: unexpected end of file");
    CHECK(parser_test::error_of("cat <<\n") == "syntax error: unexpected newline");
}

TEST_CASE("a $(( that is not arithmetic forgets the here-documents of its first reading",
          "[parser][heredoc]") {
    // `$((` is first read as arithmetic; when that fails it is read again as a command
    // substitution holding a subshell. A `$(<<b)` seen in the first reading must not get a
    // body: its command was thrown away (found by fuzz_expand as a use after free;
    // tests/fuzz/regressions/fuzz_parse/arith-backtrack-here-doc).
    CHECK(program("o$(($(<<b)')'))\nbody\nb\n") ==
          "(list (cmd o$((list (subshell (list (cmd $((list (cmd 0<<[body\n])))')')))))))");
    CHECK(program("echo $(( $(cat <<A) ) )\nin\nA\n") ==
          "(list (cmd echo $((list (subshell (list (cmd $((list (cmd cat 0<<[in\n]))))))))))");
}

TEST_CASE("a here-document inside a malformed ${...} is read, and goes nowhere",
          "[parser][heredoc]") {
    // The ${...} is kept as text, to fail when expanded; the `$(cat <<x)` lexed in it is
    // thrown away, but its body is still read so that it is not taken for commands (as in
    // bash). Found by fuzz_expand as a use after free
    // (tests/fuzz/regressions/fuzz_parse/bad-substitution-here-doc).
    CHECK(program("echo ${2$(cat <<x)}\necho body\nx\necho after\n") ==
          "(list (cmd echo ${${2$(cat <<x)}!bad!}) (cmd echo after))");
}
