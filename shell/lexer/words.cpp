// Word forms (XCU 2.2 quoting, 2.6 expansions) lexed straight into ast::Word parts.
#include "shell/lexer/char_set.hpp"
#include "shell/lexer/lexer.hpp"
#include "shell/lexer/tilde.hpp"

namespace vsh::lex {

namespace {

using Kind = ast::WordPart::Kind;

// Characters that end a run of plain text in each context. Every set holds the backslash,
// since a backslash may start a line continuation.
constexpr CharSet kUnquotedStops = make_char_set(" \t\n;&|<>()\\'\"$`");
constexpr CharSet kDoubleQuoteStops = make_char_set("\"\\$`");
constexpr CharSet kOperandStops = make_char_set("}\\'\"$`");
constexpr CharSet kArithStops = make_char_set("()\\$`\"");
constexpr CharSet kHereDocStops = make_char_set("\\$`");

constexpr std::string_view kSpecialParams = "@*#?-$!";

const char* const kUnterminated = "syntax error: unterminated quoted string";
const char* const kBadSubstitution = "syntax error: bad substitution";

// Appends the run of characters at the reader's position that are not in `stops`; the
// caller has peeked a character not in `stops`, so the run is never empty.
void append_run(Reader& reader, ast::Word& out, Kind kind, const CharSet& stops) {
    std::size_t start = reader.pos;
    std::size_t end = reader.scan(start, stops);
    if (end == start) end = start + 1;
    append_text(out, kind, reader.text(start, end));
    reader.pos = end;
}

void append_char(ast::Word& out, Kind kind, int c) {
    char ch = static_cast<char>(c);
    append_text(out, kind, std::string_view(&ch, 1));
}

}  // namespace

void Lexer::lex_word(ast::Word& out) {
    for (;;) {
        int c = reader_.peek();
        switch (c) {
            case kEndOfInput:
            case ' ':
            case '\t':
            case '\n':
            case ';':
            case '&':
            case '|':
            case '<':
            case '>':
            case '(':
            case ')':
                return;
            case '\\': {
                int escaped = reader_.at(++reader_.pos);
                if (escaped == kEndOfInput) {
                    // A trailing backslash stays, as a character of its own (quoted: it is
                    // no pattern character, and written back it must be escaped).
                    append_text(out, Kind::Quoted, "\\");
                    return;
                }
                append_char(out, Kind::Quoted, escaped);
                ++reader_.pos;
                break;
            }
            case '\'':
                lex_single_quoted(out);
                break;
            case '"':
                lex_double_quoted(out, DoubleQuoteContext::Plain);
                break;
            case '$':
                lex_dollar(out, false);
                break;
            case '`':
                lex_backquoted(out, false);
                break;
            default:
                append_run(reader_, out, Kind::Literal, kUnquotedStops);
                break;
        }
    }
}

void Lexer::lex_single_quoted(ast::Word& out) {
    std::size_t open = reader_.pos;
    std::size_t p = open + 1;
    for (;;) {
        int c = reader_.at(p);
        if (c == kEndOfInput) fail(kUnterminated, open);
        if (c == '\'') break;
        ++p;
    }
    append_text(out, Kind::Quoted, reader_.text(open + 1, p));
    reader_.pos = p + 1;
}

void Lexer::lex_dollar_single_quoted(ast::Word& out) {
    std::size_t open = reader_.pos;  // At the quote after '$'.
    std::size_t p = open + 1;
    for (;;) {
        int c = reader_.at(p);
        if (c == kEndOfInput) fail(kUnterminated, open);
        if (c == '\'') break;
        if (c == '\\' && reader_.at(p + 1) != kEndOfInput) ++p;
        ++p;
    }
    append_text(out, Kind::Quoted, decode_dollar_single(reader_.text(open + 1, p)));
    reader_.pos = p + 1;
}

void Lexer::lex_double_quoted(ast::Word& out, DoubleQuoteContext context) {
    std::size_t open = reader_.pos;
    ++reader_.pos;
    enter(open);
    ast::WordPart part;
    part.kind = Kind::DoubleQuoted;
    // Inside double quotes a backslash quotes only $ ` " \ and newline (XCU 2.2.3); within
    // a ${...} operand also the closing brace.
    std::string_view escapable = context == DoubleQuoteContext::ParamOperand ? "$`\"\\}" : "$`\"\\";
    for (;;) {
        int c = reader_.peek();
        if (c == kEndOfInput) fail(kUnterminated, open);
        if (c == '"') {
            ++reader_.pos;
            break;
        }
        switch (c) {
            case '\\': {
                int escaped = reader_.at(++reader_.pos);
                if (contains(escapable, escaped)) {
                    append_char(part.mutable_parts(), Kind::Literal, escaped);
                    ++reader_.pos;
                } else {
                    append_text(part.mutable_parts(), Kind::Literal, "\\");
                }
                break;
            }
            case '$':
                lex_dollar(part.mutable_parts(), true);
                break;
            case '`':
                lex_backquoted(part.mutable_parts(), true);
                break;
            default:
                append_run(reader_, part.mutable_parts(), Kind::Literal, kDoubleQuoteStops);
                break;
        }
    }
    leave();
    out.push_back(std::move(part));
}

void Lexer::lex_dollar(ast::Word& out, bool in_double_quotes) {
    ++reader_.pos;
    int c = reader_.peek();
    if (c == '{') {
        ++reader_.pos;
        lex_braced_parameter(out, in_double_quotes);
        return;
    }
    if (c == '(') {
        ++reader_.pos;
        if (reader_.peek() == '(') {
            std::size_t inner = reader_.pos;
            std::size_t parts = out.size();
            std::size_t here_docs = pending_here_doc_count();
            ++reader_.pos;
            if (lex_arithmetic(out)) return;
            // `$((cmd) ...)`: a command substitution that starts with a subshell. The parts
            // lexed as arithmetic are thrown away, and with them the commands of any
            // `$(cat <<x)` among them, whose here-documents must not be read into them
            // (found by fuzz_expand: a use after free).
            out.resize(parts);
            drop_here_docs_from(here_docs);
            reader_.pos = inner;
        }
        lex_dollar_paren(out);
        return;
    }
    if (c == '\'' && !in_double_quotes) {
        lex_dollar_single_quoted(out);
        return;
    }
    ast::WordPart part;
    part.kind = Kind::Param;
    if (is_name_start(c)) {
        do {
            part.text.push_back(static_cast<char>(c));
            ++reader_.pos;
            c = reader_.peek();
        } while (is_name_char(c));
    } else if (is_digit(c) || contains(kSpecialParams, c)) {
        // $10 is ${1} followed by 0 (XCU 2.6.2).
        part.text.push_back(static_cast<char>(c));
        ++reader_.pos;
    } else {
        // A '$' that starts no expansion is itself.
        append_text(out, Kind::Literal, "$");
        return;
    }
    out.push_back(std::move(part));
}

void Lexer::lex_braced_parameter(ast::Word& out, bool in_double_quotes) {
    std::size_t open = reader_.pos - 2;
    enter(open);
    ast::WordPart part;
    part.kind = Kind::Param;
    bool length = false;
    bool invalid = false;
    int c = reader_.peek();

    // A malformed ${...}: skip to its closing brace and keep it as an Invalid part, to fail
    // when expanded. What was lexed of it is thrown away, the commands of a `$(cat <<x)` in
    // it too: their here-documents must not be read into them (found by fuzz_expand: a use
    // after free).
    const std::size_t here_docs = pending_here_doc_count();
    auto bad = [&]() {
        ast::Word ignored;
        lex_operand(ignored, in_double_quotes, true);
        orphan_here_docs_from(here_docs);
        ast::WordPart bad_part;
        bad_part.kind = Kind::Param;
        bad_part.op = ast::ParamOp::Invalid;
        for (std::size_t i = open; i < reader_.pos; ++i)
            bad_part.text.push_back(static_cast<char>(reader_.at(i)));
        leave();
        out.push_back(std::move(bad_part));
    };

    auto read_name = [&]() {
        if (is_name_start(c)) {
            do {
                part.text.push_back(static_cast<char>(c));
                ++reader_.pos;
                c = reader_.peek();
            } while (is_name_char(c));
        } else if (is_digit(c)) {
            do {
                part.text.push_back(static_cast<char>(c));
                ++reader_.pos;
                c = reader_.peek();
            } while (is_digit(c));
        } else if (contains(kSpecialParams, c)) {
            part.text.push_back(static_cast<char>(c));
            ++reader_.pos;
            c = reader_.peek();
        } else {
            invalid = true;
        }
    };

    if (c == '#') {
        // ${#} is $#; ${#x}, ${#1}, ${#-} are lengths; ${#-x}, ${##x}, ${#:-x} apply an
        // operator to $# (as dash reads them).
        ++reader_.pos;
        int next = reader_.peek();
        if (next == '}') {
            part.text = "#";
        } else if (is_name_start(next) || is_digit(next) ||
                   (contains(kSpecialParams, next) && reader_.peek_second() == '}')) {
            length = true;
            c = next;
            read_name();
        } else {
            part.text = "#";
        }
        c = reader_.peek();
    } else {
        read_name();
    }
    if (invalid) return bad();

    if (c == '}') {
        ++reader_.pos;
        part.op = length ? ast::ParamOp::Length : ast::ParamOp::Plain;
        leave();
        out.push_back(std::move(part));
        return;
    }
    if (length) return bad();
    if (c == ':') {
        ++reader_.pos;
        c = reader_.peek();
        if (!contains("-=?+", c)) return bad();
        part.colon = true;
    }
    bool pattern = false;
    switch (c) {
        case '-':
            part.op = ast::ParamOp::Default;
            break;
        case '=':
            part.op = ast::ParamOp::Assign;
            break;
        case '?':
            part.op = ast::ParamOp::Error;
            break;
        case '+':
            part.op = ast::ParamOp::Alternative;
            break;
        case '%':
        case '#': {
            pattern = true;
            ++reader_.pos;
            bool doubled = reader_.peek() == c;
            if (doubled) ++reader_.pos;
            if (c == '%') {
                part.op = doubled ? ast::ParamOp::RemoveLargestSuffix
                                  : ast::ParamOp::RemoveSmallestSuffix;
            } else {
                part.op = doubled ? ast::ParamOp::RemoveLargestPrefix
                                  : ast::ParamOp::RemoveSmallestPrefix;
            }
            break;
        }
        default:
            return bad();
    }
    if (!pattern) ++reader_.pos;
    lex_operand(part.mutable_parts(), in_double_quotes, pattern);
    // The operand word undergoes tilde expansion too (XCU 2.6.2): outside double quotes, and
    // inside them for a pattern, which the double quotes do not quote ("${x#~}" strips $HOME,
    // as in dash, bash, ksh93, mksh and yash).
    if (!in_double_quotes || pattern)
        mark_tilde_prefixes(part.mutable_parts(), TildePlaces::WordStart);
    leave();
    out.push_back(std::move(part));
}

void Lexer::lex_operand(ast::Word& out, bool in_double_quotes, bool pattern) {
    std::size_t open = reader_.pos;
    // A pattern operand is a pattern even inside double quotes; other operands inside double
    // quotes are read as double-quoted text (XCU 2.6.2).
    bool quoted_context = in_double_quotes && !pattern;
    for (;;) {
        int c = reader_.peek();
        switch (c) {
            case kEndOfInput:
                fail("syntax error: missing \"}\"", open);
            case '}':
                ++reader_.pos;
                return;
            case '\\': {
                int escaped = reader_.at(++reader_.pos);
                if (escaped == kEndOfInput) break;
                if (!quoted_context) {
                    append_char(out, Kind::Quoted, escaped);
                    ++reader_.pos;
                } else if (contains("$`\"\\}", escaped)) {
                    append_char(out, Kind::Literal, escaped);
                    ++reader_.pos;
                } else {
                    append_text(out, Kind::Literal, "\\");
                }
                break;
            }
            case '\'':
                if (quoted_context) {
                    append_text(out, Kind::Literal, "'");
                    ++reader_.pos;
                } else {
                    lex_single_quoted(out);
                }
                break;
            case '"':
                lex_double_quoted(out, DoubleQuoteContext::ParamOperand);
                break;
            case '$':
                lex_dollar(out, quoted_context);
                break;
            case '`':
                lex_backquoted(out, in_double_quotes);
                break;
            default:
                append_run(reader_, out, Kind::Literal, kOperandStops);
                break;
        }
    }
}

void Lexer::lex_backquoted(ast::Word& out, bool in_double_quotes) {
    std::size_t open = reader_.pos;
    ++reader_.pos;
    enter(open);
    // XCU 2.6.3: inside backquotes a backslash keeps its meaning except before $ ` \ (and,
    // within double quotes, "); the text left is then parsed as a program.
    std::string text;
    for (;;) {
        int c = reader_.peek();
        if (c == kEndOfInput) fail(kUnterminated, open);
        ++reader_.pos;
        if (c == '`') break;
        if (c == '\\') {
            int escaped = reader_.at(reader_.pos);
            if (escaped == '$' || escaped == '`' || escaped == '\\' ||
                (in_double_quotes && escaped == '"')) {
                text.push_back(static_cast<char>(escaped));
                ++reader_.pos;
                continue;
            }
        }
        text.push_back(static_cast<char>(c));
    }
    ast::WordPart part;
    part.kind = Kind::CommandSubst;
    part.backquote = true;
    part.set_command(parser_.parse_backquoted(std::move(text), reader_.where(open).line));
    leave();
    out.push_back(std::move(part));
}

void Lexer::lex_dollar_paren(ast::Word& out) {
    enter(reader_.pos);
    ast::WordPart part;
    part.kind = Kind::CommandSubst;
    part.set_command(parser_.parse_dollar_paren());
    leave();
    out.push_back(std::move(part));
}

bool Lexer::lex_arithmetic(ast::Word& out) {
    std::size_t open = reader_.pos;
    enter(open);
    ast::WordPart part;
    part.kind = Kind::Arith;
    int depth = 0;
    for (;;) {
        int c = reader_.peek();
        switch (c) {
            case kEndOfInput:
                fail("syntax error: missing \"))\"", open);
            case '(':
                ++depth;
                append_text(part.mutable_parts(), Kind::Literal, "(");
                ++reader_.pos;
                break;
            case ')':
                ++reader_.pos;
                if (depth > 0) {
                    --depth;
                    append_text(part.mutable_parts(), Kind::Literal, ")");
                    break;
                }
                if (reader_.peek() != ')') {
                    leave();
                    return false;
                }
                ++reader_.pos;
                leave();
                out.push_back(std::move(part));
                return true;
            case '\\': {
                int escaped = reader_.at(++reader_.pos);
                if (contains("$`\"\\", escaped)) {
                    append_char(part.mutable_parts(), Kind::Literal, escaped);
                    ++reader_.pos;
                } else {
                    append_text(part.mutable_parts(), Kind::Literal, "\\");
                }
                break;
            }
            case '$':
                lex_dollar(part.mutable_parts(), true);
                break;
            case '`':
                lex_backquoted(part.mutable_parts(), true);
                break;
            case '"':
                lex_double_quoted(part.mutable_parts(), DoubleQuoteContext::Plain);
                break;
            default:
                append_run(reader_, part.mutable_parts(), Kind::Literal, kArithStops);
                break;
        }
    }
}

void Lexer::lex_here_doc_body(ast::Word& out) {
    // An unquoted here-document body reads like double-quoted text in which '"' is plain
    // (XCU 2.7.4).
    for (;;) {
        int c = reader_.peek();
        switch (c) {
            case kEndOfInput:
                return;
            case '\\': {
                int escaped = reader_.at(++reader_.pos);
                if (contains("$`\\", escaped)) {
                    append_char(out, Kind::Literal, escaped);
                    ++reader_.pos;
                } else {
                    append_text(out, Kind::Literal, "\\");
                }
                break;
            }
            case '$':
                lex_dollar(out, true);
                break;
            case '`':
                // XCU 2.7.4: '"' is plain in the body except within $(), `` and ${}, so inside
                // backquotes \" loses its backslash as it would within double quotes.
                lex_backquoted(out, true);
                break;
            default:
                append_run(reader_, out, Kind::Literal, kHereDocStops);
                break;
        }
    }
}

}  // namespace vsh::lex
