// Ctrl-X Ctrl-E (bash's edit-and-execute-command): the line typed so far goes to a text
// editor, and what the user saves there is the command that runs.
#pragma once

#include <optional>
#include <string>

namespace vsh {
class Shell;
}

namespace vsh::interactive {

// Writes `line` to a temporary file, runs $VISUAL, else $EDITOR, else vi on it as a shell
// command (so the editor gets the terminal as a foreground job), and returns the file's text
// without its trailing newlines. Nothing (after saying why on stderr) when the file cannot
// be made or read, or the editor fails: as with `fc`, nothing is run then.
[[nodiscard]] std::optional<std::string> edit_line_in_editor(Shell& sh, const std::string& line);

}  // namespace vsh::interactive
