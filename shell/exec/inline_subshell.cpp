#include "shell/exec/inline_subshell.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "shell/ast/ast.hpp"
#include "shell/base/source.hpp"
#include "shell/core/builtin.hpp"
#include "shell/core/shell.hpp"
#include "shell/parser/parser.hpp"
#include "shell/traps/traps.hpp"

namespace vsh {

namespace {

// The text of a word that is one unquoted literal with no pattern character, or null.
const std::string* plain_literal(const ast::Word& word) {
    if (word.size() != 1 || word[0].kind != ast::WordPart::Kind::Literal) return nullptr;
    const std::string& text = word[0].text;
    // `[` alone is the test builtin: an unclosed bracket matches itself.
    if (text != "[" && text.find_first_of("*?[") != std::string::npos) return nullptr;
    return &text;
}

// The text of a word with no expansion in it (unquoted literal text with no pattern
// character, quoted text), appended to `out`; false for any other word.
bool append_known_text(const std::vector<ast::WordPart>& word, bool quoted, std::string& out) {
    for (const ast::WordPart& p : word) {
        switch (p.kind) {
            case ast::WordPart::Kind::Literal:
                if (!quoted && p.text.find_first_of("*?[") != std::string::npos) return false;
                out += p.text;
                break;
            case ast::WordPart::Kind::Quoted:
                out += p.text;
                break;
            case ast::WordPart::Kind::DoubleQuoted:
                if (!append_known_text(p.parts(), true, out)) return false;
                break;
            default:
                return false;
        }
    }
    return true;
}

std::optional<std::string> known_text(const ast::Word& word) {
    std::string text;
    if (!append_known_text(word, false, text)) return std::nullopt;
    return text;
}

// A count operand of break or continue: a small decimal number (0 when it is not one).
int decimal_count(const std::string& text) {
    if (text.empty() || text.size() > 4) return 0;
    int n = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return 0;
        n = n * 10 + (c - '0');
    }
    return n;
}

// Walks a body, and the bodies of the functions it calls, looking for anything a subshell
// would keep to itself that this process could not undo.
class Walk {
  public:
    Walk(const Shell& sh, InlineKind kind,
         std::unordered_map<const ast::Command*, bool>& fork_functions)
        : sh_(sh), kind_(kind), fork_functions_(fork_functions) {}

    // `tail`: whether `c` is the last thing a ( ) body does (LastCommand::InlineTail, handed
    // down as the executor hands it down). A simple command there need not be judged now:
    // one the body may not run in the shell runs in a child when its name is known
    // (Executor::run_tail_in_child), the end of the subshell either way.
    bool command(const ast::Command& c, bool tail = false) {
        tail = tail && kind_ == InlineKind::Subshell;
        const auto* simple_command = std::get_if<ast::SimpleCommand>(&c.node);
        // A program's redirections are its own process's; anything else's would be made and
        // undone in this one (not yet done here: an exit could leave buffered output behind).
        if (!c.redirections.empty() && !runs_program(c) && !(tail && simple_command != nullptr))
            return false;
        if (simple_command != nullptr) return simple(*simple_command, tail);
        return std::visit(
            [&](const auto& node) -> bool {
                using T = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<T, ast::Pipeline>) {
                    // Each stage of a longer pipeline is a process of its own, which starts
                    // from this process's state as it would from the subshell's.
                    if (node.commands.size() > 1) return kind_ == InlineKind::Subshell;
                    return command(*node.commands[0], tail && !node.negated);
                } else if constexpr (std::is_same_v<T, ast::AndOrList>) {
                    const std::size_t n = node.items.size();
                    for (std::size_t i = 0; i < n; ++i)
                        if (!command(*node.items[i], tail && i + 1 == n)) return false;
                    return true;
                } else if constexpr (std::is_same_v<T, ast::List>) {
                    return list(node, tail);
                } else if constexpr (std::is_same_v<T, ast::BraceGroup>) {
                    return list(node.body, tail);
                } else if constexpr (std::is_same_v<T, ast::If>) {
                    for (const ast::IfBranch& branch : node.branches)
                        if (!list(branch.condition) || !list(branch.body, tail)) return false;
                    return !node.else_body || list(*node.else_body, tail);
                } else if constexpr (std::is_same_v<T, ast::Loop>) {
                    ++loops_;
                    const bool ok = list(node.condition) && list(node.body);
                    --loops_;
                    return ok;
                } else if constexpr (std::is_same_v<T, std::unique_ptr<ast::For>>) {
                    ++loops_;
                    const bool ok = list(node->body);
                    --loops_;
                    return ok;
                } else if constexpr (std::is_same_v<T, ast::Case>) {
                    const std::size_t n = node.items.size();
                    for (std::size_t i = 0; i < n; ++i) {
                        const ast::CaseItem& item = node.items[i];
                        // A body that falls through into the next (;&) is not the last.
                        const bool last =
                            item.terminator != ast::CaseTerminator::FallThrough || i + 1 == n;
                        if (!list(item.body, tail && last)) return false;
                    }
                    return true;
                } else if constexpr (std::is_same_v<T, ast::Subshell>) {
                    // Judged on its own when it runs (and forked from this state if it must).
                    // Not in a $(...): its programs would write to fd 1, not to the capture.
                    return kind_ == InlineKind::Subshell;
                } else {
                    // A function definition, `time`.
                    return false;
                }
            },
            c.node);
    }

