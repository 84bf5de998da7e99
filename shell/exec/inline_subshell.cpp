#include "shell/exec/inline_subshell.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "shell/ast/ast.hpp"
#include "shell/core/builtin.hpp"
#include "shell/core/shell.hpp"
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
    Walk(const Shell& sh, std::unordered_map<const ast::Command*, bool>& fork_functions)
        : sh_(sh), fork_functions_(fork_functions) {}

    bool command(const ast::Command& c) {
        if (!c.redirections.empty()) return false;
        return std::visit(
            [&](const auto& node) -> bool {
                using T = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<T, ast::SimpleCommand>) {
                    return simple(node);
                } else if constexpr (std::is_same_v<T, ast::Pipeline>) {
                    return node.commands.size() == 1 && command(*node.commands[0]);
                } else if constexpr (std::is_same_v<T, ast::AndOrList>) {
                    return std::all_of(node.items.begin(), node.items.end(),
                                       [&](const auto& item) { return command(*item); });
                } else if constexpr (std::is_same_v<T, ast::List>) {
                    return list(node);
                } else if constexpr (std::is_same_v<T, ast::BraceGroup>) {
                    return list(node.body);
                } else if constexpr (std::is_same_v<T, ast::If>) {
                    for (const ast::IfBranch& branch : node.branches)
                        if (!list(branch.condition) || !list(branch.body)) return false;
                    return !node.else_body || list(*node.else_body);
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
                    return std::all_of(node.items.begin(), node.items.end(),
                                       [&](const ast::CaseItem& item) { return list(item.body); });
                } else {
                    // A subshell, a function definition, `time`.
                    return false;
                }
            },
            c.node);
    }

    // The functions this walk went into (all found inline-safe when the walk succeeds).
    const std::vector<const ast::Command*>& functions_seen() const { return seen_; }

  private:
    bool list(const ast::List& l) {
        for (const ast::ListItem& item : l.items)
            if (item.async == ast::Async::Yes || !command(*item.command)) return false;
        return true;
    }

    bool simple(const ast::SimpleCommand& s) {
        if (s.words.empty()) return true;  // Assignments alone: journaled.
        const std::string* name = plain_literal(s.words[0]);
        if (name == nullptr) return false;
        return named(*name, s.words.size() - 1,
                     [&](std::size_t i) { return plain_literal(s.words[i + 1]); });
    }

  public:
    // A command whose words are already expanded (argv[0] its name), run from a $(...).
    bool call(const std::vector<std::string>& argv) {
        if (argv.empty() || argv[0].find('/') != std::string::npos) return false;
        return named(argv[0], argv.size() - 1, [&](std::size_t i) { return &argv[i + 1]; });
    }

  private:
    // The command `name` with `count` operands; operand(i) is the text of operand i when it is
    // known before the command runs (null: only known once expanded).
    template <typename Operand>
    bool named(const std::string& name, std::size_t count, Operand operand) {
        // The order the executor finds commands in: special builtin, function, builtin.
        const Builtin* builtin = sh_.find_builtin(name);
        if (builtin == nullptr || builtin->cls != BuiltinClass::Special) {
            auto it = sh_.functions.find(name);
            if (it != sh_.functions.end()) return function(*it->second);
        }
        if (builtin == nullptr) return false;  // A program: a child process.
        if (builtin->has(BuiltinTraits::Pure)) return true;
        const std::string_view n = builtin->name;
        if (n == "exit" || n == "export") return true;
        if (n == "return" || n == "local" || n == "shift") return in_function_;
        if (n == "break" || n == "continue") {
            if (count > 1) return false;
            int levels = 1;
            if (count == 1) {
                const std::string* text = operand(0);
                levels = text == nullptr ? 0 : decimal_count(*text);
            }
            return levels >= 1 && levels <= loops_;
        }
        if (n == "unset") {
            // Variables only: -f, or a name only known once expanded, may remove a function.
            for (std::size_t i = 0; i < count; ++i) {
                const std::string* text = operand(i);
                if (text == nullptr) return false;
                if (!text->empty() && (*text)[0] == '-' && *text != "-v") return false;
            }
            return true;
        }
        return false;
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

    const Shell& sh_;
    std::unordered_map<const ast::Command*, bool>& fork_functions_;
    std::vector<const ast::Command*> seen_;
    bool in_function_ = false;
    int loops_ = 0;
};

}  // namespace

bool InlineSubshells::possible(const Shell& sh) {
    if (sh.options.interactive || sh.traps->running_action() || sh.traps->any_signal_action())
        return false;
    if (functions_version_ != sh.functions_version) {
        functions_.clear();
        functions_version_ = sh.functions_version;
    }
    return true;
}

bool InlineSubshells::allows(const ast::Command& body, const Shell& sh) {
    if (!possible(sh)) return false;
    Walk walk(sh, functions_);
    if (!walk.command(body)) return false;
    for (const ast::Command* f : walk.functions_seen()) functions_.emplace(f, true);
    return true;
}

bool InlineSubshells::allows_call(const std::vector<std::string>& argv, const Shell& sh) {
    if (!possible(sh)) return false;
    Walk walk(sh, functions_);
    if (!walk.call(argv)) return false;
    for (const ast::Command* f : walk.functions_seen()) functions_.emplace(f, true);
    return true;
}

}  // namespace vsh
