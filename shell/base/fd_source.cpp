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

bool FdSource::hand_out(std::string& buffer, bool& complete) {
    if (handed_ >= ahead_.size()) return false;
    const char* begin = ahead_.data() + handed_;
    const std::size_t left = ahead_.size() - handed_;
    const auto* nl = static_cast<const char*>(std::memchr(begin, '\n', left));
    const std::size_t count = nl == nullptr ? left : static_cast<std::size_t>(nl - begin) + 1;
    buffer.append(begin, count);
    handed_ += count;
    complete = nl != nullptr;
    return true;
}

void FdSource::release_lookahead() {
    if (kind_ == Kind::Seekable && handed_ < ahead_.size()) {
        lseek(fd_, -static_cast<off_t>(ahead_.size() - handed_), SEEK_CUR);
    } else if (kind_ == Kind::Pipe) {
        (void)take_handed_out();
    }
    ahead_.clear();
    handed_ = 0;
}

// A block at a time; release_lookahead() seeks back over what was not handed out.
bool FdSource::read_seekable(std::string& buffer) {
    for (;;) {
        bool complete = false;
        if (hand_out(buffer, complete)) {
            if (complete) return true;
            continue;  // The block ended inside the line: the next block has the rest.
        }
        ahead_.clear();
        handed_ = 0;
        char chunk[4096];
        ssize_t n = read(fd_, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            eof_ = true;
            return false;
        }
        ahead_.assign(chunk, static_cast<std::size_t>(n));
    }
}

bool FdSource::take_handed_out() {
    // The pipe starts with ahead_'s bytes (nobody read it since they were copied), so the
    // read fills ahead_ with what it already holds.
    std::size_t got = 0;
    while (got < handed_) {
        ssize_t n = read(fd_, ahead_.data() + got, handed_ - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    ahead_.erase(0, handed_);
    handed_ = 0;
    return got > 0;
}

bool FdSource::read_pipe(std::string& buffer) {
    for (;;) {
        bool complete = false;
        if (hand_out(buffer, complete)) {
            if (complete) return true;
            continue;  // The copy ended inside the line: take it, and wait for the rest.
        }
        // All of the copy is handed out: take it from the pipe, then copy what follows.
        take_handed_out();
        char chunk[16384];
        ssize_t n = peek_pipe(fd_, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EINVAL) {
            kind_ = Kind::Bytes;  // Not a pipe after all (a terminal, a socket).
            return read_bytes(buffer);
        }
        if (n <= 0) {
            eof_ = true;
            return false;
        }
        ahead_.assign(chunk, static_cast<std::size_t>(n));
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
