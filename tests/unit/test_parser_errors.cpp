// Syntax errors, their lines, recovery in next_command(), spans, and robustness.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "test_parser_helpers.hpp"

using parser_test::error_line;
using parser_test::error_of;

TEST_CASE("syntax error messages name the token and what was expected", "[parser][errors]") {
    CHECK(error_of("if a; fi") == "syntax error: unexpected \"fi\" (expecting \"then\")");
    CHECK(error_of("while a; do b") == "syntax error: unexpected end of file (expecting \"done\")");
    CHECK(error_of("if a; then b; done") == "syntax error: unexpected \"done\" (expecting \"fi\")");
    CHECK(error_of("(a") == "syntax error: unexpected end of file (expecting \")\")");
    CHECK(error_of("{ a; ") == "syntax error: unexpected end of file (expecting \"}\")");
    CHECK(error_of("case x in a) b; fi") == "syntax error: unexpected \"fi\" (expecting \"esac\")");
    CHECK(error_of("case x in a b) ;; esac") == "syntax error: unexpected \"b\" (expecting \")\")");
    CHECK(error_of("echo >") == "syntax error: unexpected end of file");
    CHECK(error_of("echo >\n") == "syntax error: unexpected newline");
    CHECK(error_of("echo a )") == "syntax error: unexpected \")\"");
    CHECK(error_of("a; ;") == "syntax error: unexpected \";\"");
    CHECK(error_of("a && ") == "syntax error: unexpected end of file");
    CHECK(error_of("| a") == "syntax error: unexpected \"|\"");
    CHECK(error_of("a ;; b") == "syntax error: unexpected \";;\"");
    CHECK(error_of("fi") == "syntax error: unexpected \"fi\"");
}

TEST_CASE("empty compound bodies are errors, as in dash", "[parser][errors]") {
    CHECK(error_of("{ }") == "syntax error: unexpected \"}\"");
    CHECK(error_of("( )") == "syntax error: unexpected \")\"");
    CHECK(error_of("if then fi") == "syntax error: unexpected \"then\"");
    CHECK(error_of("if a; then fi") == "syntax error: unexpected \"fi\"");
    CHECK(error_of("if a; then b; else fi") == "syntax error: unexpected \"fi\"");
    CHECK(error_of("while do done") == "syntax error: unexpected \"do\"");
    CHECK(error_of("for x; do done") == "syntax error: unexpected \"done\"");
}

TEST_CASE("an empty body cut off by end of input names the word that ends it", "[parser][errors]") {
    CHECK(error_of("if") == "syntax error: unexpected end of file (expecting \"then\")");
    CHECK(error_of("if a; then") == "syntax error: unexpected end of file (expecting \"fi\")");
    CHECK(error_of("if a; then b; elif") ==
          "syntax error: unexpected end of file (expecting \"then\")");
    CHECK(error_of("if a; then b; else") ==
          "syntax error: unexpected end of file (expecting \"fi\")");
    CHECK(error_of("while") == "syntax error: unexpected end of file (expecting \"do\")");
    CHECK(error_of("until a; do\n") == "syntax error: unexpected end of file (expecting \"done\")");
    CHECK(error_of("for x in a; do") ==
          "syntax error: unexpected end of file (expecting \"done\")");
    CHECK(error_of("{") == "syntax error: unexpected end of file (expecting \"}\")");
    CHECK(error_of("(") == "syntax error: unexpected end of file (expecting \")\")");
    // Only end of input gets the hint, as in dash.
    CHECK(error_of("if ; then b; fi") == "syntax error: unexpected \";\"");
}

TEST_CASE("errors report the line they were found on", "[parser][errors]") {
    CHECK(error_line("a\nb\nif c; fi\n") == 3);
    CHECK(error_line("if a\nthen\nb\n") == 4);  // End of file, after the last newline.
    CHECK(error_line("echo 'a\nb\nc") == 1);    // Where the quote opened.
    CHECK(error_line("echo $(\n\nfi)") == 3);
    CHECK(error_line("echo `\n\nfi`") == 3);
}

namespace {

// Hands out lines and records how many were asked for.
class CountingSource final : public vsh::InputSource {
  public:
    explicit CountingSource(std::vector<std::string> lines) : lines_(std::move(lines)) {}
    bool read_line(std::string& buffer, vsh::Prompt prompt) override {
        prompts.push_back(prompt);
        if (next_ >= lines_.size()) return false;
        buffer += lines_[next_++];
        return true;
    }
    std::size_t lines_read() const { return next_; }
    std::vector<vsh::Prompt> prompts;

