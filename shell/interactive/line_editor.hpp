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

    // Records a complete command (possibly several lines) in the history list.
    virtual void add_history(const std::string& command) = 0;
    // The number the next history entry will get (for `!` in PS1).
    [[nodiscard]] virtual int next_history_number() const = 0;

    // Loads the history file at start-up, and writes it back at exit, keeping at most
    // `max_entries` entries. An editor without history ignores both.
    virtual void load_history(const std::string& path, int max_entries) = 0;
    virtual void save_history(const std::string& path, int max_entries) = 0;

    virtual void set_editing_mode(EditingMode mode) = 0;
};

// The readline editor, or null (with the reason in `why`) when libreadline cannot be loaded.
[[nodiscard]] std::unique_ptr<LineEditor> make_readline_editor(Shell& sh, std::string& why);

// Reads fd 0 a byte at a time and writes prompts to stderr: no editing, no history beyond a
// counter of commands.
[[nodiscard]] std::unique_ptr<LineEditor> make_plain_editor();

}  // namespace vsh::interactive
