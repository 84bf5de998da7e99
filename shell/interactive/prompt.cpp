#include "shell/interactive/prompt.hpp"

#include <optional>
#include <variant>

#include "shell/base/source.hpp"
#include "shell/core/shell.hpp"
#include "shell/exec/executor.hpp"
#include "shell/exec/xtrace.hpp"
#include "shell/expand/expand.hpp"
#include "shell/expand/prompt_escapes.hpp"

namespace vsh::interactive {
namespace {

// Expands `text` as the inside of "..." (xtrace.hpp, shared with $PS4). The prompt is not a
// command: its $(...) does not change $?.
std::string expand_prompt_text(Shell& sh, const std::string& text) {
    const int status = sh.last_status;
    std::optional<std::string> expanded = vsh::expand_as_double_quoted(sh, text);
    sh.last_status = status;
    return expanded ? std::move(*expanded) : text;
}

// The history number of the first prompt of the session: \# counts commands from there.
int first_history_number = -1;

// PROMPT_COMMAND runs as if typed, before the primary prompt is drawn. Its errors are shown;
// $? is kept, so the prompt (and the next command) still see the last command's status.
void run_prompt_command(Shell& sh) {
    const std::string* command = sh.vars.get("PROMPT_COMMAND");
    if (command == nullptr || command->empty()) return;
    const int status = sh.last_status;
    StringSource source(*command);
    try {
        (void)sh.executor->run_source(source, CommandLoop::Script, 1, "PROMPT_COMMAND");
    } catch (const FatalError&) {
    }
    sh.flush_streams();
    if (sh.jump != Jump::Exit) {
        sh.jump = Jump::None;
        sh.last_status = status;
    }
}

}  // namespace

std::string expand_history_marks(const std::string& text, int history_number) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if ((c == '$' || c == '\\') && i + 1 < text.size()) {
            // `$!` is a parameter; a backslash escape (`\!` too) is for the escape decoder.
            out += c;
            out += text[i + 1];
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
    if (first_history_number < 0) first_history_number = history_number;
    if (which == Prompt::Primary) run_prompt_command(sh);
    if (sh.jump == Jump::Exit) return {};
    const std::string* value = sh.vars.get(which == Prompt::Primary ? "PS1" : "PS2");
    if (value == nullptr) return {};
    // `!` first, so that a `!` in the escapes' text (a directory name) stays as it is.
    std::string text =
        which == Prompt::Primary ? expand_history_marks(*value, history_number) : *value;
    ShellPromptFacts facts(sh, history_number, history_number - first_history_number + 1);
    return expand_prompt_text(sh, decode_prompt_escapes(text, facts));
}

}  // namespace vsh::interactive
