// Tokens of the shell language (XCU 2.3, 2.10.1).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "shell/ast/ast.hpp"

namespace vsh::lex {

enum class TokenKind : std::uint8_t {
    Word,
    IoNumber,  // Digits immediately before '<' or '>'.
    Newline,
    End,             // End of input.
    AndIf,           // &&
    OrIf,            // ||
    DoubleSemi,      // ;;
    SemiAnd,         // ;&
    DoubleLess,      // <<
    DoubleLessDash,  // <<-
    DoubleGreat,     // >>
    LessAnd,         // <&
    GreatAnd,        // >&
    LessGreat,       // <>
    Clobber,         // >|
    LeftParen,
    RightParen,
    Pipe,
    Ampersand,
    Semicolon,
    Less,
    Great,
};

struct Token {
    TokenKind kind = TokenKind::End;
    // Word only. A word that is a single Literal part (nothing quoted, nothing expanded) is
    // "plain": only a plain word can be a reserved word, an alias name or a NAME= prefix.
    ast::Word word;
    int io_number = 0;
    std::size_t begin_offset = 0;  // Buffer offsets, valid until the buffer is spliced.
    std::size_t end_offset = 0;
    ast::SourcePos begin;
    ast::SourcePos end;

    // True for an unquoted, expansion-free word spelling exactly `text`.
    [[nodiscard]] bool is_plain(std::string_view text) const {
        return is_plain_word() && word[0].text == text;
    }
    [[nodiscard]] bool is_plain_word() const {
        return kind == TokenKind::Word && word.size() == 1 &&
               word[0].kind == ast::WordPart::Kind::Literal;
    }
    [[nodiscard]] const std::string& plain_text() const { return word[0].text; }
};

// How a syntax error names a token: `"fi"`, `";;"`, `newline`, `end of file`.
std::string describe_operator(TokenKind kind);

// Thrown inside the lexer and parser, caught by Parser::next_command (the only place a
// syntax error unwinds to).
struct SyntaxError {
    std::string message;
    std::uint32_t line = 0;
};

}  // namespace vsh::lex
