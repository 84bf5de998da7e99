#include "shell/interactive/completion_quote.hpp"

namespace vsh::interactive {
namespace {

// The characters that mean something to the shell when unquoted, and so take a backslash in an
// unquoted completion. `~` is special only at the start of a word (checked apart).
constexpr std::string_view kUnquotedSpecials = " \t'\"$`\\&|;<>()*?[#=%!{}";

bool ends_word(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' ||
           c == '>' || c == '(' || c == ')' || c == '`';
}

// One step of the shell's quote-removal state machine, shared by read_partial_word and
// is_quoted_at so that the two can never disagree about where quotes open and close.
struct QuoteScanner {
    QuoteContext quote = QuoteContext::None;
    bool escaped = false;  // The previous byte was a backslash that quotes this one.

    // What the byte at the current position is.
    enum class Role : unsigned char { Literal, QuotedLiteral, Syntax, WordBreak };

    Role step(char c) {
        if (escaped) {
            escaped = false;
            return Role::QuotedLiteral;
        }
        switch (quote) {
            case QuoteContext::Single:
                if (c == '\'') {
                    quote = QuoteContext::None;
                    return Role::Syntax;
                }
                return Role::QuotedLiteral;
            case QuoteContext::Double:
                if (c == '"') {
                    quote = QuoteContext::None;
                    return Role::Syntax;
                }
                return Role::QuotedLiteral;
            case QuoteContext::None:
                break;
        }
        if (c == '\\') {
            escaped = true;
            return Role::Syntax;
        }
        if (c == '\'') {
            quote = QuoteContext::Single;
            return Role::Syntax;
        }
        if (c == '"') {
            quote = QuoteContext::Double;
            return Role::Syntax;
        }
        return ends_word(c) ? Role::WordBreak : Role::Literal;
    }
};

// In double quotes a backslash quotes only these; before anything else it stays itself.
bool escapable_in_double_quotes(char c) {
    return c == '$' || c == '`' || c == '"' || c == '\\' || c == '\n';
}

}  // namespace

std::string quote_for_completion(std::string_view name, QuoteContext context, WordStart start) {
    std::string out;
    out.reserve(name.size() + 8);
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        switch (context) {
            case QuoteContext::Single:
                if (c == '\'') {
                    out += "'\\''";
                } else {
                    out += c;
                }
                break;
            case QuoteContext::Double:
                // History expansion reaches into double quotes (as in bash), and a backslash
                // there would stay in the word: the quote is closed around a quoted '!'.
                if (c == '!') {
                    out += "\"'!'\"";
                    break;
                }
                if (c == '$' || c == '`' || c == '"' || c == '\\') out += '\\';
                out += c;
                break;
            case QuoteContext::None:
                if (c == '\n') {
                    out += "'\n'";
                } else {
                    const bool leading_tilde = c == '~' && i == 0 && start == WordStart::Yes;
                    if (leading_tilde || kUnquotedSpecials.find(c) != std::string_view::npos)
                        out += '\\';
                    out += c;
                }
                break;
        }
    }
    return out;
}

std::string_view closing_quote(QuoteContext context) {
    switch (context) {
        case QuoteContext::Double:
            return "\"";
        case QuoteContext::Single:
            return "'";
        case QuoteContext::None:
            break;
    }
    return "";
}

PartialWord read_partial_word(std::string_view text) {
    PartialWord word;
    QuoteScanner scanner;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool in_double = scanner.quote == QuoteContext::Double && !scanner.escaped;
        switch (scanner.step(c)) {
            case QuoteScanner::Role::WordBreak:
                word.start = i + 1;
                word.value.clear();
                break;
            case QuoteScanner::Role::Syntax:
                break;
            case QuoteScanner::Role::QuotedLiteral:
                // Inside double quotes a backslash is kept unless it quotes one of $ ` " \.
                if (in_double && c == '\\') {
                    if (i + 1 < text.size() && escapable_in_double_quotes(text[i + 1])) {
                        word.value += text[++i];
                    } else if (i + 1 == text.size()) {
                        // A trailing backslash quotes what comes next: nothing yet.
                    } else {
                        word.value += c;
                    }
                    break;
                }
                word.value += c;
                break;
            case QuoteScanner::Role::Literal:
                word.value += c;
                break;
        }
    }
    word.open_quote = scanner.quote;
    return word;
}

bool is_quoted_at(std::string_view line, std::size_t index) {
    QuoteScanner scanner;
    for (std::size_t i = 0; i < line.size() && i <= index; ++i) {
        const bool in_double = scanner.quote == QuoteContext::Double && !scanner.escaped;
        const QuoteScanner::Role role = scanner.step(line[i]);
        if (i == index) return role == QuoteScanner::Role::QuotedLiteral;
        // A backslash in double quotes that quotes the next byte: skip that byte as quoted.
        if (in_double && line[i] == '\\' && i + 1 < line.size() &&
            escapable_in_double_quotes(line[i + 1])) {
            if (i + 1 == index) return true;
            ++i;
        }
    }
    return false;
}

}  // namespace vsh::interactive
