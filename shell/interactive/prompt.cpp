#include "shell/interactive/prompt.hpp"

#include <variant>

#include "shell/core/shell.hpp"
#include "shell/exec/spawn.hpp"
#include "shell/expand/expand.hpp"

namespace vsh::interactive {
namespace {

// Expands `text` as the inside of "...": `: "text"` is parsed as a command and its second
// word expanded, the same way $PS4 is (spawn.cpp expand_ps4).
std::string expand_as_double_quoted(Shell& sh, const std::string& text) {
    if (text.find_first_of("$`") == std::string::npos) return text;
    std::string program = ": \"";
    for (char c : text) {
        if (c == '"') program += '\\';
        program += c;
    }
    program += '"';
    auto parsed = parse_program(program, nullptr);
    auto* command = std::get_if<std::unique_ptr<ast::Command>>(&parsed);
    if (command == nullptr) return text;
    const auto* simple = std::get_if<ast::SimpleCommand>(&unwrap_command(**command).node);
    if (simple == nullptr || simple->words.size() < 2) return text;
    // The prompt is not a command: `set -x` does not trace what its expansion runs, and its
    // $(...) does not change $?.
    bool xtrace = sh.options.xtrace;
    int status = sh.last_status;
    sh.options.xtrace = false;
    std::string result;
    try {
        result = Expander(sh).expand_string(simple->words[1]);
    } catch (const FatalError&) {
        result = text;
    }
    sh.options.xtrace = xtrace;
    sh.last_status = status;
    return result;
}

}  // namespace

std::string expand_history_marks(const std::string& text, int history_number) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '$' && i + 1 < text.size() && text[i + 1] == '!') {
            out += "$!";
            ++i;
        } else if (c == '!' && i + 1 < text.size() && text[i + 1] == '!') {
            out += '!';
            ++i;
        } else if (c == '!') {
            out += std::to_string(history_number);
        } else {
            out += c;
        }
    }
    return out;
}

std::string expand_prompt(Shell& sh, Prompt which, int history_number) {
    const std::string* value = sh.vars.get(which == Prompt::Primary ? "PS1" : "PS2");
    if (value == nullptr) return {};
    std::string text =
        which == Prompt::Primary ? expand_history_marks(*value, history_number) : *value;
    return expand_as_double_quoted(sh, text);
}

}  // namespace vsh::interactive
