#include "shell/history/history_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <vector>

#include "shell/base/output.hpp"
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

// More than any history needs (HISTFILESIZE entries of a few lines): a larger file is read
// from this far before its end, from the first whole line on.
constexpr off_t kMaxHistoryBytes = off_t{64} << 20;

// Opens the history file, refusing anything but a regular file: HISTFILE=/dev/zero must not
// be read for ever, nor /dev/full written to (HISTFILE=/dev/null keeps history off, as in
// bash). Returns -1 with errno set (EINVAL for a file that is not regular).
int open_history(const std::string& path, int flags, struct stat* st) {
    int fd = open(path.c_str(), flags | O_CLOEXEC | O_NOCTTY, 0600);
    if (fd < 0) return -1;
    if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
        close(fd);
        errno = EINVAL;
        return -1;
    }
    return fd;
}

// Reads the open regular file: what it held when it was opened (fstat's size), at most its
// last kMaxHistoryBytes.
bool read_all(int fd, const struct stat& st, std::string& data) {
    off_t size = st.st_size;
    off_t from = 0;
    if (size > kMaxHistoryBytes) {
        from = size - kMaxHistoryBytes;
        size = kMaxHistoryBytes;
    }
    data.resize(static_cast<std::size_t>(size));
    std::size_t got = 0;
    while (got < data.size()) {
        ssize_t n = pread(fd, data.data() + got, data.size() - got, from + static_cast<off_t>(got));
        if (n == 0) break;  // The file shrank meanwhile.
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        got += static_cast<std::size_t>(n);
    }
    data.resize(got);
    if (from > 0) {
        std::size_t line = data.find('\n');
        data.erase(0, line == std::string::npos ? data.size() : line + 1);
    }
    return true;
}

// True when `fd` is still the file at `path`: a trim renames a new file over it, and a record
// appended to the old one would be lost.
bool still_at_path(int fd, const std::string& path) {
    struct stat open_st {};
    struct stat path_st {};
    return fstat(fd, &open_st) == 0 && stat(path.c_str(), &path_st) == 0 &&
           open_st.st_dev == path_st.st_dev && open_st.st_ino == path_st.st_ino;
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

// Writes `text` to a new file beside `path` and renames it over `path`, so that a full disk
// or a crash leaves the old file whole. The new file keeps the old one's permissions; a
// symbolic link stays a link (the file it names is replaced). Called with the old file's write
// lock held: appenders that were waiting for it notice the rename and open the new file.
bool replace_file(const std::string& path, const struct stat& old_st, std::string_view text) {
    std::string target = path;
    if (char* resolved = realpath(path.c_str(), nullptr); resolved != nullptr) {
        target = resolved;
        std::free(resolved);
    }
    std::string temp = target + ".XXXXXX";
    int fd = mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0) return false;
    bool ok = fchmod(fd, old_st.st_mode & 07777) == 0 && write_all(fd, text);
    if (close(fd) != 0) ok = false;
    if (ok && rename(temp.c_str(), target.c_str()) == 0) return true;
    const int saved = errno;
    unlink(temp.c_str());
    errno = saved;
    return false;
}

}  // namespace

std::string history_record(std::string_view command, std::time_t when) {
    std::string record = "#" + std::to_string(static_cast<long long>(when)) + "\n";
    record += command;
    record += '\n';
    return record;
}

bool append_history_records(const std::string& path, std::string_view records) {
    // A trim that ran between our open and our lock renamed a new file over this one: open
    // again (a few times at most; trims are rare).
    for (int attempt = 0; attempt < 8; ++attempt) {
        struct stat st {};
        HistoryFd file(open_history(path, O_WRONLY | O_APPEND | O_CREAT, &st));
        if (file.fd < 0 || !lock_file(file.fd, LockKind::Write)) return false;
        if (!still_at_path(file.fd, path)) continue;
        return write_all(file.fd, records);
    }
    return false;
}

bool load_history_file(const std::string& path, History& history) {
    struct stat st {};
    HistoryFd file(open_history(path, O_RDONLY, &st));
    if (file.fd < 0) return errno == ENOENT;
    std::string data;
    if (!lock_file(file.fd, LockKind::Read) || !read_all(file.fd, st, data)) return false;
    history.load_text(data);
    return true;
}

bool trim_history_file(const std::string& path, int max_entries) {
    if (max_entries < 0) return true;
    struct stat st {};
    HistoryFd file(open_history(path, O_RDWR, &st));
    if (file.fd < 0) return errno == ENOENT;
    std::string data;
    if (!lock_file(file.fd, LockKind::Write)) return false;
    if (!still_at_path(file.fd, path)) return true;  // Another shell has just trimmed it.
    if (fstat(file.fd, &st) != 0 || !read_all(file.fd, st, data)) return false;
    std::vector<std::size_t> starts = entry_starts(data);
    if (starts.size() <= static_cast<std::size_t>(max_entries)) return true;
    std::size_t keep_from = max_entries == 0
                                ? data.size()
                                : starts[starts.size() - static_cast<std::size_t>(max_entries)];
    std::string_view kept = std::string_view(data).substr(keep_from);
    return replace_file(path, st, kept);
}

}  // namespace vsh
