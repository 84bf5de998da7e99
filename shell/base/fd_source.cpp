#include "shell/base/fd_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "shell/base/pipe_peek.hpp"

namespace vsh {
namespace {

// NUL bytes cannot be part of a shell word (they end a C string), so input drops them, as
// dash's does: `echo hi<NUL>` runs echo hi, and a line of NULs is an empty line.
void drop_nul_bytes(std::string& text, std::size_t from) {
    text.erase(std::remove(text.begin() + static_cast<std::ptrdiff_t>(from), text.end(), '\0'),
               text.end());
}

}  // namespace

FdSource::FdSource(int fd) : fd_(fd) {
    kind_ = lseek(fd, 0, SEEK_CUR) >= 0 ? Kind::Seekable : Kind::Pipe;
}

bool FdSource::read_line(std::string& buffer, Prompt) {
    if (eof_) return false;
    std::size_t start = buffer.size();
    bool got = kind_ == Kind::Seekable ? read_seekable(buffer)
               : kind_ == Kind::Pipe   ? read_pipe(buffer)
                                       : read_bytes(buffer);
    drop_nul_bytes(buffer, start);
    return got || buffer.size() > start;
}

// Read a block, keep one line, and seek back over the rest.
bool FdSource::read_seekable(std::string& buffer) {
    char chunk[4096];
    for (;;) {
        ssize_t n = read(fd_, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            eof_ = true;
            return false;
        }
        const char* nl =
            static_cast<const char*>(std::memchr(chunk, '\n', static_cast<std::size_t>(n)));
        if (nl == nullptr) {
            buffer.append(chunk, static_cast<std::size_t>(n));
            continue;
        }
        std::size_t keep = static_cast<std::size_t>(nl - chunk) + 1;
        buffer.append(chunk, keep);
        lseek(fd_, static_cast<off_t>(keep) - n, SEEK_CUR);
        return true;
    }
}

bool FdSource::read_pipe(std::string& buffer) {
    char chunk[4096];
    for (;;) {
        ssize_t n = read_pipe_through(fd_, chunk, sizeof chunk, '\n');
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EINVAL) {
            kind_ = Kind::Bytes;  // Not a pipe after all (a terminal, a socket).
            return read_bytes(buffer);
        }
        if (n <= 0) {
            eof_ = true;
            return false;
        }
        buffer.append(chunk, static_cast<std::size_t>(n));
        if (chunk[n - 1] == '\n') return true;
    }
}

// One byte at a time, so nothing past the newline is consumed.
bool FdSource::read_bytes(std::string& buffer) {
    for (;;) {
        char c;
        ssize_t n = read(fd_, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            eof_ = true;
            return false;
        }
        buffer.push_back(c);
        if (c == '\n') return true;
    }
}

bool read_script_file(const std::string& path, std::string& text, int* error) {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *error = errno;
        return false;
    }
    struct stat st {};
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        *error = EISDIR;
        return false;
    }
    // Read straight into the string, not through a buffer on the stack: `.` may run deep in
    // a recursion, with little stack left.
    std::size_t size = text.size();
    text.resize(size + std::max<std::size_t>(st.st_size > 0 ? st.st_size + 1 : 0, 4096));
    for (;;) {
        if (size == text.size()) text.resize(size + std::max<std::size_t>(size / 2, 4096));
        ssize_t n = read(fd, text.data() + size, text.size() - size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            *error = errno;
            close(fd);
            text.resize(size);
            return false;
        }
        if (n == 0) break;
        size += static_cast<std::size_t>(n);
    }
    text.resize(size);
    close(fd);
    drop_nul_bytes(text, 0);
    return true;
}

}  // namespace vsh
