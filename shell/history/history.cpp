#include "shell/history/history.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "shell/base/fd_source.hpp"
#include "shell/base/output.hpp"

namespace vsh {
namespace {

// "#" followed by digits only: a timestamp line of the history file.
bool timestamp_line(std::string_view line, std::time_t& when) {
    if (line.size() < 2 || line[0] != '#') return false;
    std::time_t value = 0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        if (line[i] < '0' || line[i] > '9') return false;
        value = value * 10 + (line[i] - '0');
    }
    when = value;
    return true;
}

}  // namespace

void History::set_limit(int entries) {
    limit_ = entries < 0 ? 0 : static_cast<std::size_t>(entries);
    while (entries_.size() > limit_) entries_.pop_front();
}

int History::add(std::string text, std::time_t when) {
    int number = next_++;
    if (limit_ == 0) return number;
    if (entries_.size() == limit_) entries_.pop_front();
    entries_.push_back(
        HistoryEntry{number, when != 0 ? when : std::time(nullptr), std::move(text)});
    return number;
}

bool History::load(const std::string& path) {
    std::string data;
    int error = 0;
    if (!read_script_file(path, data, &error)) return error == ENOENT;
    load_text(data);
    return true;
}

void History::load_text(std::string_view data) {
    // After a timestamp line, the lines up to the next one are that entry's.
    std::time_t when = 0;
    // The entry being read after a timestamp (plain members: GCC 12 warns, wrongly, that a
    // std::optional<std::pair<time_t, std::string>> may be used uninitialized).
    bool in_entry = false;
    std::time_t entry_when = 0;
    std::string entry_text;
    auto flush = [&] {
        if (in_entry && !entry_text.empty()) add(std::move(entry_text), entry_when);
        in_entry = false;
        entry_text.clear();
    };
    std::size_t start = 0;
    while (start < data.size()) {
        std::size_t end = data.find('\n', start);
        if (end == std::string::npos) end = data.size();
        std::string_view line(data.data() + start, end - start);
        start = end + 1;
        if (timestamp_line(line, when)) {
            flush();
            in_entry = true;
            entry_when = when;
        } else if (in_entry) {
            if (!entry_text.empty()) entry_text += '\n';
            entry_text += line;
        } else if (!line.empty()) {
            add(std::string(line));
        }
    }
    flush();
}

void History::clear() {
    entries_.clear();
    next_ = 1;
}

bool History::save(const std::string& path) const {
    std::string data;
    for (const HistoryEntry& entry : entries_) {
        data += '#';
        data += std::to_string(static_cast<long long>(entry.when));
        data += '\n';
        data += entry.text;
        data += '\n';
    }
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY, 0600);
    if (fd < 0) return false;
    bool ok = write_all(fd, data);
    return close(fd) == 0 && ok;
}

}  // namespace vsh
