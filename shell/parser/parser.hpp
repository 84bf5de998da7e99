// Recursive-descent parser for the POSIX shell grammar (XCU 2.10), with the lexer's token
// rules (XCU 2.3), alias substitution (2.3.1), here-documents (2.7.4) and the word forms of
// 2.6 folded into ast::Word parts.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "shell/ast/ast.hpp"
#include "shell/base/source.hpp"

namespace vsh {

using AliasTable = std::unordered_map<std::string, std::string>;

struct ParseError {
    // Without the "vsh: FILE:LINE: " prefix, e.g. `syntax error: unexpected "fi" (expecting
    // "then")` or `syntax error: end of file unexpected (expecting "done")`.
    std::string message;
    std::uint32_t line = 0;
};

// What next_command() found.
struct EndOfInput {};
using ParseResult = std::variant<std::unique_ptr<ast::Command>, EndOfInput, ParseError>;

class Parser {
  public:
    // `aliases` may be null (no alias substitution). It is read at parse time, so an alias
    // defined by one complete command applies to the next (POSIX 2.3.1).
    Parser(InputSource& source, const AliasTable* aliases, std::uint32_t first_line = 1);
    ~Parser();
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;

    // Parses one complete command: a list up to and including the newline that ends it (and
    // the bodies of any here-documents it opened). A line holding only blanks and comments
    // yields an empty List command. After a ParseError the parser has skipped the rest of the
    // offending line, so an interactive shell can go on with the next one.
    ParseResult next_command();

    // The line number the next command starts on (for LINENO in interactive use).
    std::uint32_t line() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Parses the whole of `text` as a program (for eval, $(...) re-parsing, -c). Returns a List
// command, or the first syntax error.
std::variant<std::unique_ptr<ast::Command>, ParseError> parse_program(std::string_view text,
                                                                      const AliasTable* aliases,
                                                                      std::uint32_t first_line = 1);

// True if `name` is a valid shell variable name (XCU 3.216).
bool is_name(std::string_view name);

// NAME= at the start of a word (in its unquoted text): the name's length, or 0.
std::size_t assignment_name_length(const ast::Word& word);

// The index of the first argument of a declaration utility (export, readonly, local, also
// when run through `command`) in a simple command's words, or 0 when the words name none.
// Its arguments that look like assignments are expanded as assignment values are: tilde
// after '=' and ':', no field splitting or pathname expansion (POSIX.1-2024 XCU 2.9.1.1).
std::size_t declaration_arguments_start(const std::vector<ast::Word>& words);

// Gives an argument of a declaration utility that looks like an assignment the tilde
// prefixes of an assignment value (after the '=' and each unquoted ':'). The parser does it
// for a literal `export` or `readonly`; the executor for a command name that only its
// expansion shows to be one.
void mark_declaration_tildes(ast::Word& word);

}  // namespace vsh
