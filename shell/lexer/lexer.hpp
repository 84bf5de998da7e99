// Turns the reader's characters into tokens (XCU 2.3) and words into ast::Word parts (2.6):
// quotes, parameter expansions, command substitutions, arithmetic, here-document bodies.
// Reserved words and aliases are the parser's business: they depend on grammar position.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shell/ast/ast.hpp"
#include "shell/lexer/reader.hpp"
#include "shell/lexer/token.hpp"

namespace vsh::lex {

// The parser, as the lexer sees it: command substitutions hold whole programs.
class NestedParser {
  public:
    // Called with the reader just past "$("; parses up to and including the matching ")".
    // Returns null for an empty body.
    virtual std::shared_ptr<const ast::Command> parse_dollar_paren() = 0;
    // Parses the text of a backquoted substitution (backslashes already removed per 2.6.3),
    // which began on `line`.
    virtual std::shared_ptr<const ast::Command> parse_backquoted(std::string text,
                                                                 std::uint32_t line) = 0;

  protected:
    ~NestedParser() = default;
};

// A here-document whose body is read after the next newline token (XCU 2.7.4).
struct PendingHereDoc {
    std::string delimiter;  // Quote-removed.
    bool quoted = false;    // Any part of the delimiter was quoted: no expansion in the body.
    bool strip_tabs = false;
    // Where the body goes: command->redirections[index].target. Commands are heap objects
    // that never move, and the command's redirection list is complete before the newline.
    // Null: the body is read and dropped (orphan_here_docs_from).
    ast::Command* command = nullptr;
    std::size_t index = 0;
};

// Deep nesting ((((( or ${x:-${x:-...}} must end in an error, not a stack overflow.
inline constexpr int kMaxNesting = 1000;

enum class DoubleQuoteContext : std::uint8_t { Plain, ParamOperand };

class Lexer {
  public:
    Lexer(Reader& reader, NestedParser& parser, int nesting = 0)
        : reader_(reader), parser_(parser), nesting_(nesting) {}

    // Lexes the token starting at the reader's position. A newline token also reads the
    // bodies of the here-documents opened on its line.
    void next(Token& token);

    void add_here_doc(PendingHereDoc here_doc) { pending_.push_back(std::move(here_doc)); }
    void drop_here_docs() { pending_.clear(); }
    [[nodiscard]] std::size_t pending_here_doc_count() const { return pending_.size(); }
    // Forgets the here-documents opened after the first `count`: those of a word the parser
    // throws away (a here-document delimiter is taken as written, so a `$(cat <<x)` in it is
    // never run), whose commands die with the word and must not receive a body.
    void drop_here_docs_from(std::size_t count) {
        if (count < pending_.size()) pending_.resize(count);
    }
    // Keeps the here-documents opened after the first `count` but takes away their target:
    // those of a word kept only as text (a malformed ${...}, an error when expanded). Their
    // bodies are still read, so that they are not taken for commands (as in bash).
    void orphan_here_docs_from(std::size_t count) {
        for (std::size_t i = count; i < pending_.size(); ++i) pending_[i].command = nullptr;
    }
    [[nodiscard]] bool has_pending_here_docs() const { return !pending_.empty(); }
    // A newline inside $(...) ends a line of the substitution, not the line holding it: the
    // substitution is parsed with the enclosing line's here-documents set aside, and they
    // come back after it, ahead of any the substitution left unread (XCU 2.7.4).
    [[nodiscard]] std::vector<PendingHereDoc> set_aside_here_docs() {
        return std::exchange(pending_, {});
    }
    void restore_here_docs(std::vector<PendingHereDoc> enclosing) {
        enclosing.insert(enclosing.end(), std::make_move_iterator(pending_.begin()),
                         std::make_move_iterator(pending_.end()));
        pending_ = std::move(enclosing);
    }

    // Alias substitution (XCU 2.3.1): true when `name`'s own text contains `offset`, so the
    // alias must not be substituted again there.
    [[nodiscard]] bool alias_active(std::string_view name, std::size_t offset) const;
    // Replaces the word token with the alias value and rewinds the reader to re-lex it.
    void substitute_alias(const Token& word, std::string_view name, std::string_view value);
    void forget_aliases() { aliases_.clear(); }

    // Nesting guard shared by the parser and the lexer.
    void enter(std::size_t offset);
    void leave() { --nesting_; }
    [[nodiscard]] int nesting() const { return nesting_; }

    [[noreturn]] void fail(std::string message, std::size_t offset) const;

    Reader& reader() { return reader_; }

  private:
    // words.cpp
    void lex_word(ast::Word& out);
    void lex_single_quoted(ast::Word& out);
    void lex_dollar_single_quoted(ast::Word& out);
    void lex_double_quoted(ast::Word& out, DoubleQuoteContext context);
    void lex_dollar(ast::Word& out, bool in_double_quotes);
    void lex_braced_parameter(ast::Word& out, bool in_double_quotes);
    void lex_operand(ast::Word& out, bool in_double_quotes, bool pattern);
    void lex_backquoted(ast::Word& out, bool in_double_quotes);
    bool lex_arithmetic(ast::Word& out);
    void lex_dollar_paren(ast::Word& out);
    // heredoc.cpp
    void read_here_docs();
    void read_here_doc(const PendingHereDoc& here_doc);
    void lex_here_doc_body(ast::Word& out);

    struct ActiveAlias {
        std::string name;
        std::size_t begin;
        std::size_t end;
    };

    Reader& reader_;
    NestedParser& parser_;
    int nesting_;
    std::vector<PendingHereDoc> pending_;
    std::vector<ActiveAlias> aliases_;
};

// Appends text to the last part if it is of `kind`, else starts a new part.
void append_text(ast::Word& word, ast::WordPart::Kind kind, std::string_view text);

// Decodes the inside of $'...' (XCU 2.2.4).
std::string decode_dollar_single(std::string_view raw);

// Quote removal on a here-document delimiter's source text; sets *quoted if anything was
// quoted (XCU 2.7.4).
std::string here_doc_delimiter(std::string_view raw, bool* quoted);

}  // namespace vsh::lex
