#include "shell/ast/format.hpp"

#include <cstdint>
#include <string_view>
#include <type_traits>
#include <variant>

#include "shell/base/quote.hpp"

namespace vsh::ast {

namespace {

using Kind = WordPart::Kind;

// Where a word part stands, which decides what must be escaped to read back the same (the
// lexer's contexts, shell/lexer/words.cpp).
enum class Context : std::uint8_t {
    Unquoted,             // A plain word, or a ${...} operand outside double quotes.
    DoubleQuoted,         // "...": a backslash quotes $ ` " \ only.
    DoubleQuotedOperand,  // A ${...} operand within double quotes: } as well.
    Arithmetic,           // $((...)): read like double-quoted text.
};

bool is_name_char(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_control(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t') || u == 0x7f;
}

// The fd an operator applies to when no IO number is written (XCU 2.7).
int default_fd(RedirOp op) {
    switch (op) {
        case RedirOp::Input:
        case RedirOp::ReadWrite:
        case RedirOp::DupInput:
        case RedirOp::HereDoc:
            return 0;
        case RedirOp::Output:
        case RedirOp::Clobber:
        case RedirOp::Append:
        case RedirOp::DupOutput:
            return 1;
    }
    return 1;
}

bool is_pattern_operator(ParamOp op) {
    return op == ParamOp::RemoveSmallestSuffix || op == ParamOp::RemoveLargestSuffix ||
           op == ParamOp::RemoveSmallestPrefix || op == ParamOp::RemoveLargestPrefix;
}

// Text that quote removal freed of its quotes, quoted again: one character with a backslash,
// more in single quotes, anything holding a control character (a newline from $'\n') in
// $'...' so that the result stays on one line.
void append_quoted(std::string& out, std::string_view text) {
    bool control = false;
    for (char c : text) control = control || is_control(c);
    if (control) {
        out += "$'";
        for (char c : text) {
            switch (c) {
                case '\n':
                    out += "\\n";
                    break;
                case '\t':
                    out += "\\t";
                    break;
                case '\r':
                    out += "\\r";
                    break;
                case '\\':
                    out += "\\\\";
                    break;
                case '\'':
                    out += "\\'";
                    break;
                default:
                    if (is_control(c)) {
                        const auto u = static_cast<unsigned char>(c);
                        out += '\\';
                        out += static_cast<char>('0' + (u >> 6));
                        out += static_cast<char>('0' + ((u >> 3) & 7));
                        out += static_cast<char>('0' + (u & 7));
                    } else {
                        out += c;
                    }
                    break;
            }
        }
        out += '\'';
        return;
    }
    if (text.size() == 1) {
        out += '\\';
        out += text[0];
        return;
    }
    out += single_quote(text);
}

class Formatter {
  public:
    std::string out;

    void command(const Command& command);
    void pipeline(const Pipeline& pipeline);
    void word(const Word& word, Context context = Context::Unquoted);

  private:
    // Inside $((...)), where $'...' is not special: a newline even in double quotes there is
    // written as a space (as one outside them is).
    int arithmetic_ = 0;
    void list_items(const List& list);
    void terminated(const List& list);
    void redirections(const std::vector<Redirection>& redirections, bool after_text);
    void literal(std::string_view text, Context context);
    void parameter(const WordPart& part, const WordPart* next, Context context);
    void substitution(const WordPart& part);
};

// Unquoted text is written as it is. Inside double quotes (or $((...))) the characters a
// backslash quotes there get one; a lone backslash stays bare unless what follows it would
// then be quoted by it. A newline in double quotes leaves the quotes for $'\n', to keep the
// text on one line.
void Formatter::literal(std::string_view text, Context context) {
    if (context == Context::Unquoted) {
        out += text;
        return;
    }
    const std::string_view special =
        context == Context::DoubleQuotedOperand ? "$`\"\\}" : std::string_view("$`\"\\");
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\') {
            const bool last = i + 1 == text.size();
            if (last || special.find(text[i + 1]) != std::string_view::npos || text[i + 1] == '\n')
                out += '\\';
            out += c;
        } else if (c == '\n' && context == Context::DoubleQuoted && arithmetic_ > 0) {
            out += ' ';
        } else if (c == '\n' && context == Context::DoubleQuoted) {
            out += "\"$'\\n'\"";
        } else if (c == '\n' && context == Context::Arithmetic) {
            out += ' ';
        } else {
            if (special.find(c) != std::string_view::npos) out += '\\';
            out += c;
        }
    }
}

// $name when nothing after it could be read as part of the name, ${...} otherwise.
void Formatter::parameter(const WordPart& part, const WordPart* next, Context context) {
    if (part.op == ParamOp::Invalid) {
        out += part.text;  // The source text of the bad substitution.
        return;
    }
    if (part.op == ParamOp::Plain) {
        // $10 is $1 then 0; a special parameter ($@, $#) never takes in what follows.
        const bool digits = !part.text.empty() && part.text[0] >= '0' && part.text[0] <= '9';
        const bool name = !digits && !part.text.empty() && is_name_char(part.text[0]);
        const bool joins_next = name && next != nullptr && next->kind == Kind::Literal &&
                                !next->text.empty() && is_name_char(next->text[0]);
        if (!(digits && part.text.size() > 1) && !joins_next) {
            out += '$';
            out += part.text;
            return;
        }
    }
    out += "${";
    if (part.op == ParamOp::Length) out += '#';
    out += part.text;
    out += parameter_operator(part.op, part.colon);
    // An operand is read as double-quoted text inside double quotes, except a pattern's
    // (XCU 2.6.2).
    const bool quoted = context != Context::Unquoted && !is_pattern_operator(part.op);
    word(part.parts(), quoted ? Context::DoubleQuotedOperand : Context::Unquoted);
    out += '}';
}

void Formatter::substitution(const WordPart& part) {
    Formatter body;
    if (part.command() != nullptr) body.command(*part.command());
    if (part.backquote) {
        // Inside backquotes a backslash quotes ` and \ (XCU 2.6.3).
        out += '`';
        for (char c : body.out) {
            if (c == '\\' || c == '`') out += '\\';
            out += c;
        }
        out += '`';
        return;
    }
    // `$((` would start an arithmetic expansion.
    out += body.out.starts_with('(') ? "$( " : "$(";
    out += body.out;
    out += ')';
}

void Formatter::word(const Word& word, Context context) {
    for (std::size_t i = 0; i < word.size(); ++i) {
        const WordPart& part = word[i];
        const WordPart* next = i + 1 < word.size() ? &word[i + 1] : nullptr;
        switch (part.kind) {
            case Kind::Literal:
                literal(part.text, context);
                break;
            case Kind::Quoted:
                if (context != Context::Unquoted) {
                    literal(part.text, context);
                } else if (!out.empty() && out.back() == '$' && i > 0 &&
                           word[i - 1].kind == Kind::Literal && !part.text.empty()) {
                    // After a bare `$`, a quote would make $'...' or $"...".
                    append_quoted(out, std::string_view(part.text).substr(0, 1));
                    if (part.text.size() > 1)
                        append_quoted(out, std::string_view(part.text).substr(1));
                } else {
                    append_quoted(out, part.text);
                }
                break;
            case Kind::DoubleQuoted:
                out += '"';
                this->word(part.parts(), context == Context::Unquoted ||
                                                 context == Context::DoubleQuoted ||
                                                 context == Context::Arithmetic
                                             ? Context::DoubleQuoted
                                             : Context::DoubleQuotedOperand);
                out += '"';
                break;
            case Kind::Param:
                parameter(part, next, context);
                break;
            case Kind::CommandSubst:
                substitution(part);
                break;
            case Kind::Arith:
                out += "$((";
                ++arithmetic_;
                this->word(part.parts(), Context::Arithmetic);
                --arithmetic_;
                out += "))";
                break;
            case Kind::Tilde:
                out += '~';
                out += part.text;
                break;
        }
    }
}

// After the command's own text, if it has any (`>out` alone is a command too).
void Formatter::redirections(const std::vector<Redirection>& redirections, bool after_text) {
    for (const Redirection& r : redirections) {
        if (after_text) out += ' ';
        after_text = true;
        if (r.fd != default_fd(r.op)) out += std::to_string(r.fd);
        out += redirection_operator(r.op);
        if (r.op == RedirOp::HereDoc) {
            // The delimiter stands for the body, which would take lines of its own.
            if (r.strip_tabs) {
                out += '-';
            } else if (!r.here_doc_delimiter.empty() && r.here_doc_delimiter[0] == '-') {
                out += ' ';  // `<< -x` is not `<<-x`: a delimiter starting with '-' is spaced.
            }
            // A line continuation in it (`<<E\<newline>OF`) is gone, as it is for the lexer.
            const std::string_view delimiter = r.here_doc_delimiter;
            for (std::size_t i = 0; i < delimiter.size(); ++i) {
                if (delimiter[i] == '\\' && i + 1 < delimiter.size() && delimiter[i + 1] == '\n')
                    ++i;
                else
                    out += delimiter[i];
            }
        } else {
            word(r.target);
        }
    }
}

// The items of a list, each but the last followed by its `;` or `&`, the last by `&` only.
void Formatter::list_items(const List& list) {
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        if (i > 0) out += ' ';
        command(*list.items[i].command);
        if (list.items[i].async == Async::Yes)
            out += " &";
        else if (i + 1 < list.items.size())
            out += ';';
    }
}

