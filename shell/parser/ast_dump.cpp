#include "shell/parser/ast_dump.hpp"

#include <variant>

#include "shell/ast/format.hpp"

namespace vsh {

namespace {

using Kind = ast::WordPart::Kind;

void dump_parts(const ast::Word& word, std::string& out);
void dump(const ast::Command& command, std::string& out);

void dump_list(const ast::List& list, std::string& out) {
    out += "(list";
    for (const ast::ListItem& item : list.items) {
        out += ' ';
        dump(*item.command, out);
        if (item.async == ast::Async::Yes) out += " &";
    }
    out += ')';
}

void dump_parts(const ast::Word& word, std::string& out) {
    for (const ast::WordPart& part : word) {
        switch (part.kind) {
            case Kind::Literal:
                out += part.text;
                break;
            case Kind::Quoted:
                out += '\'';
                out += part.text;
                out += '\'';
                break;
            case Kind::DoubleQuoted:
                out += '"';
                dump_parts(part.parts(), out);
                out += '"';
                break;
            case Kind::Param:
                out += "${";
                if (part.op == ast::ParamOp::Length) out += '#';
                out += part.text;
                out += part.op == ast::ParamOp::Invalid
                           ? "!bad!"
                           : ast::parameter_operator(part.op, part.colon);
                dump_parts(part.parts(), out);
                out += '}';
                break;
            case Kind::CommandSubst:
                out += part.backquote ? "`" : "$(";
                if (part.command() != nullptr) dump(*part.command(), out);
                out += part.backquote ? "`" : ")";
                break;
            case Kind::Arith:
                out += "$((";
                dump_parts(part.parts(), out);
                out += "))";
                break;
            case Kind::Tilde:
                out += "{~";
                out += part.text;
                out += '}';
                break;
        }
    }
}

void dump_words(const std::vector<ast::Word>& words, std::string& out) {
    for (const ast::Word& word : words) {
        out += ' ';
        dump_parts(word, out);
    }
}

void dump(const ast::Command& command, std::string& out) {
    std::visit(
        [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, ast::SimpleCommand>) {
                out += "(cmd";
                for (const ast::Assignment& a : node.assignments) {
                    out += ' ';
                    out += a.name;
                    out += '=';
                    dump_parts(a.value, out);
                }
                dump_words(node.words, out);
            } else if constexpr (std::is_same_v<T, ast::Pipeline>) {
                out += node.negated ? "(pipe !" : "(pipe";
                for (const auto& c : node.commands) {
                    out += ' ';
                    dump(*c, out);
                }
            } else if constexpr (std::is_same_v<T, ast::AndOrList>) {
                out += "(and-or ";
                for (std::size_t i = 0; i < node.items.size(); ++i) {
                    if (i > 0) out += node.ops[i - 1] == ast::AndOrOp::And ? " && " : " || ";
                    dump(*node.items[i], out);
                }
            } else if constexpr (std::is_same_v<T, ast::List>) {
                dump_list(node, out);
                // Redirections cannot follow a bare list.
                return;
            } else if constexpr (std::is_same_v<T, ast::BraceGroup>) {
                out += "(brace ";
                dump_list(node.body, out);
            } else if constexpr (std::is_same_v<T, ast::Subshell>) {
                out += "(subshell ";
                dump_list(node.body, out);
            } else if constexpr (std::is_same_v<T, ast::If>) {
                out += "(if";
                bool first = true;
                for (const ast::IfBranch& b : node.branches) {
                    out += first ? " " : " elif ";
                    first = false;
                    dump_list(b.condition, out);
                    out += " then ";
                    dump_list(b.body, out);
                }
                if (node.else_body) {
                    out += " else ";
                    dump_list(*node.else_body, out);
                }
            } else if constexpr (std::is_same_v<T, ast::Loop>) {
                out += node.kind == ast::LoopKind::While ? "(while " : "(until ";
                dump_list(node.condition, out);
                out += " do ";
                dump_list(node.body, out);
            } else if constexpr (std::is_same_v<T, std::unique_ptr<ast::For>>) {
                out += "(for ";
                out += node->name;
                if (node->has_in) {
                    out += " in";
                    dump_words(node->words, out);
                }
                out += " do ";
                dump_list(node->body, out);
            } else if constexpr (std::is_same_v<T, ast::Case>) {
                out += "(case ";
                dump_parts(node.subject, out);
                for (const ast::CaseItem& item : node.items) {
                    out += " (";
                    for (std::size_t i = 0; i < item.patterns.size(); ++i) {
                        if (i > 0) out += '|';
                        dump_parts(item.patterns[i], out);
                    }
                    out += ' ';
                    dump_list(item.body, out);
                    out += item.terminator == ast::CaseTerminator::Break ? " ;;)" : " ;&)";
                }
            } else if constexpr (std::is_same_v<T, ast::FunctionDef>) {
                out += "(function ";
                out += node.name;
                out += ' ';
                dump(*node.body, out);
            } else if constexpr (std::is_same_v<T, ast::Timed>) {
                out += node.posix_format ? "(time -p" : "(time";
                if (node.pipeline) {
                    out += ' ';
                    dump(*node.pipeline, out);
                }
            }
            for (const ast::Redirection& r : command.redirections) {
                out += ' ';
                out += std::to_string(r.fd);
                out += ast::redirection_operator(r.op);
                if (r.op == ast::RedirOp::HereDoc) {
                    out += r.strip_tabs ? "-[" : "[";
                    dump_parts(r.target, out);
                    out += ']';
                } else {
                    dump_parts(r.target, out);
                }
            }
            out += ')';
        },
        command.node);
}

}  // namespace

std::string dump_word(const ast::Word& word) {
    std::string out;
    dump_parts(word, out);
    return out;
}

std::string dump_command(const ast::Command& command) {
    std::string out;
    dump(command, out);
    return out;
}

}  // namespace vsh
