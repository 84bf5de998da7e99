#include "shell/history/history_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

#include "shell/core/output.hpp"
#include "shell/history/history.hpp"

namespace vsh {
namespace {

// An open history file, closed on every path out.
struct HistoryFd {
    int fd;
    explicit HistoryFd(int opened) : fd(opened) {}
    HistoryFd(const HistoryFd&) = delete;
    HistoryFd& operator=(const HistoryFd&) = delete;
    ~HistoryFd() {
        if (fd >= 0) close(fd);
    }
};

enum class LockKind : short { Read = F_RDLCK, Write = F_WRLCK };

// A whole-file fcntl lock, waited for. It is released when the descriptor closes.
bool lock_file(int fd, LockKind kind) {
    struct flock lock {};
    lock.l_type = static_cast<short>(kind);
    lock.l_whence = SEEK_SET;
    lock.l_start = 0;
    lock.l_len = 0;
    while (fcntl(fd, F_SETLKW, &lock) != 0) {
        if (errno != EINTR) return false;
    }
    return true;
}

bool read_all(int fd, std::string& data) {
    char buffer[65536];
    for (;;) {
        ssize_t n = read(fd, buffer, sizeof buffer);
        if (n == 0) return true;
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data.append(buffer, static_cast<std::size_t>(n));
    }
}

bool timestamp_line(std::string_view line) {
    if (line.size() < 2 || line[0] != '#') return false;
    return line.find_first_not_of("0123456789", 1) == std::string_view::npos;
}

// Where each entry of the file's text starts: at a timestamp line, or at any non-empty line
// not under one (the older one-command-per-line form).
std::vector<std::size_t> entry_starts(std::string_view data) {
    std::vector<std::size_t> starts;
    bool in_entry = false;
    std::size_t start = 0;
    while (start < data.size()) {
        std::size_t end = data.find('\n', start);
        if (end == std::string_view::npos) end = data.size();
        std::string_view line = data.substr(start, end - start);
        if (timestamp_line(line)) {
            starts.push_back(start);
            in_entry = true;
        } else if (!in_entry && !line.empty()) {
            starts.push_back(start);
        }
        start = end + 1;
    }
    return starts;
}

}  // namespace

std::string history_record(std::string_view command, std::time_t when) {
    std::string record = "#" + std::to_string(static_cast<long long>(when)) + "\n";
    record += command;
    record += '\n';
    return record;
}

bool append_history_records(const std::string& path, std::string_view records) {
    HistoryFd file(open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY, 0600));
    if (file.fd < 0 || !lock_file(file.fd, LockKind::Write)) return false;
    return write_all(file.fd, records);
}

bool load_history_file(const std::string& path, History& history) {
    HistoryFd file(open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (file.fd < 0) return errno == ENOENT;
    std::string data;
    if (!lock_file(file.fd, LockKind::Read) || !read_all(file.fd, data)) return false;
    history.load_text(data);
    return true;
}

bool trim_history_file(const std::string& path, int max_entries) {
    if (max_entries < 0) return true;
    HistoryFd file(open(path.c_str(), O_RDWR | O_CLOEXEC | O_NOCTTY));
    if (file.fd < 0) return errno == ENOENT;
    std::string data;
    if (!lock_file(file.fd, LockKind::Write) || !read_all(file.fd, data)) return false;
    std::vector<std::size_t> starts = entry_starts(data);
    if (starts.size() <= static_cast<std::size_t>(max_entries)) return true;
    std::size_t keep_from = max_entries == 0
                                ? data.size()
                                : starts[starts.size() - static_cast<std::size_t>(max_entries)];
    std::string_view kept = std::string_view(data).substr(keep_from);
    if (lseek(file.fd, 0, SEEK_SET) != 0 || ftruncate(file.fd, 0) != 0) return false;
    return write_all(file.fd, kept);
}

}  // namespace vsh
