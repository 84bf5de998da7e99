#include "shell/exec/command_words.hpp"

#include <optional>
#include <string_view>

#include "shell/core/shell.hpp"
#include "shell/expand/expand.hpp"
#include "shell/parser/parser.hpp"

namespace vsh {

namespace {

// Where a command's fields stand in naming a declaration utility.
enum class DeclarationScan : unsigned char {
    CommandName,   // No field yet: the next one is the command name.
    AfterCommand,  // The command name was `command`: its first argument may name one.
    Arguments,     // A declaration utility was named: the rest are its arguments.
    Other,         // Some other command.
};

// The builtin table says which builtins are declaration utilities and which run their operand.
DeclarationScan scan_field(const Shell& sh, DeclarationScan state, std::string_view field) {
    const Builtin* builtin = sh.find_builtin(field);
    const bool declares = builtin != nullptr && builtin->has(BuiltinTraits::Declaration);
    switch (state) {
        case DeclarationScan::CommandName:
            if (declares) return DeclarationScan::Arguments;
            return builtin != nullptr && builtin->has(BuiltinTraits::RunsOperand)
                       ? DeclarationScan::AfterCommand
                       : DeclarationScan::Other;
        case DeclarationScan::AfterCommand:
            return declares ? DeclarationScan::Arguments : DeclarationScan::Other;
        default:
            return state;
    }
}

// An argument of a declaration utility that only the command name's expansion showed to be
// one: the parser did not mark its value's tildes, so that is done now, on a copy. Kept out
// of line: rare, and the copy would weigh on every command's loop.
[[gnu::noinline]] std::string expand_late_declaration(Expander& expander, const ast::Word& word) {
    ast::Word assignment = word;
    mark_declaration_tildes(assignment);
    return expander.expand_assignment(assignment);
}

}  // namespace

TemporaryAssignments::~TemporaryAssignments() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
        if (it->existed) {
            (void)sh_.vars.set(it->name, it->old.value);
            if (!it->old.set) (void)sh_.vars.unset(it->name);
            sh_.vars.set_exported(it->name, it->old.exported);
        } else {
            (void)sh_.vars.unset(it->name);
        }
    }
}

bool TemporaryAssignments::assign(const std::string& name, const std::string& value, Export how) {
    const Variable* v = sh_.vars.find(name);
    saved_.push_back(Saved{name, v != nullptr, v != nullptr ? *v : Variable{}});
    if (!sh_.assign(name, value)) {
        saved_.pop_back();
        return false;
    }
    if (how == Export::Yes) sh_.vars.set_exported(name, true);
    return true;
}

// Expands a simple command's words. Arguments of export/readonly/local that look like
// assignments are expanded as assignments are, without field splitting or globbing
// (POSIX.1-2024, declaration utilities). The command name is known only once its word is
// expanded, so `$cmd x=$y` with cmd=export declares too (XCU 2.9.1.1 step 2), as in dash.
void expand_command_words(const Shell& sh, Expander& expander, const std::vector<ast::Word>& words,
                          std::vector<std::string>& argv) {
    std::size_t first_argument = declaration_arguments_start(words);
    if (first_argument != 0) {
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (i >= first_argument && assignment_name_length(words[i]) > 0) {
                argv.push_back(expander.expand_assignment(words[i]));
            } else {
                expander.expand_word_fields(words[i], argv);
            }
        }
        return;
    }
    DeclarationScan state = DeclarationScan::CommandName;
    for (const ast::Word& word : words) {
        if (state == DeclarationScan::Other) {
            expander.expand_word_fields(word, argv);
            continue;
        }
        if (state == DeclarationScan::Arguments && assignment_name_length(word) > 0) {
            argv.push_back(expand_late_declaration(expander, word));
            continue;
        }
        const std::size_t before = argv.size();
        expander.expand_word_fields(word, argv);
        for (std::size_t i = before; i < argv.size(); ++i) state = scan_field(sh, state, argv[i]);
    }
}

bool expand_prefix_assignments(Shell& sh, Expander& expander, const ast::SimpleCommand& simple,
                               std::vector<std::pair<std::string, std::string>>& out) {
    std::optional<TemporaryAssignments> earlier;
    const std::size_t n = simple.assignments.size();
    out.reserve(out.size() + n);
    for (std::size_t i = 0; i < n; ++i) {
        const ast::Assignment& a = simple.assignments[i];
        out.emplace_back(a.name, expander.expand_assignment(a.value));
        if (i + 1 == n) break;
        if (!earlier) earlier.emplace(sh);
        if (!earlier->assign(a.name, out.back().second, TemporaryAssignments::Export::No))
            return false;
    }
    return true;
}

bool reads_random(const std::vector<ast::WordPart>& word) {
    for (const ast::WordPart& p : word) {
        if (p.kind == ast::WordPart::Kind::Param && p.text == "RANDOM") return true;
        if (reads_random(p.parts())) return true;
    }
    return false;
}

const ast::Command& unwrap_command(const ast::Command& command) {
    const ast::Command* c = &command;
    for (;;) {
        if (!c->redirections.empty()) return *c;
        if (const auto* list = std::get_if<ast::List>(&c->node);
            list != nullptr && list->items.size() == 1 && list->items[0].async == ast::Async::No) {
            c = list->items[0].command.get();
            continue;
        }
        if (const auto* andor = std::get_if<ast::AndOrList>(&c->node);
            andor != nullptr && andor->items.size() == 1) {
            c = andor->items[0].get();
            continue;
        }
        if (const auto* p = std::get_if<ast::Pipeline>(&c->node);
            p != nullptr && p->commands.size() == 1 && !p->negated) {
            c = p->commands[0].get();
            continue;
        }
        return *c;
    }
}

}  // namespace vsh