  private:
    std::vector<std::string> lines_;
    std::size_t next_ = 0;
};

std::string next_dump(vsh::Parser& parser) {
    vsh::ParseResult result = parser.next_command();
    if (std::holds_alternative<vsh::EndOfInput>(result)) return "EOF";
    if (auto* error = std::get_if<vsh::ParseError>(&result)) {
        return "ERROR " + std::to_string(error->line) + ": " + error->message;
    }
    return vsh::dump_command(*std::get<std::unique_ptr<vsh::ast::Command>>(result));
}

}  // namespace

TEST_CASE("next_command reads no further than the command it returns", "[parser]") {
    CountingSource source(
        {"echo a; echo b\n", "if x\n", "then y\n", "fi\n", "cat <<E\n", "body\n", "E\n", "tail\n"});
    vsh::Parser parser(source, nullptr);
    CHECK(next_dump(parser) == "(list (cmd echo a) (cmd echo b))");
    CHECK(source.lines_read() == 1);
    CHECK(parser.line() == 2);
    CHECK(next_dump(parser) == "(list (if (list (cmd x)) then (list (cmd y))))");
    CHECK(source.lines_read() == 4);
    CHECK(next_dump(parser) == "(list (cmd cat 0<<[body\n]))");
    CHECK(source.lines_read() == 7);
    CHECK(next_dump(parser) == "(list (cmd tail))");
    CHECK(next_dump(parser) == "EOF");
    // The first line of each command gets the primary prompt, the rest continuation.
    REQUIRE(source.prompts.size() >= 4);
    CHECK(source.prompts[0] == vsh::Prompt::Primary);
    CHECK(source.prompts[1] == vsh::Prompt::Primary);
    CHECK(source.prompts[2] == vsh::Prompt::Continuation);
    CHECK(source.prompts[3] == vsh::Prompt::Continuation);
}

TEST_CASE("blank and comment lines yield empty lists", "[parser]") {
    vsh::StringSource source("\n  # note\necho\n");
    vsh::Parser parser(source, nullptr);
    CHECK(next_dump(parser) == "(list)");
    CHECK(next_dump(parser) == "(list)");
    CHECK(next_dump(parser) == "(list (cmd echo))");
    CHECK(next_dump(parser) == "EOF");
}

TEST_CASE("after an error the parser goes on with the next line", "[parser][errors]") {
    vsh::StringSource source("echo a; fi; echo b\necho c\nif\nthen\necho >\necho d\n");
    vsh::Parser parser(source, nullptr);
    CHECK(next_dump(parser) == "ERROR 1: syntax error: unexpected \"fi\"");
    CHECK(next_dump(parser) == "(list (cmd echo c))");
    CHECK(next_dump(parser) == "ERROR 4: syntax error: unexpected \"then\"");
    CHECK(next_dump(parser) == "ERROR 5: syntax error: unexpected newline");
    CHECK(next_dump(parser) == "(list (cmd echo d))");
    CHECK(next_dump(parser) == "EOF");
}

TEST_CASE("spans give the lines and columns of commands", "[parser][spans]") {
    auto tree = parser_test::tree("echo a\nif x\nthen\n  y >out; z\nfi\n");
    const auto& list = std::get<vsh::ast::List>(tree->node);
    REQUIRE(list.items.size() == 2);
    const vsh::ast::Command& echo = *list.items[0].command;
    CHECK(echo.span.begin.line == 1);
    CHECK(echo.span.begin.column == 1);
    CHECK(echo.span.end.line == 1);
    CHECK(echo.span.end.column == 7);
    const vsh::ast::Command& if_command = *list.items[1].command;
    CHECK(if_command.span.begin.line == 2);
    CHECK(if_command.span.end.line == 5);
    CHECK(if_command.span.end.column == 3);
    const auto& branch = std::get<vsh::ast::If>(if_command.node).branches.at(0);
    const vsh::ast::Command& y = *branch.body.items.at(0).command;
    CHECK(y.span.begin.line == 4);
    CHECK(y.span.begin.column == 3);
    REQUIRE(y.redirections.size() == 1);
    CHECK(y.redirections[0].span.begin.column == 5);
    CHECK(y.redirections[0].span.end.column == 9);
    CHECK(branch.body.items.at(1).command->span.begin.line == 4);
    CHECK(branch.condition.items.at(0).command->span.begin.line == 2);
}