// A list where a reserved word follows: the last item ends with `;` too (`{ a; }`).
void Formatter::terminated(const List& list) {
    list_items(list);
    if (!list.items.empty() && list.items.back().async == Async::No) out += ';';
}

void Formatter::pipeline(const Pipeline& pipeline) {
    if (pipeline.negated) out += "! ";
    for (std::size_t i = 0; i < pipeline.commands.size(); ++i) {
        if (i > 0) out += " | ";
        command(*pipeline.commands[i]);
    }
}

// A command whose name is spelt like a reserved word was written after a redirection
// (`>o do`): written first, the word would be read back as the reserved word.
bool name_is_reserved_word(const Command& command) {
    static constexpr std::string_view kReserved[] = {
        "!",  "{",   "}",  "case", "do",   "done",  "elif",  "else", "esac",
        "fi", "for", "if", "in",   "then", "until", "while", "time"};
    const auto* simple = std::get_if<SimpleCommand>(&command.node);
    if (simple == nullptr || !simple->assignments.empty() || simple->words.empty() ||
        command.redirections.empty())
        return false;
    const Word& name = simple->words.front();
    if (name.size() != 1 || name[0].kind != WordPart::Kind::Literal) return false;
    for (std::string_view reserved : kReserved)
        if (name[0].text == reserved) return true;
    return false;
}