    // The functions this walk went into (all found inline-safe when the walk succeeds).
    const std::vector<const ast::Command*>& functions_seen() const { return seen_; }

    bool list(const ast::List& l, bool tail = false) {
        const std::size_t n = l.items.size();
        for (std::size_t i = 0; i < n; ++i) {
            const ast::ListItem& item = l.items[i];
            if (item.async == ast::Async::Yes || !command(*item.command, tail && i + 1 == n))
                return false;
        }
        return true;
    }

  private:
    // Whether `c` is a simple command naming a program (a plain literal name that is no
    // builtin or function), in a body that may run programs.
    bool runs_program(const ast::Command& c) const {
        if (kind_ != InlineKind::Subshell) return false;
        const auto* s = std::get_if<ast::SimpleCommand>(&c.node);
        if (s == nullptr || s->words.empty()) return false;
        const std::string* name = plain_literal(s->words[0]);
        return name != nullptr && names_program(*name);
    }

    bool names_program(const std::string& name) const {
        return name.find('/') != std::string::npos ||
               (sh_.find_builtin(name) == nullptr && sh_.functions.count(name) == 0);
    }

    bool simple(const ast::SimpleCommand& s, bool tail) {
        if (s.words.empty()) return true;  // Assignments alone: journaled.
        const std::string* name = plain_literal(s.words[0]);
        if (name == nullptr) return tail;
        const std::size_t seen = seen_.size();
        if (named(
                *name, s.words.size() - 1,
                [&](std::size_t i) { return known_text(s.words[i + 1]); }, tail))
            return true;
        // Left to the child at the end: the functions this judgement went into are not known
        // to be safe (one may have been judged safe on the word of the one that failed).
        seen_.resize(seen);
        return tail;
    }

  public:
    // A command whose words are already expanded (argv[0] its name), run from a $(...).
    // In a ( ), that command is the body's last (tail).
    bool call(const std::vector<std::string>& argv) {
        if (argv.empty()) return false;
        if (argv[0].find('/') != std::string::npos) return kind_ == InlineKind::Subshell;
        return named(
            argv[0], argv.size() - 1,
            [&](std::size_t i) { return std::optional<std::string>(argv[i + 1]); },
            kind_ == InlineKind::Subshell);
    }

  private:
    // The command `name` with `count` operands; operand(i) is the text of operand i when it is
    // known before the command runs (nullopt: only known once expanded).
    template <typename Operand>
    bool named(const std::string& name, std::size_t count, Operand operand, bool tail) {
        // The order the executor finds commands in: special builtin, function, builtin.
        const Builtin* builtin = sh_.find_builtin(name);
        if (builtin == nullptr || builtin->cls != BuiltinClass::Special) {
            auto it = sh_.functions.find(name);
            if (it != sh_.functions.end()) return function(*it->second);
        }
        // A program: a child process, which a $(...) would have to capture.
        if (builtin == nullptr) return kind_ == InlineKind::Subshell;
        if (builtin->has(BuiltinTraits::Pure)) return true;
        const std::string_view n = builtin->name;
        if (n == "eval") return eval(count, operand, tail);
        if (n == "exit" || n == "export") return true;
        if (n == "return" || n == "local" || n == "shift") return in_function_;
        if (n == "break" || n == "continue") {
            if (count > 1) return false;
            int levels = 1;
            if (count == 1) {
                const std::optional<std::string> text = operand(0);
                levels = text ? decimal_count(*text) : 0;
            }
            return levels >= 1 && levels <= loops_;
        }
        if (n == "unset") {
            // Variables only: -f, or a name only known once expanded, may remove a function.
            for (std::size_t i = 0; i < count; ++i) {
                const std::optional<std::string> text = operand(i);
                if (!text) return false;
                if (!text->empty() && (*text)[0] == '-' && *text != "-v") return false;
            }
            return true;
        }
        return false;
    }

