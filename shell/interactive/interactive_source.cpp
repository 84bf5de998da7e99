#include "shell/interactive/interactive_source.hpp"

#include <cstdlib>
#include <vector>

#include "shell/core/shell.hpp"
#include "shell/interactive/job_notices.hpp"
#include "shell/interactive/prompt.hpp"
#include "shell/jobs/job_control.hpp"
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

}  // namespace

std::string history_file(const Shell& sh) {
    if (const std::string* file = sh.vars.get("HISTFILE"); file != nullptr) return *file;
    const std::string* home = sh.vars.get("HOME");
    if (home == nullptr || home->empty()) return {};
    return *home + "/.vsh_history";
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
    for (std::string& command : commands) {
        while (!command.empty() && command.back() == '\n') command.pop_back();
        if (command.empty()) continue;
        editor_.add_history(command, limit);
        sh_.history.add(std::move(command));
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
    if (TrapTable::pending()) sh_.traps->run_pending(sh_);
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
                line += '\n';
                buffer += line;
                command_text_ += line;
                return true;
            case ReadStatus::Interrupted:
                // As in bash: $? is 128+SIGINT, and a command in progress is dropped whole.
                sh_.last_status = 130;
                command_text_.clear();
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
