// The line editor on GNU Readline, driven through its callback interface so that the shell
// keeps control of the wait for input: Ctrl-C, window-size changes and trapped signals are
// handled here between characters, never inside a signal handler and without longjmp.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "shell/core/shell.hpp"
#include "shell/core/trap_actions.hpp"
#include "shell/interactive/completion_edit.hpp"
#include "shell/interactive/completion_quote.hpp"
#include "shell/interactive/job_notices.hpp"
#include "shell/interactive/line_editor.hpp"
#include "shell/interactive/line_in_editor.hpp"
#include "shell/interactive/readline_api.hpp"
#include "shell/interactive/sigint_watch.hpp"
#include "shell/traps/traps.hpp"

namespace vsh::interactive {
namespace {

// Word boundaries for completion. Unlike readline's default, `$` and `{` are not breaks, so
// `$HO` and `${HO` reach the completer whole and complete as variable names.
constexpr const char kWordBreaks[] = " \t\n\"'`<>=;|&()";
// Quotes that open a quoted part of a word: readline then hands over the text after an
// unclosed one (`"my fi`), and asks char_is_quoted before breaking at a quoted blank.
constexpr const char kQuoteCharacters[] = "'\"";

class ReadlineEditor;
// Readline calls back through plain function pointers; this is the editor they reach. There is
// one terminal and one interactive shell per process, so one editor.
ReadlineEditor* the_editor = nullptr;

class ReadlineEditor final : public LineEditor {
  public:
    ReadlineEditor(Shell& sh, const ReadlineApi& rl) : sh_(sh), rl_(rl) {
        the_editor = this;
        *rl_.rl_readline_name = "vsh";
        *rl_.rl_instream = stdin;
        // Prompts and the echoed line go to standard error, as POSIX asks of PS1/PS2.
        *rl_.rl_outstream = stderr;
        // The shell keeps its own signal handlers; readline must not install or re-raise.
        *rl_.rl_catch_signals = 0;
        *rl_.rl_catch_sigwinch = 0;
        *rl_.rl_change_environment = 0;
        *rl_.rl_getc_function = read_key;
        *rl_.rl_attempted_completion_function = attempt_completion;
        *rl_.rl_completer_word_break_characters = kWordBreaks;
        *rl_.rl_completer_quote_characters = kQuoteCharacters;
        *rl_.rl_char_is_quoted_p = char_is_quoted;
        *rl_.rl_completion_display_matches_hook = show_choices;
        rl_.using_history();
        bind_edit_and_execute();
    }

    ~ReadlineEditor() override {
        if (the_editor == this) the_editor = nullptr;
    }

    ReadStatus read_line(const std::string& prompt, std::string& line) override {
        // `exit` in PROMPT_COMMAND: leave now, not after one more line (and not held back by
        // ignoreeof, as an end of input would be).
        if (sh_.jump == Jump::Exit) return ReadStatus::Hangup;
        prompt_ = prompt;
        line_ready_ = false;
        end_of_input_ = false;
        terminal_gone_ = false;
        edit_requested_ = false;
        // With `set -b` a job that finishes is reported at once, not at the next prompt.
        SigintWatch watch(sh_.options.notify ? ChildWatch::Yes : ChildWatch::No);
        watch_ = &watch;
        struct WatchReset {
            SigintWatch*& watch;
            ~WatchReset() { watch = nullptr; }
        } watch_reset{watch_};
        answer_interrupted_ = false;
        // bash's checkwinsize. SIGWINCH goes to the terminal's foreground group only, so a
        // resize while a job ran reached the job, not the shell: look at the size again.
        // The first install reads it anyway, and the library is not set up before that.
        if (initialized_) rl_.rl_reset_screen_size();
        rl_.rl_callback_handler_install(prompt_.c_str(), on_line);
        initialized_ = true;
        publish_screen_size();
        adopt_editing_mode();
        while (!line_ready_) {
            const SigintWatch::Wake wake = watch.wait_for_input(0, true);
            if (wake == SigintWatch::Wake::Error) {
                rl_.rl_callback_handler_remove();
                return ReadStatus::Hangup;
            }
            if (wake == SigintWatch::Wake::Signal) {
                if (watch.caught()) {
                    discard_line();
                    return ReadStatus::Interrupted;
                }
                if (watch.resized()) {
                    rl_.rl_resize_terminal();
                    publish_screen_size();
                }
                if (watch.child_changed()) report_jobs_at_prompt();
                if (TrapTable::pending()) {
                    run_traps_at_prompt();
                    if (sh_.jump == Jump::Exit) return ReadStatus::EndOfInput;
                }
                continue;
            }
            rl_.rl_callback_read_char();
            // Ctrl-C at the possibilities question or --More-- (which consumed the flag).
            if (answer_interrupted_) {
                discard_line();
                return ReadStatus::Interrupted;
            }
            if (terminal_gone_ && !line_ready_) {
                rl_.rl_callback_handler_remove();
                return ReadStatus::Hangup;
            }
        }
        // Readline takes typed-ahead text in one go, so a resize may have come with the line:
        // the command that runs sees the window as it is now.
        if (watch.resized()) {
            rl_.rl_reset_screen_size();
            publish_screen_size();
        }
        if (end_of_input_) return terminal_gone_ ? ReadStatus::Hangup : ReadStatus::EndOfInput;
        line = std::move(line_);
        if (edit_requested_) line = edited(line);
        return ReadStatus::Line;
    }

