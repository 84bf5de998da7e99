// The interactive shell's input: each line comes from the line editor with PS1 or PS2, and
// the work due before a fresh prompt (job notices, traps, history) is done here, at the one
// moment the parser asks for the first line of a new command.
#pragma once

#include <string>

#include "shell/base/source.hpp"
#include "shell/history/expansion.hpp"
#include "shell/interactive/line_editor.hpp"

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

    // Adds the command read so far (all its lines, as one entry) to the history list and
    // appends it to the history file, unless HISTCONTROL keeps it out. Called before each
    // primary prompt, once the command has run, and at exit.
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
    // Makes the command read so far the one a SIGHUP would save (history_hangup.hpp).
    void note_pending_command();
    // History expansion of one line read (when `set -o histexpand` is on): the expanded line
    // is echoed on stderr, an error is reported there.
    ExpansionOutcome expand_line(std::string& line);
    void apply_editing_mode();
};

// HISTFILE (default ~/.vsh_history; empty: no file) and HISTSIZE (default 500).
[[nodiscard]] std::string history_file(const Shell& sh);
[[nodiscard]] int history_size(const Shell& sh);
// At start-up: trims the history file to HISTFILESIZE, loads it (HISTSIZE entries) into the
// shell's list and the editor's, and makes a SIGHUP save the command in progress.
void load_history(Shell& sh, LineEditor& editor);
// At exit: enters the last command and trims the file. Nothing is lost if this never runs
// (each command was appended when it finished).
void finish_history(Shell& sh, InteractiveSource& source);

// HISTFILESIZE: how many entries the file keeps (default HISTSIZE); -1: no trimming.
[[nodiscard]] int history_file_size(const Shell& sh);

}  // namespace vsh::interactive
