// The command history list: the commands an interactive shell has read, numbered, for `fc`
// (XCU fc), the `!` in PS1 and the history file. The shell owns it, whichever line editor is
// in use; readline's own list is only a mirror of it for the arrow keys.
#pragma once

#include <ctime>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vsh {

struct HistoryEntry {
    int number = 0;
    std::time_t when = 0;
    std::string text;  // The whole command: several lines for a multi-line one.
};

class History {
  public:
    // Keeps at most `entries` (HISTSIZE), dropping the oldest.
    void set_limit(int entries);

    // Appends a command; returns its number.
    int add(std::string text, std::time_t when = 0);

    [[nodiscard]] const std::deque<HistoryEntry>& entries() const { return entries_; }
    [[nodiscard]] bool empty() const { return entries_.empty(); }
    // The number the next command will get.
    [[nodiscard]] int next_number() const { return next_; }

    // Reads a history file: either one command per line, or entries each introduced by a
    // "#<seconds>" line (the timestamped form readline and bash write), which keeps a
    // multi-line command whole. A missing file is an empty history. Returns false only when
    // the file exists and cannot be read.
    bool load(const std::string& path);
    // The same, from the file's text already read.
    void load_text(std::string_view data);
    // Empties the list (`history -c`); numbering starts again at 1, as in bash.
    void clear();
    // Writes the list in the timestamped form, mode 0600. Returns false when it cannot.
    [[nodiscard]] bool save(const std::string& path) const;

    // What `fc -s` and `fc` editing ask to enter in place of the command that ran them: the
    // re-executed commands (POSIX: the fc command itself is not entered). Unset when no fc
    // re-executed anything; set and empty when the editor failed.
    std::optional<std::vector<std::string>> replacement;

  private:
    std::deque<HistoryEntry> entries_;
    int next_ = 1;
    std::size_t limit_ = 500;
};

}  // namespace vsh