TEST_CASE("spans of nested commands, assignments and substitutions", "[parser][spans]") {
    auto tree = parser_test::tree("\n\nf() {\n  a=1 b\n}\nx=$(\n  c\n)\n");
    const auto& list = std::get<vsh::ast::List>(tree->node);
    const auto& definition = std::get<vsh::ast::FunctionDef>(list.items.at(0).command->node);
    CHECK(list.items.at(0).command->span.begin.line == 3);
    CHECK(definition.body->span.begin.line == 3);
    CHECK(definition.body->span.end.line == 5);
    const auto& group = std::get<vsh::ast::BraceGroup>(definition.body->node);
    const auto& simple = std::get<vsh::ast::SimpleCommand>(group.body.items.at(0).command->node);
    CHECK(simple.assignments.at(0).span.begin.line == 4);
    CHECK(simple.assignments.at(0).span.begin.column == 3);
    const auto& x = std::get<vsh::ast::SimpleCommand>(list.items.at(1).command->node);
    const auto& subst = x.assignments.at(0).value.at(0);
    REQUIRE(subst.command() != nullptr);
    const auto& inner = std::get<vsh::ast::List>(subst.command()->node);
    CHECK(inner.items.at(0).command->span.begin.line == 7);
    // Backquoted bodies are parsed separately but keep their line numbers.
    auto backquoted = parser_test::tree("\n\necho `\na\n`");
    const auto& echo = std::get<vsh::ast::SimpleCommand>(
        std::get<vsh::ast::List>(backquoted->node).items.at(0).command->node);
    const auto& body = std::get<vsh::ast::List>(echo.words.at(1).at(0).command()->node);
    CHECK(body.items.at(0).command->span.begin.line == 4);
}

TEST_CASE("first_line offsets line numbers", "[parser][spans]") {
    auto result = vsh::parse_program("a\nfi", nullptr, 10);
    auto* error = std::get_if<vsh::ParseError>(&result);
    REQUIRE(error != nullptr);
    CHECK(error->line == 11);
}

TEST_CASE("deep nesting is an error, not a crash", "[parser][errors]") {
    std::string parens(5000, '(');
    CHECK(error_of(parens + "a" + std::string(5000, ')')) == "syntax error: nesting too deep");
    std::string params;
    for (int i = 0; i < 3000; ++i) params += "${x:-";
    CHECK(error_of("echo " + params) == "syntax error: nesting too deep");
    std::string substs;
    for (int i = 0; i < 3000; ++i) substs += "$(";
    CHECK(error_of("echo " + substs) == "syntax error: nesting too deep");
    std::string quotes;
    for (int i = 0; i < 3000; ++i) quotes += "\"$(";
    CHECK(error_of("echo " + quotes) == "syntax error: nesting too deep");
    std::string ifs;
    for (int i = 0; i < 3000; ++i) ifs += "if a; then ";
    CHECK(error_of(ifs) == "syntax error: nesting too deep");
    // Moderate nesting is fine.
    CHECK(error_of(std::string(100, '(') + "a" + std::string(100, ')')).empty());
}

TEST_CASE("every prefix and garbling of nasty scripts parses or fails cleanly",
          "[parser][errors]") {
    const std::vector<std::string> scripts = {
        "f() { case $1 in (a|b) echo \"${x:-'q'}\" $(echo `echo \\`x\\``) ;; *) :;& esac; }\n"
        "cat <<-E1 <<'E2'; while read a; do echo $((a + ${#b})); done\n\tbody $x\n\tE1\n$lit\nE2\n",
        "if [ \"$(echo a\\\nb)\" ]; then x=~/a:~b y=$'\\x41\\c?' ; elif ! time -p a | b; then :;"
        " else for i in 1 2; do { (c) ; } >&2 2>|f; done; fi # c\n",
        "echo ${x#\"*\"} ${y%%'a'} ${#} ${##} $10 $((1+(2))) $((echo) ) \\$ \"\\\"\" `a \"b\"` &",
    };
    for (const std::string& script : scripts) {
        REQUIRE(error_of(script).empty());
        for (std::size_t n = 0; n <= script.size(); ++n) {
            (void)vsh::parse_program(std::string_view(script).substr(0, n), nullptr);
            std::string garbled = script;
            garbled.erase(n, 1);
            (void)vsh::parse_program(garbled, nullptr);
            std::string doubled = script;
            if (n < script.size()) doubled.insert(n, 1, script[n]);
            (void)vsh::parse_program(doubled, nullptr);
        }
    }
    SUCCEED("no crash or hang");
}