    void add_history(const std::string& command, int max_entries) override {
        rl_.stifle_history(max_entries);
        rl_.add_history(command.c_str());
    }

    void set_editing_mode(EditingMode mode) override {
        (void)rl_.rl_variable_bind("editing-mode", mode == EditingMode::Vi ? "vi" : "emacs");
    }

  private:
    Shell& sh_;
    const ReadlineApi& rl_;
    std::string prompt_;
    std::string line_;
    bool line_ready_ = false;
    bool end_of_input_ = false;
    bool terminal_gone_ = false;
    // Set while the shell waits for an answer to "Display all N possibilities?" or --More--:
    // a key that would make readline abort (Ctrl-G, end of input, an interrupted read) is read
    // as "no", since readline's abort would longjmp past the code that restores its state.
    bool answering_ = false;
    // A signal cut the answer short: the line is about to be discarded, so no redraw.
    bool answer_interrupted_ = false;
    // The watch of the read_line in progress: the question's blocking read asks it whether an
    // interrupted read was Ctrl-C (other signals wait for the prompt loop).
    SigintWatch* watch_ = nullptr;
    // Ctrl-X Ctrl-E ended the line: it goes to the editor before it runs.
    bool edit_requested_ = false;
    // Whether readline has read its init file and the terminal's description.
    bool initialized_ = false;

    // Readline hands over a finished line (or null for Ctrl-D on an empty line). Removing the
    // handler here stops readline from drawing the prompt again before the command runs.
    static void on_line(char* text) {
        ReadlineEditor& self = *the_editor;
        self.rl_.rl_callback_handler_remove();
        self.line_ready_ = true;
        if (text == nullptr) {
            self.end_of_input_ = true;
            // Readline ends the line itself when it turns bracketed paste off; otherwise the
            // cursor is left after the prompt.
            if (!self.bracketed_paste()) {
                ssize_t ignored = write(2, "\n", 1);
                (void)ignored;
            }
            // Left set, the flag makes readline end every later line twice, so each command's
            // output began with an empty line after an ignored Ctrl-D.
            *self.rl_.rl_eof_found = 0;
            return;
        }
        self.line_ = text;
        std::free(text);
    }

    // Reads one byte for readline. Called only after wait_for_input said input is there, so it does
    // not block, except for the answer to a completion question, which waits here; it notes a
    // hang-up so the shell can leave instead of spinning.
    static int read_key(FILE*) {
        const bool answering = the_editor != nullptr && the_editor->answering_;
        for (;;) {
            // At a question the read blocks: a Ctrl-C that came just before it would be slept
            // through (it was, in one pty run in three), so wait with the watch's guard first.
            if (answering && the_editor->watch_ != nullptr &&
                the_editor->watch_->wait_for_key(0) == SigintWatch::Wake::Signal) {
                the_editor->answer_interrupted_ = true;
                return 'n';
            }
            unsigned char c;
            ssize_t n = read(0, &c, 1);
            if (n == 1) return answering && c == kAbortKey ? 'n' : c;
            if (n < 0 && errno == EINTR) {
                // Ctrl-C at a question: answer no; read_line then ends the line. Any other
                // signal stays flagged for the prompt loop, and the wait goes on.
                if (answering && the_editor->watch_ != nullptr && the_editor->watch_->caught()) {
                    the_editor->answer_interrupted_ = true;
                    return 'n';
                }
                continue;
            }
            if (the_editor != nullptr) the_editor->terminal_gone_ = true;
            return answering ? 'n' : EOF;
        }
    }

