// `set -x`: the trace line of a simple command, and $PS4 in front of it.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace vsh {

class Shell;
class SavedFds;

// Expands `text` as the inside of "...": `: "text"` is parsed as a command and its second
// word expanded, with `set -x` off (the expansion is not a command). Text without `$`, ``` ` ```
// or a backslash is returned as it is. Empty when the text does not parse or its expansion
// fails (${x?}): the caller shows the text unexpanded. $PS4 and the interactive prompts share
// it.
std::optional<std::string> expand_as_double_quoted(Shell& sh, const std::string& text);

// $PS4 expanded for a `set -x` line.
std::string expand_ps4(Shell& sh);

// Writes the `set -x` trace of an expanded simple command to standard error: PS4, then its
// assignments and words, quoted for re-input. Every path that runs a simple command calls it,
// including the ones that spawn an external command straight from the parent. When the
// command's redirections are already applied (`redirected`), the trace goes to the standard
// error they replaced, as it does when they come after.
void trace_command(Shell& sh, const std::vector<std::string>& argv,
                   std::span<const std::pair<std::string, std::string>> assignments,
                   const SavedFds* redirected = nullptr);

}  // namespace vsh
