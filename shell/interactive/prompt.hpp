// PS1 and PS2 as the user sees them.
#pragma once

#include <string>

#include "shell/base/source.hpp"

namespace vsh {
class Shell;
}

namespace vsh::interactive {

// Replaces `!` in PS1 text by the history number and `!!` by a literal `!` (POSIX 2024
// "PS1": exclamation-mark expansion). `$!` is left for parameter expansion, and a backslash
// escape (`\!`, `\\`) for the escape decoder.
[[nodiscard]] std::string expand_history_marks(const std::string& text, int history_number);

// The prompt to show: the value of PS1 (Primary) or PS2 (Continuation) with bash's backslash
// escapes decoded (prompt_escapes.hpp), then parameter, command and arithmetic expansion, as
// if it were the contents of a double-quoted word. PS1 also gets exclamation-mark expansion,
// and PROMPT_COMMAND runs before it is expanded. An unset variable gives an empty prompt; a
// value that fails to expand is shown as it stands.
[[nodiscard]] std::string expand_prompt(Shell& sh, Prompt which, int history_number);

}  // namespace vsh::interactive
