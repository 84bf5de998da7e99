#include "shell/base/pipe_peek.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace vsh {
namespace {

// Descriptors of the private pipe: at or above this number, out of the script's way (the
// shell's other internal descriptors live there too), and closed on exec.
constexpr int kFirstPrivateFd = 10;
// Most that one tee(2) copies: a quarter of a pipe's default capacity, so the private pipe
// (empty before each copy) always has room; a longer line takes several rounds.
constexpr std::size_t kMostPerPeek = 16384;

struct PeekPipe {
    int read_end = -1;
    int write_end = -1;
    bool unusable = false;  // No pipe could be made, or tee(2) is not there: read bytes.
};

PeekPipe private_pipe;

void close_peek_pipe() {
    // Writes only when there is something to close: in a forked child, writing to the page
    // this lives on would copy it.
    if (private_pipe.read_end >= 0) {
        close(private_pipe.read_end);
        private_pipe.read_end = -1;
    }
    if (private_pipe.write_end >= 0) {
        close(private_pipe.write_end);
        private_pipe.write_end = -1;
    }
}

// The private pipe cannot be used any more (no tee(2), or it is in an unknown state).
ssize_t give_up_peeking() {
    close_peek_pipe();
    private_pipe.unusable = true;
    errno = EINVAL;
    return -1;
}

int move_out_of_the_way(int fd) {
    int moved = fcntl(fd, F_DUPFD_CLOEXEC, kFirstPrivateFd);
    close(fd);
    return moved;
}

bool have_peek_pipe() {
    if (private_pipe.unusable) return false;
    if (private_pipe.read_end >= 0) return true;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return false;  // EMFILE may pass: try again next time.
    private_pipe.read_end = move_out_of_the_way(fds[0]);
    private_pipe.write_end = move_out_of_the_way(fds[1]);
    if (private_pipe.read_end >= 0 && private_pipe.write_end >= 0) return true;
    close_peek_pipe();
    return false;
}

ssize_t cannot_peek() {
    errno = EINVAL;
    return -1;
}

// Takes the `count` bytes tee(2) just copied out of the private pipe, so it is empty again.
bool drain_copy(char* buffer, std::size_t count) {
    std::size_t got = 0;
    while (got < count) {
        ssize_t n = read(private_pipe.read_end, buffer + got, count - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        got += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

ssize_t peek_pipe(int fd, char* buffer, std::size_t size) {
    if (size == 0) return 0;
#if defined(__linux__)
    if (!have_peek_pipe()) return cannot_peek();
    // Blocks until the pipe holds something or has no writer left (then 0: end of file).
    ssize_t copied = tee(fd, private_pipe.write_end, size < kMostPerPeek ? size : kMostPerPeek, 0);
    if (copied < 0) {
        // EINVAL: fd is not a pipe (a terminal, a socket); ENOSYS: no tee(2) here (a
        // sandbox). read(2) reports the other errors (EINTR, EAGAIN, EBADF) as tee(2) does.
        if (errno == ENOSYS) return give_up_peeking();
        return errno == EINVAL ? cannot_peek() : -1;
    }
    if (copied == 0) return 0;
    if (!drain_copy(buffer, static_cast<std::size_t>(copied))) return give_up_peeking();
    return copied;
#else
    (void)fd, (void)buffer;
    return cannot_peek();
#endif
}

ssize_t read_pipe_through(int fd, char* buffer, std::size_t size, char delimiter) {
    ssize_t copied = peek_pipe(fd, buffer, size);
    if (copied <= 0) return copied;
    const std::size_t count = static_cast<std::size_t>(copied);
    const auto* found = static_cast<const char*>(std::memchr(buffer, delimiter, count));
    const std::size_t wanted =
        found == nullptr ? count : static_cast<std::size_t>(found - buffer) + 1;
    // The copy only measured the line; what we return is what read(2) really took.
    return read(fd, buffer, wanted);
}

void forget_pipe_peek_after_fork() {
    close_peek_pipe();
}

void release_pipe_peek_fd(int fd) {
    if (fd >= 0 && (fd == private_pipe.read_end || fd == private_pipe.write_end)) close_peek_pipe();
}

}  // namespace vsh