    static constexpr unsigned char kAbortKey = 7;  // Ctrl-G, readline's abort.

    bool bracketed_paste() const {
        const char* value = rl_.rl_variable_value("enable-bracketed-paste");
        return value != nullptr && std::strcmp(value, "on") == 0;
    }

    // COLUMNS and LINES follow the window, as bash's checkwinsize sets them.
    void publish_screen_size() {
        int rows = 0;
        int columns = 0;
        rl_.rl_get_screen_size(&rows, &columns);
        if (rows > 0) (void)sh_.vars.set("LINES", std::to_string(rows));
        if (columns > 0) (void)sh_.vars.set("COLUMNS", std::to_string(columns));
    }

    // ~/.inputrc's `set editing-mode vi` is read when readline starts, and `bind`-like keys
    // can switch modes too: `set -o` shows the mode readline is really in.
    void adopt_editing_mode() {
        const bool vi = *rl_.rl_editing_mode == 0;  // readline's vi_mode; emacs_mode is 1
        sh_.options.vi = vi;
        sh_.options.emacs = !vi;
    }

    // Ctrl-X Ctrl-E in emacs mode and `v` in vi command mode, as in bash; named so that an
    // inputrc can bind it elsewhere.
    void bind_edit_and_execute() {
        rl_.rl_add_defun("edit-and-execute-command", edit_and_execute, -1);
        if (Keymap emacs = rl_.rl_get_keymap_by_name("emacs"); emacs != nullptr)
            (void)rl_.rl_bind_keyseq_in_map("\\C-x\\C-e", edit_and_execute, emacs);
        if (Keymap vi = rl_.rl_get_keymap_by_name("vi-command"); vi != nullptr)
            (void)rl_.rl_bind_keyseq_in_map("v", edit_and_execute, vi);
    }

    // Ends the line as Return would; read_line hands it to the editor once readline has let
    // go of the terminal.
    static int edit_and_execute(int count, int key) {
        the_editor->edit_requested_ = true;
        return the_editor->rl_.rl_newline(count, key);
    }

    // The line after the editor: shown, as bash shows it, then run. Nothing runs when the
    // editor failed.
    std::string edited(const std::string& line) {
        std::optional<std::string> text = edit_line_in_editor(sh_, line);
        if (!text) return {};
        sh_.err.write(*text + "\n");
        sh_.err.flush();
        return *text;
    }

    // Ctrl-C: forget the half-typed line and leave the prompt's line, as bash does. "^C" is
    // written while readline still has the terminal: taking it away may return the cursor to
    // the start of the line (bracketed paste's closing sequence ends in \r), and "^C" was
    // drawn over the prompt when it came after.
    void discard_line() {
        ssize_t ignored = write(2, "^C", 2);
        rl_.rl_free_line_state();
        rl_.rl_callback_sigcleanup();
        rl_.rl_callback_handler_remove();
        rl_.rl_replace_line("", 0);
        ignored = write(2, "\n", 1);
        (void)ignored;
    }

    // Puts the prompt back with the text typed so far. Installing the handler draws the
    // prompt; redisplay adds the text. (A forced redisplay drew the prompt a second time.)
    void restore_prompt(const std::string& typed) {
        rl_.rl_callback_handler_install(prompt_.c_str(), on_line);
        rl_.rl_replace_line(typed.c_str(), 0);
        *rl_.rl_point = static_cast<int>(typed.size());
        rl_.rl_redisplay();
    }

    // With `set -b`, a child changed state while the prompt was up: write the notices of the
    // jobs that finished on a line of their own, then redraw the prompt and the typed text.
    void report_jobs_at_prompt() {
        std::string notices = take_finished_job_notices(sh_);
        if (notices.empty()) return;
        std::string typed = *rl_.rl_line_buffer != nullptr ? *rl_.rl_line_buffer : "";
        rl_.rl_callback_handler_remove();
        sh_.err.write("\n" + notices);
        sh_.err.flush();
        restore_prompt(typed);
    }

    // A trapped signal arrived while the prompt was up: run its action with the terminal in
    // its normal mode, then redraw the prompt with the text typed so far.
    void run_traps_at_prompt() {
        std::string typed = *rl_.rl_line_buffer != nullptr ? *rl_.rl_line_buffer : "";
        rl_.rl_callback_handler_remove();
        ssize_t ignored = write(2, "\n", 1);
        (void)ignored;
        run_pending_traps(sh_);
        sh_.flush_streams();
        if (sh_.jump == Jump::Exit) return;
        restore_prompt(typed);
    }

