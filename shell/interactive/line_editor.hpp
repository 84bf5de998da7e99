// Reading one line from the terminal with a prompt: GNU Readline when it can be loaded, the
// plain fallback otherwise. The interactive input source (interactive_source.hpp) asks an
// editor for lines and does not care which one it has.
#pragma once

#include <memory>
#include <string>

namespace vsh {
class Shell;
}

namespace vsh::interactive {

enum class ReadStatus : unsigned char {
    Line,         // A line was read (without its newline).
    EndOfInput,   // Ctrl-D on an empty line.
    Hangup,       // The terminal went away (or reading it failed): leave, even with ignoreeof.
    Interrupted,  // SIGINT while reading: the half-typed line was thrown away.
};

// Editing mode, from `set -o vi` / `set -o emacs`.
enum class EditingMode : unsigned char { Emacs, Vi };

class LineEditor {
  public:
    virtual ~LineEditor() = default;

    // Shows `prompt` (already expanded) and reads a line into `line`.
    [[nodiscard]] virtual ReadStatus read_line(const std::string& prompt, std::string& line) = 0;

    // Mirrors a command entered in the shell's history list (shell/history), for the editor's
    // own recall keys, keeping at most `max_entries`. An editor without recall ignores it.
    virtual void add_history(const std::string& command, int max_entries) = 0;

    virtual void set_editing_mode(EditingMode mode) = 0;
};

// The readline editor, or null (with the reason in `why`) when libreadline cannot be loaded.
[[nodiscard]] std::unique_ptr<LineEditor> make_readline_editor(Shell& sh, std::string& why);

// Reads fd 0 a byte at a time and writes prompts to stderr: no editing and no recall keys
// (the shell's history list and `fc` still work).
[[nodiscard]] std::unique_ptr<LineEditor> make_plain_editor();

}  // namespace vsh::interactive
