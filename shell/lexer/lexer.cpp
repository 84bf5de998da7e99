// Token boundaries and operators (XCU 2.3), alias bookkeeping, and the nesting guard.
#include "shell/lexer/lexer.hpp"

#include <algorithm>

#include "shell/base/stack_guard.hpp"

namespace vsh::lex {

namespace {

bool is_digits(const ast::Word& word) {
    if (word.size() != 1 || word[0].kind != ast::WordPart::Kind::Literal) return false;
    const std::string& text = word[0].text;
    if (text.empty() || text.size() > 9) return false;
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

void append_text(ast::Word& word, ast::WordPart::Kind kind, std::string_view text) {
    if (word.empty() || word.back().kind != kind) {
        ast::WordPart part;
        part.kind = kind;
        word.push_back(std::move(part));
    }
    word.back().text.append(text);
}

std::string describe_operator(TokenKind kind) {
    switch (kind) {
        case TokenKind::Word:
        case TokenKind::IoNumber:
            return "word";
        case TokenKind::Newline:
            return "newline";
        case TokenKind::End:
            return "end of file";
        case TokenKind::AndIf:
            return "\"&&\"";
        case TokenKind::OrIf:
            return "\"||\"";
        case TokenKind::DoubleSemi:
            return "\";;\"";
        case TokenKind::SemiAnd:
            return "\";&\"";
        case TokenKind::DoubleLess:
            return "\"<<\"";
        case TokenKind::DoubleLessDash:
            return "\"<<-\"";
        case TokenKind::DoubleGreat:
            return "\">>\"";
        case TokenKind::LessAnd:
            return "\"<&\"";
        case TokenKind::GreatAnd:
            return "\">&\"";
        case TokenKind::LessGreat:
            return "\"<>\"";
        case TokenKind::Clobber:
            return "\">|\"";
        case TokenKind::LeftParen:
            return "\"(\"";
        case TokenKind::RightParen:
            return "\")\"";
        case TokenKind::Pipe:
            return "\"|\"";
        case TokenKind::Ampersand:
            return "\"&\"";
        case TokenKind::Semicolon:
            return "\";\"";
        case TokenKind::Less:
            return "\"<\"";
        case TokenKind::Great:
            return "\">\"";
    }
    return "token";
}

void Lexer::next(Token& token) {
    token.word.clear();
    token.io_number = 0;
    int c;
    for (;;) {
        c = reader_.peek();
        if (c == ' ' || c == '\t') {
            ++reader_.pos;
        } else if (c == '#') {
            // A comment runs to the newline; a backslash in it continues nothing.
            reader_.pos = reader_.line_end(reader_.pos);
        } else {
            break;
        }
    }
    if (!aliases_.empty()) {
        std::size_t pos = reader_.pos;
        std::erase_if(aliases_, [pos](const ActiveAlias& a) { return a.end <= pos; });
    }
    std::size_t begin = reader_.pos;
    token.begin_offset = begin;
    token.begin = reader_.where(begin);
    auto single = [&](TokenKind kind) {
        ++reader_.pos;
        token.kind = kind;
    };
    // Consumes the operator's first character, then one more if it is `second`.
    auto pair = [&](char second, TokenKind two, TokenKind one) {
        ++reader_.pos;
        if (reader_.peek() == second) {
            ++reader_.pos;
            token.kind = two;
            return true;
        }
        token.kind = one;
        return false;
    };
    switch (c) {
        case kEndOfInput:
            token.kind = TokenKind::End;
            pending_.clear();  // Here-documents cut off by end of input are empty.
            break;
        case '\n':
            single(TokenKind::Newline);
            token.end_offset = reader_.pos;
            token.end = reader_.where(reader_.pos);
            if (!pending_.empty()) read_here_docs();
            return;
        case '&':
            pair('&', TokenKind::AndIf, TokenKind::Ampersand);
            break;
        case '|':
            pair('|', TokenKind::OrIf, TokenKind::Pipe);
            break;
        case ';':
            if (!pair(';', TokenKind::DoubleSemi, TokenKind::Semicolon) && reader_.peek() == '&') {
                ++reader_.pos;
                token.kind = TokenKind::SemiAnd;
            }
            break;
        case '(':
            single(TokenKind::LeftParen);
            break;
        case ')':
            single(TokenKind::RightParen);
            break;
        case '<': {
            ++reader_.pos;
            int next = reader_.peek();
            token.kind = TokenKind::Less;
            if (next == '<') {
                ++reader_.pos;
                token.kind = TokenKind::DoubleLess;
                if (reader_.peek() == '-') {
                    ++reader_.pos;
                    token.kind = TokenKind::DoubleLessDash;
                }
            } else if (next == '&') {
                ++reader_.pos;
                token.kind = TokenKind::LessAnd;
            } else if (next == '>') {
                ++reader_.pos;
                token.kind = TokenKind::LessGreat;
            }
            break;
        }
        case '>': {
            ++reader_.pos;
            int next = reader_.peek();
            token.kind = TokenKind::Great;
            if (next == '>') {
                ++reader_.pos;
                token.kind = TokenKind::DoubleGreat;
            } else if (next == '&') {
                ++reader_.pos;
                token.kind = TokenKind::GreatAnd;
            } else if (next == '|') {
                ++reader_.pos;
                token.kind = TokenKind::Clobber;
            }
            break;
        }
        default: {
            token.kind = TokenKind::Word;
            lex_word(token.word);
            if (is_digits(token.word)) {
                int after = reader_.peek();
                if (after == '<' || after == '>') {
                    token.kind = TokenKind::IoNumber;
                    token.io_number = std::stoi(token.word[0].text);
                }
            }
            break;
        }
    }
    token.end_offset = reader_.pos;
    token.end = reader_.where(reader_.pos);
}

bool Lexer::alias_active(std::string_view name, std::size_t offset) const {
    return std::any_of(aliases_.begin(), aliases_.end(), [&](const ActiveAlias& a) {
        return a.name == name && a.begin <= offset && offset < a.end;
    });
}

void Lexer::substitute_alias(const Token& word, std::string_view name, std::string_view value) {
    std::size_t begin = word.begin_offset;
    std::size_t end = word.end_offset;
    reader_.splice(begin, end, value);
    std::ptrdiff_t delta =
        static_cast<std::ptrdiff_t>(value.size()) - static_cast<std::ptrdiff_t>(end - begin);
    for (ActiveAlias& a : aliases_) {
        if (a.end >= end)
            a.end = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(a.end) + delta);
    }
    // The alias stays active up to the end of its text; an empty value still guards the
    // position it replaced, so `alias a=''` cannot loop.
    aliases_.push_back(
        ActiveAlias{std::string(name), begin, begin + std::max<std::size_t>(value.size(), 1)});
    reader_.pos = begin;
}

void Lexer::enter(std::size_t offset) {
    // The fixed limit bounds every later walk of the tree; the stack guard follows `ulimit -s`.
    if (++nesting_ > kMaxNesting || stack_nearly_full()) {
        --nesting_;
        fail("syntax error: nesting too deep", offset);
    }
}

void Lexer::fail(std::string message, std::size_t offset) const {
    throw SyntaxError{std::move(message), reader_.where(offset).line};
}

std::string here_doc_delimiter(std::string_view raw, bool* quoted) {
    std::string out;
    out.reserve(raw.size());
    *quoted = false;
    char quote = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (quote == '\'') {
            if (c == '\'') {
                quote = 0;
            } else {
                out.push_back(c);
            }
        } else if (c == '\\' && i + 1 < raw.size()) {
            ++i;
            if (raw[i] == '\n') continue;  // Line continuation, not quoting.
            *quoted = true;
            // Inside double quotes a backslash escapes only $ ` " \ (XCU 2.2.3); before any
            // other character it stays: <<"\x" ends at a line `\x`.
            if (quote == '"' && std::string_view("$`\"\\").find(raw[i]) == std::string_view::npos)
                out.push_back('\\');
            out.push_back(raw[i]);
        } else if (c == '\'' && quote == 0) {
            quote = '\'';
            *quoted = true;
        } else if (c == '"') {
            quote = quote == '"' ? 0 : '"';
            *quoted = true;
        } else if (c == '$' && quote == 0 && i + 1 < raw.size() && raw[i + 1] == '\'') {
            // $'...' quotes too. Quote removal leaves what its escapes stand for (XCU 2.2.4),
            // so <<$'a\tb' ends at a line holding a, a tab and b, as in bash, ksh93 and mksh.
            *quoted = true;
            std::size_t close = i + 2;
            while (close < raw.size() && raw[close] != '\'') {
                if (raw[close] == '\\' && close + 1 < raw.size()) ++close;
                ++close;
            }
            out += decode_dollar_single(raw.substr(i + 2, close - (i + 2)));
            i = close;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

}  // namespace vsh::lex