    static int char_is_quoted(char* line, int index) {
        return is_quoted_at(line, static_cast<std::size_t>(index)) ? 1 : 0;
    }

    // Readline replaces the text from `start` to the cursor with matches[0] and lists
    // matches[1..] when asked; both come from plan_completion, so readline's own filename
    // completion, quoting and suffixes are all switched off here.
    static char** attempt_completion(const char* /*text*/, int start, int end) {
        ReadlineEditor& self = *the_editor;
        *self.rl_.rl_attempted_completion_over = 1;
        *self.rl_.rl_completion_suppress_append = 1;
        *self.rl_.rl_completion_suppress_quote = 1;
        std::string_view line(*self.rl_.rl_line_buffer, static_cast<std::size_t>(end));
        CompletionEdit edit = plan_completion(self.sh_, line, static_cast<std::size_t>(start));
        if (!edit.found) return nullptr;
        // Readline drops the opening quote before `start` when the replacement begins with
        // that same quote (it means not to double it); a replacement that closes the quote at
        // once ('\''x, or "" then a space) must keep it, so it gets the quote twice.
        if (start > 0 && !edit.replacement.empty() && edit.replacement[0] == line[start - 1] &&
            (line[start - 1] == '"' || line[start - 1] == '\'') &&
            is_quoted_at(std::string(line) + "x", static_cast<std::size_t>(start))) {
            edit.replacement.insert(edit.replacement.begin(), line[start - 1]);
        }
        // Readline frees the array and its strings with free().
        auto** matches =
            static_cast<char**>(std::malloc((edit.choices.size() + 2) * sizeof(char*)));
        if (matches == nullptr) return nullptr;
        matches[0] = strdup(edit.replacement.c_str());
        for (std::size_t i = 0; i < edit.choices.size(); ++i)
            matches[i + 1] = strdup(edit.choices[i].c_str());
        matches[edit.choices.size() + 1] = nullptr;
        return matches;
    }

    // Lists the choices the way readline does outside callback mode: ask first when there are
    // at least completion-query-items of them, then page with --More--. Readline skips both in
    // callback mode (its question returns "yes" at once), so the question is asked here and
    // the callback state is lifted around the listing for the pager to read its keys.
    static void show_choices(char** matches, int count, int max_length) {
        ReadlineEditor& self = *the_editor;
        const ReadlineApi& rl = self.rl_;
        FILE* out = *rl.rl_outstream;
        self.answering_ = true;
        self.answer_interrupted_ = false;
        bool wanted = true;
        if (*rl.rl_completion_query_items > 0 && count >= *rl.rl_completion_query_items) {
            std::fprintf(out, "\nDisplay all %d possibilities? (y or n)", count);
            std::fflush(out);
            wanted = self.ask_yes_or_no();
            if (self.answer_interrupted_) {
                self.answering_ = false;
                return;
            }
            if (!wanted) std::fputc('\n', out);
        }
        if (wanted) {
            const unsigned long state = *rl.rl_readline_state;
            *rl.rl_readline_state = state & ~static_cast<unsigned long>(RL_STATE_CALLBACK);
            rl.rl_display_match_list(matches, count, max_length);
            *rl.rl_readline_state = state;
        }
        self.answering_ = false;
        std::fflush(out);
        if (!self.answer_interrupted_) rl.rl_forced_update_display();
    }

    // The answer to "Display all N possibilities?": y, Y or space for yes; n, N, DEL (and,
    // through read_key, Ctrl-G, Ctrl-C or a hang-up) for no; other keys ring the bell.
    bool ask_yes_or_no() {
        for (;;) {
            const int key = read_key(nullptr);
            if (key == 'y' || key == 'Y' || key == ' ') return true;
            if (key == 'n' || key == 'N' || key == 0x7f) return false;
            std::fputc('\a', *rl_.rl_outstream);
            std::fflush(*rl_.rl_outstream);
        }
    }
};

}  // namespace

std::unique_ptr<LineEditor> make_readline_editor(Shell& sh, std::string& why) {
    const ReadlineApi* api = load_readline(why);
    if (api == nullptr) return nullptr;
    return std::make_unique<ReadlineEditor>(sh, *api);
}

}  // namespace vsh::interactive