void Formatter::command(const Command& command) {
    const std::size_t start = out.size();
    const bool redirections_first = name_is_reserved_word(command);
    if (redirections_first) {
        redirections(command.redirections, false);
        out += ' ';
    }
    std::visit(
        [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, SimpleCommand>) {
                bool first = true;
                for (const Assignment& a : node.assignments) {
                    if (!first) out += ' ';
                    first = false;
                    out += a.name;
                    out += '=';
                    word(a.value);
                }
                for (const Word& w : node.words) {
                    if (!first) out += ' ';
                    first = false;
                    word(w);
                }
            } else if constexpr (std::is_same_v<T, Pipeline>) {
                pipeline(node);
            } else if constexpr (std::is_same_v<T, AndOrList>) {
                for (std::size_t i = 0; i < node.items.size(); ++i) {
                    if (i > 0) out += node.ops[i - 1] == AndOrOp::And ? " && " : " || ";
                    this->command(*node.items[i]);
                }
            } else if constexpr (std::is_same_v<T, List>) {
                list_items(node);
            } else if constexpr (std::is_same_v<T, BraceGroup>) {
                out += "{ ";
                terminated(node.body);
                out += " }";
            } else if constexpr (std::is_same_v<T, Subshell>) {
                // As dash shows it: `(a; b)`. A space keeps `( (a) )` from reading as `((`.
                Formatter body;
                body.list_items(node.body);
                out += body.out.starts_with('(') ? "( " : "(";
                out += body.out;
                out += ')';
            } else if constexpr (std::is_same_v<T, If>) {
                for (std::size_t i = 0; i < node.branches.size(); ++i) {
                    out += i == 0 ? "if " : " elif ";
                    terminated(node.branches[i].condition);
                    out += " then ";
                    terminated(node.branches[i].body);
                }
                if (node.else_body) {
                    out += " else ";
                    terminated(*node.else_body);
                }
                out += " fi";
            } else if constexpr (std::is_same_v<T, Loop>) {
                out += node.kind == LoopKind::While ? "while " : "until ";
                terminated(node.condition);
                out += " do ";
                terminated(node.body);
                out += " done";
            } else if constexpr (std::is_same_v<T, std::unique_ptr<For>>) {
                out += "for ";
                out += node->name;
                if (node->has_in) {
                    out += " in";
                    for (const Word& w : node->words) {
                        out += ' ';
                        word(w);
                    }
                }
                out += "; do ";
                terminated(node->body);
                out += " done";
            } else if constexpr (std::is_same_v<T, Case>) {
                out += "case ";
                word(node.subject);
                out += " in";
                for (const CaseItem& item : node.items) {
                    out += ' ';
                    for (std::size_t i = 0; i < item.patterns.size(); ++i) {
                        if (i > 0) out += '|';
                        word(item.patterns[i]);
                    }
                    out += ')';
                    if (!item.body.items.empty()) {
                        out += ' ';
                        list_items(item.body);
                        if (item.body.items.back().async == Async::Yes) out += ' ';
                    } else {
                        out += ' ';
                    }
                    out += item.terminator == CaseTerminator::Break ? ";;" : ";&";
                }
                out += " esac";
            } else if constexpr (std::is_same_v<T, FunctionDef>) {
                out += node.name;
                out += "() ";
                if (node.body) this->command(*node.body);
            } else if constexpr (std::is_same_v<T, Timed>) {
                out += node.posix_format ? "time -p" : "time";
                if (node.pipeline) {
                    out += ' ';
                    this->command(*node.pipeline);
                }
            }
        },
        command.node);
    if (!redirections_first) redirections(command.redirections, out.size() > start);
}

}  // namespace

