#include "shell/interactive/interactive_source.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string_view>
#include <vector>

#include "shell/core/job_control.hpp"
#include "shell/core/shell.hpp"
#include "shell/core/trap_actions.hpp"
#include "shell/history/expansion.hpp"
#include "shell/history/history_file.hpp"
#include "shell/interactive/history_hangup.hpp"
#include "shell/interactive/job_notices.hpp"
#include "shell/interactive/prompt.hpp"
#include "shell/traps/traps.hpp"

namespace vsh::interactive {
namespace {

// Ctrl-D on an empty line is ignored this many times in a row under `set -o ignoreeof`
// before the shell leaves anyway (bash's IGNOREEOF default), so a terminal that keeps
// reporting end of input cannot trap the shell in a loop.
constexpr int kIgnoredEofLimit = 10;
constexpr int kDefaultHistorySize = 500;

bool is_blank(const std::string& text) {
    return text.find_first_not_of(" \t\n") == std::string::npos;
}

std::string without_final_newlines(std::string text) {
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

// HISTCONTROL, a colon-separated list as in bash: `ignorespace` keeps commands that start
// with a blank out of the history, `ignoredups` a command equal to the one before it, and
// `ignoreboth` means both. Other words are ignored.
struct HistoryControl {
    bool ignore_space = false;
    bool ignore_dups = false;
};

HistoryControl history_control(const Shell& sh) {
    HistoryControl control;
    const std::string* value = sh.vars.get("HISTCONTROL");
    if (value == nullptr) return control;
    std::size_t start = 0;
    while (start <= value->size()) {
        std::size_t end = value->find(':', start);
        if (end == std::string::npos) end = value->size();
        std::string_view word(value->data() + start, end - start);
        if (word == "ignorespace" || word == "ignoreboth") control.ignore_space = true;
        if (word == "ignoredups" || word == "ignoreboth") control.ignore_dups = true;
        start = end + 1;
    }
    return control;
}

enum class Keep : unsigned char { Yes, No };

Keep keep_in_history(const Shell& sh, const std::string& command) {
    if (command.empty()) return Keep::No;
    HistoryControl control = history_control(sh);
    if (control.ignore_space && (command[0] == ' ' || command[0] == '\t')) return Keep::No;
    const auto& entries = sh.history.entries();
    if (control.ignore_dups && !entries.empty() && entries.back().text == command) return Keep::No;
    return Keep::Yes;
}

// A history file that cannot be written (a full disk, a quota) is said once per shell, not
// at every prompt. One that is not a regular file (HISTFILE=/dev/null) is left alone quietly.
void warn_history_failure(Shell& sh, const std::string& file, const char* what) {
    static bool warned = false;
    if (errno == EINVAL || warned) return;
    warned = true;
    sh.error("history file " + file, std::string(what) + ": " + std::strerror(errno));
}

}  // namespace

std::string history_file(const Shell& sh) {
    if (const std::string* file = sh.vars.get("HISTFILE"); file != nullptr) return *file;
    const std::string* home = sh.vars.get("HOME");
    if (home == nullptr || home->empty()) return {};
    return *home + "/.vsh_history";
}

int history_file_size(const Shell& sh) {
    const std::string* value = sh.vars.get("HISTFILESIZE");
    if (value == nullptr) return history_size(sh);
    char* end = nullptr;
    long size = std::strtol(value->c_str(), &end, 10);
    // As in bash: an empty, non-numeric or negative value leaves the file untrimmed.
    if (value->empty() || *end != '\0' || size < 0) return -1;
    return size > 100000000 ? 100000000 : static_cast<int>(size);
}

int history_size(const Shell& sh) {
    const std::string* value = sh.vars.get("HISTSIZE");
    if (value == nullptr || value->empty()) return kDefaultHistorySize;
    char* end = nullptr;
    long size = std::strtol(value->c_str(), &end, 10);
    if (*end != '\0' || size < 0) return kDefaultHistorySize;
    return size > 1000000 ? 1000000 : static_cast<int>(size);
}

void InteractiveSource::commit_history() {
    HangupDeferred deferred;
    std::vector<std::string> commands;
    if (sh_.history.replacement) {
        // `fc -s` or `fc` editing ran: the commands it re-executed go in, not the fc line.
        commands = std::move(*sh_.history.replacement);
        sh_.history.replacement.reset();
    } else if (!is_blank(command_text_)) {
        commands.push_back(command_text_);
    }
    command_text_.clear();
    int limit = history_size(sh_);
    sh_.history.set_limit(limit);
    std::string records;
    for (std::string& command : commands) {
        command = without_final_newlines(std::move(command));
        if (keep_in_history(sh_, command) == Keep::No) continue;
        // HISTSIZE=0 turns history off, for the file as for the list (as in bash).
        if (limit > 0) records += history_record(command, std::time(nullptr));
        editor_.add_history(command, limit);
        sh_.history.add(std::move(command));
    }
    // One write for the whole command, however many lines it has: another shell's record can
    // come before or after it, never inside.
    if (std::string file = history_file(sh_); !file.empty() && !records.empty()) {
        if (!append_history_records(file, records))
            warn_history_failure(sh_, file, "cannot add the command");
    }
    clear_pending_history();
}

void InteractiveSource::note_pending_command() {
    std::string command = without_final_newlines(command_text_);
    std::string file = history_file(sh_);
    if (file.empty() || is_blank(command) || history_size(sh_) == 0 ||
        keep_in_history(sh_, command) == Keep::No) {
        clear_pending_history();
        return;
    }
    set_pending_history(file, history_record(command, std::time(nullptr)));
}

ExpansionOutcome InteractiveSource::expand_line(std::string& line) {
    if (!sh_.options.histexpand || line.find_first_of("!^") == std::string::npos)
        return ExpansionOutcome::Unchanged;
    HistoryExpansion expansion = expand_history(line, sh_.history);
    switch (expansion.outcome) {
        case ExpansionOutcome::Unchanged:
            break;
        case ExpansionOutcome::Expanded:
            // As bash: the line that will run is shown first.
            line = std::move(expansion.text);
            sh_.err.write(line + "\n");
            sh_.err.flush();
            break;
        case ExpansionOutcome::Failed:
            sh_.err.write("vsh: " + expansion.error + "\n");
            sh_.err.flush();
            break;
    }
    return expansion.outcome;
}

void load_history(Shell& sh, LineEditor& editor) {
    save_history_on_hangup();
    std::string file = history_file(sh);
    if (file.empty()) return;
    // Trimmed here as well as at exit: a shell that was hung up never reached its exit.
    if (!trim_history_file(file, history_file_size(sh)))
        warn_history_failure(sh, file, "cannot trim it (it was left as it was)");
    int limit = history_size(sh);
    sh.history.set_limit(limit);
    (void)load_history_file(file, sh.history);
    for (const HistoryEntry& entry : sh.history.entries()) editor.add_history(entry.text, limit);
}

void finish_history(Shell& sh, InteractiveSource& source) {
    source.commit_history();
    if (std::string file = history_file(sh); !file.empty()) {
        if (!trim_history_file(file, history_file_size(sh)))
            warn_history_failure(sh, file, "cannot trim it (it was left as it was)");
    }
}

void InteractiveSource::apply_editing_mode() {
    bool vi = sh_.options.vi;
    bool emacs = sh_.options.emacs;
    // The first time, only an explicit `-o vi` overrides what ~/.inputrc chose.
    bool changed = mode_applied_ ? (vi != applied_vi_ || emacs != applied_emacs_) : vi;
    if (changed) {
        if (vi) {
            editor_.set_editing_mode(EditingMode::Vi);
        } else if (emacs) {
            editor_.set_editing_mode(EditingMode::Emacs);
        }
    }
    applied_vi_ = vi;
    applied_emacs_ = emacs;
    mode_applied_ = true;
}

void InteractiveSource::before_primary_prompt() {
    if (sh_.stopped_jobs_warning > 0) --sh_.stopped_jobs_warning;
    commit_history();
    report_finished_jobs(sh_);
    if (TrapTable::pending()) run_pending_traps(sh_);
    apply_editing_mode();
    sh_.flush_streams();
}

bool InteractiveSource::read_line(std::string& buffer, Prompt prompt) {
    if (prompt == Prompt::Primary) before_primary_prompt();
    for (;;) {
        if (sh_.jump == Jump::Exit) return false;  // `exit` in a trap action.
        std::string text = expand_prompt(sh_, prompt, sh_.history.next_number());
        sh_.flush_streams();
        std::string line;
        switch (editor_.read_line(text, line)) {
            case ReadStatus::Line:
                consecutive_eofs_ = 0;
                if (expand_line(line) == ExpansionOutcome::Failed) {
                    // The line is not run, and a command it continued is dropped whole.
                    command_text_.clear();
                    clear_pending_history();
                    if (prompt == Prompt::Continuation) throw CommandInterrupted{};
                    continue;
                }
                line += '\n';
                buffer += line;
                command_text_ += line;
                note_pending_command();
                return true;
            case ReadStatus::Interrupted:
                // As in bash: $? is 128+SIGINT, and a command in progress is dropped whole.
                sh_.last_status = 130;
                command_text_.clear();
                clear_pending_history();
                if (prompt == Prompt::Continuation) throw CommandInterrupted{};
                before_primary_prompt();
                continue;
            case ReadStatus::EndOfInput:
                if (sh_.options.ignoreeof && prompt == Prompt::Primary &&
                    ++consecutive_eofs_ < kIgnoredEofLimit) {
                    sh_.err.write("Use \"exit\" to leave the shell.\n");
                    before_primary_prompt();
                    continue;
                }
                if (prompt == Prompt::Primary && hold_exit_for_stopped_jobs(sh_)) {
                    before_primary_prompt();
                    continue;
                }
                return false;
            case ReadStatus::Hangup:
                return false;
        }
    }
}

}  // namespace vsh::interactive