    // eval with operands known before it runs: the commands they make, judged as any other.
    // (eval parses them again when it runs, with the same aliases: nothing in an allowed body
    // defines one.)
    // Its commands are read as eval reads them (Executor::run_source), so that the one it
    // runs as the last of a ( ) (`tail`) is the one judged so here.
    template <typename Operand>
    bool eval(std::size_t count, Operand operand, bool tail) {
        std::string text;
        for (std::size_t i = 0; i < count; ++i) {
            const std::optional<std::string> part = operand(i);
            if (!part) return false;
            if (i > 0) text += ' ';
            text += *part;
        }
        if (++evals_ > kMaxEvals) return false;  // eval "eval \"eval ...\"": enough.
        StringSource source(std::move(text));
        Parser parser(source, &sh_.aliases);
        for (;;) {
            ParseResult result = parser.next_command();
            source.release_lookahead();
            if (std::holds_alternative<EndOfInput>(result)) return true;
            auto* tree = std::get_if<std::unique_ptr<ast::Command>>(&result);
            // A syntax error is reported by eval itself, in whichever process.
            if (tree == nullptr || *tree == nullptr) return false;
            if (!command(**tree, tail && source.at_end())) return false;
        }
    }

    bool function(const ast::Command& body) {
        if (auto it = fork_functions_.find(&body); it != fork_functions_.end()) return it->second;
        // Recursion: a function already being walked is judged by that walk.
        if (std::find(seen_.begin(), seen_.end(), &body) != seen_.end()) return true;
        seen_.push_back(&body);
        const bool outer_in_function = in_function_;
        const int outer_loops = loops_;
        in_function_ = true;
        loops_ = 0;  // The caller's loops do not enclose its break (XCU break).
        const bool ok = command(body);
        in_function_ = outer_in_function;
        loops_ = outer_loops;
        // A function that must fork does so whatever calls it; one found inline-safe is so
        // only if the functions it calls turn out so too (known when the whole walk ends).
        if (!ok) fork_functions_[&body] = false;
        return ok;
    }

    static constexpr int kMaxEvals = 16;

    const Shell& sh_;
    const InlineKind kind_;
    std::unordered_map<const ast::Command*, bool>& fork_functions_;
    std::vector<const ast::Command*> seen_;
    bool in_function_ = false;
    int loops_ = 0;
    int evals_ = 0;
};

}  // namespace

bool InlineSubshells::possible(const Shell& sh, InlineKind kind) {
    // (A signal trap is no obstacle: a signal that arrives meanwhile ends the body as it would
    // end a child, and its action runs afterwards; run_pending_traps.)
    if (sh.options.interactive || sh.traps->running_action()) return false;
    // A ( ) body's programs write to fd 1: not inside a $(...) that captures the shell's own
    // output into a string.
    if (kind == InlineKind::Subshell && sh.out.capture() != nullptr) return false;
    if (functions_version_ != sh.functions_version) {
        for (auto& known : functions_) known.clear();
        functions_version_ = sh.functions_version;
    }
    return true;
}

template <typename Judge>
bool InlineSubshells::judge(const Shell& sh, InlineKind kind, Judge judge_with) {
    if (!possible(sh, kind)) return false;
    auto& known = functions_[static_cast<std::size_t>(kind)];
    Walk walk(sh, kind, known);
    if (!judge_with(walk)) return false;
    for (const ast::Command* f : walk.functions_seen()) known.emplace(f, true);
    return true;
}

// A ( ) body's last command is its tail (Walk::command); a $(...) has none.
bool InlineSubshells::allows(const ast::Command& body, const Shell& sh, InlineKind kind) {
    return judge(sh, kind, [&](Walk& walk) { return walk.command(body, true); });
}

bool InlineSubshells::allows_list(const ast::List& body, const Shell& sh, InlineKind kind) {
    return judge(sh, kind, [&](Walk& walk) { return walk.list(body, true); });
}

bool InlineSubshells::allows_call(const std::vector<std::string>& argv, const Shell& sh,
                                  InlineKind kind) {
    return judge(sh, kind, [&](Walk& walk) { return walk.call(argv); });
}

}  // namespace vsh