const char* redirection_operator(RedirOp op) {
    switch (op) {
        case RedirOp::Input:
            return "<";
        case RedirOp::Output:
            return ">";
        case RedirOp::Clobber:
            return ">|";
        case RedirOp::Append:
            return ">>";
        case RedirOp::ReadWrite:
            return "<>";
        case RedirOp::DupInput:
            return "<&";
        case RedirOp::DupOutput:
            return ">&";
        case RedirOp::HereDoc:
            return "<<";
    }
    return "?";
}

const char* parameter_operator(ParamOp op, bool colon) {
    switch (op) {
        case ParamOp::Plain:
        case ParamOp::Length:
        case ParamOp::Invalid:
            return "";
        case ParamOp::Default:
            return colon ? ":-" : "-";
        case ParamOp::Assign:
            return colon ? ":=" : "=";
        case ParamOp::Error:
            return colon ? ":?" : "?";
        case ParamOp::Alternative:
            return colon ? ":+" : "+";
        case ParamOp::RemoveSmallestSuffix:
            return "%";
        case ParamOp::RemoveLargestSuffix:
            return "%%";
        case ParamOp::RemoveSmallestPrefix:
            return "#";
        case ParamOp::RemoveLargestPrefix:
            return "##";
    }
    return "";
}

std::string format_command(const Command& command) {
    Formatter formatter;
    formatter.command(command);
    return std::move(formatter.out);
}

std::string format_pipeline(const Pipeline& pipeline) {
    Formatter formatter;
    formatter.pipeline(pipeline);
    return std::move(formatter.out);
}

std::string format_word(const Word& word) {
    Formatter formatter;
    formatter.word(word);
    return std::move(formatter.out);
}

}  // namespace vsh::ast
