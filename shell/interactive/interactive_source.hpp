// The interactive shell's input: each line comes from the line editor with PS1 or PS2, and
// the work due before a fresh prompt (job notices, traps, history) is done here, at the one
// moment the parser asks for the first line of a new command.
#pragma once

#include <string>

#include "shell/interactive/line_editor.hpp"
#include "shell/parser/source.hpp"

namespace vsh {
class Shell;
}

namespace vsh::interactive {

// Thrown out of the parser when Ctrl-C is typed at a PS2 prompt: the partial command is
// dropped and the read-eval loop starts over with a fresh parser.
struct CommandInterrupted {};

class InteractiveSource final : public InputSource {
  public:
    InteractiveSource(Shell& sh, LineEditor& editor) : sh_(sh), editor_(editor) {}

    bool read_line(std::string& buffer, Prompt prompt) override;

    // Adds the command read so far (all its lines, as one entry) to the history list.
    void commit_history();

  private:
    Shell& sh_;
    LineEditor& editor_;
    std::string command_text_;  // The lines of the command being read, for history.
    int consecutive_eofs_ = 0;
    bool applied_vi_ = false;
    bool applied_emacs_ = false;
    bool mode_applied_ = false;

    void before_primary_prompt();
    void apply_editing_mode();
};

// HISTFILE (default ~/.vsh_history; empty: no file) and HISTSIZE (default 500).
[[nodiscard]] std::string history_file(const Shell& sh);
[[nodiscard]] int history_size(const Shell& sh);

}  // namespace vsh::interactive
