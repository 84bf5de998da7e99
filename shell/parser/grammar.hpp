// The recursive-descent grammar of XCU 2.10 over the lexer's tokens. Parser (parser.hpp) is
// its public face; command substitutions re-enter it (the lexer calls back through
// lex::NestedParser), and a backquoted one gets a Grammar of its own over the unescaped text.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include "shell/ast/ast.hpp"
#include "shell/lexer/lexer.hpp"
#include "shell/lexer/reader.hpp"
#include "shell/lexer/token.hpp"
#include "shell/parser/parser.hpp"

namespace vsh {

class Grammar final : public lex::NestedParser {
  public:
    Grammar(InputSource& source, const AliasTable* aliases, std::uint32_t first_line,
            int nesting = 0);

    ParseResult next_command();
    // Every command up to end of input, as one List command (null items list if empty).
    std::variant<std::unique_ptr<ast::Command>, ParseError> parse_all();
    [[nodiscard]] std::uint32_t line() const { return reader_.where(reader_.pos).line; }

    std::shared_ptr<const ast::Command> parse_dollar_paren() override;
    std::shared_ptr<const ast::Command> parse_backquoted(std::string text,
                                                         std::uint32_t line) override;

  private:
    // One token of lookahead per command-substitution level: a $(...) is parsed while the
    // token that contains it is still being lexed.
    struct Lookahead {
        lex::Token token;
        bool valid = false;
    };

    // Whether a reserved word is recognised where a word is read: in command position, not
    // after a prefix assignment or redirection, nor in an argument made eligible for alias
    // substitution by a blank-ended alias (XCU 2.4).
    enum class ReservedWords : std::uint8_t { Recognized, Ignored };

    lex::Token& peek();
    lex::Token& raw_peek();  // peek() without the alias check a blank-ended alias asks for.
    // peek() in a command-name position: substitutes aliases (XCU 2.3.1). A word spelt like a
    // reserved word is substituted only where reserved words are ignored.
    lex::Token& peek_command_word(ReservedWords reserved = ReservedWords::Recognized);
    void consume();
    ast::Word take_word();
    void linebreak();
    // linebreak where a command comes next: a line holding only an alias whose value is
    // empty counts as blank too.
    void linebreak_before_command();

    std::unique_ptr<ast::Command> complete_command();
    std::unique_ptr<ast::Command> and_or();
    std::unique_ptr<ast::Command> pipeline();
    std::unique_ptr<ast::Command> pipeline_body();
    std::unique_ptr<ast::Command> command();
    std::unique_ptr<ast::Command> simple_command(lex::Token* first_word);
    std::unique_ptr<ast::Command> function_definition(lex::Token& name);
    std::unique_ptr<ast::Command> compound_command();
    ast::List compound_list();
    void brace_group(ast::Command& command);
    void subshell(ast::Command& command);
    void if_clause(ast::Command& command);
    void loop(ast::Command& command, ast::LoopKind kind);
    void for_clause(ast::Command& command);
    void case_clause(ast::Command& command);
    void redirection(ast::Command& command);
    void redirections(ast::Command& command);

    // The body of a compound command must hold a command (as in dash: `{ }` is an error).
    // `closing` is the word that ends the body; an error at end of input names it, as dash
    // does (`unexpected end of file (expecting "fi")`).
    ast::List nonempty_compound_list(std::string_view closing);
    void expect_word(std::string_view reserved);
    [[noreturn]] void unexpected(const lex::Token& token, std::string_view expecting = {});
    [[nodiscard]] bool starts_command(const lex::Token& token) const;
    [[nodiscard]] bool is_redirection(const lex::Token& token) const;
    void recover_after_error();

    lex::Reader reader_;
    lex::Lexer lexer_;
    const AliasTable* aliases_;
    std::deque<Lookahead> lookahead_;
    std::size_t level_ = 0;
    int base_nesting_;
    ast::SourcePos last_end_;
    // The last alias substituted ended in a blank: the first word that starts at or after this
    // offset (the end of the alias's text) is checked for an alias too.
    static constexpr std::size_t kNoAliasEnd = static_cast<std::size_t>(-1);
    std::size_t alias_next_word_ = kNoAliasEnd;
};

}  // namespace vsh
