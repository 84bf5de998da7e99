// read_pipe_through: a line from a pipe in a few system calls, and nothing after it.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>

#include "shell/base/pipe_peek.hpp"

using vsh::read_pipe_through;

namespace {

// A pipe holding `text`, its write end closed unless the caller keeps it.
struct FilledPipe {
    int read_end = -1;
    int write_end = -1;
    explicit FilledPipe(const std::string& text) {
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        read_end = fds[0];
        write_end = fds[1];
        REQUIRE(write(write_end, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    }
    void close_write_end() {
        close(write_end);
        write_end = -1;
    }
    ~FilledPipe() {
        close(read_end);
        if (write_end >= 0) close(write_end);
    }
    std::string read_through(char delimiter, std::size_t size = 4096) {
        std::string buffer(size, '?');
        ssize_t n = read_pipe_through(read_end, buffer.data(), buffer.size(), delimiter);
        REQUIRE(n >= 0);
        buffer.resize(static_cast<std::size_t>(n));
        return buffer;
    }
    std::string rest() {
        close_write_end();
        std::string text;
        char chunk[256];
        ssize_t n;
        while ((n = read(read_end, chunk, sizeof chunk)) > 0)
            text.append(chunk, static_cast<std::size_t>(n));
        return text;
    }
};

}  // namespace

TEST_CASE("read_pipe_through takes one line and leaves the rest in the pipe", "[pipe_peek]") {
    FilledPipe pipe("one\ntwo\nthree\n");
    CHECK(pipe.read_through('\n') == "one\n");
    CHECK(pipe.read_through('\n') == "two\n");
    CHECK(pipe.rest() == "three\n");
}

TEST_CASE("read_pipe_through stops at any delimiter, NUL included", "[pipe_peek]") {
    FilledPipe pipe(std::string("a,b\0c\n", 6));
    CHECK(pipe.read_through(',') == "a,");
    CHECK(pipe.read_through('\0') == std::string("b\0", 2));
    CHECK(pipe.rest() == "c\n");
}

TEST_CASE("read_pipe_through hands a long line out in pieces of at most size", "[pipe_peek]") {
    FilledPipe pipe(std::string(10000, 'x') + "\nnext\n");
    std::string line;
    while (line.empty() || line.back() != '\n') {
        std::string piece = pipe.read_through('\n', 3000);
        REQUIRE(!piece.empty());
        CHECK(piece.size() <= 3000);
        line += piece;
    }
    CHECK(line == std::string(10000, 'x') + "\n");
    CHECK(pipe.rest() == "next\n");
}

TEST_CASE("read_pipe_through returns what is there when the delimiter has not come yet",
          "[pipe_peek]") {
    FilledPipe pipe("partial");
    CHECK(pipe.read_through('\n') == "partial");
    REQUIRE(write(pipe.write_end, "ly\nafter\n", 9) == 9);
    CHECK(pipe.read_through('\n') == "ly\n");
    CHECK(pipe.rest() == "after\n");
}

TEST_CASE("read_pipe_through returns 0 at end of file", "[pipe_peek]") {
    FilledPipe pipe("last");
    pipe.close_write_end();
    CHECK(pipe.read_through('\n') == "last");
    CHECK(pipe.read_through('\n').empty());
}

TEST_CASE("read_pipe_through refuses a file that is not a pipe and reads nothing", "[pipe_peek]") {
    char name[] = "/tmp/vsh-peek-XXXXXX";
    int fd = mkstemp(name);
    REQUIRE(fd >= 0);
    unlink(name);
    REQUIRE(write(fd, "abc\n", 4) == 4);
    REQUIRE(lseek(fd, 0, SEEK_SET) == 0);
    char buffer[16];
    errno = 0;
    CHECK(read_pipe_through(fd, buffer, sizeof buffer, '\n') == -1);
    CHECK(errno == EINVAL);
    CHECK(lseek(fd, 0, SEEK_CUR) == 0);
    close(fd);
}

TEST_CASE("read_pipe_through works again after forgetting the private pipe", "[pipe_peek]") {
    FilledPipe pipe("one\ntwo\n");
    CHECK(pipe.read_through('\n') == "one\n");
    vsh::forget_pipe_peek_after_fork();
    CHECK(pipe.read_through('\n') == "two\n");
}

namespace {
// Which of the descriptors a script can name with one digit are open.
std::string open_low_descriptors() {
    std::string open;
    for (int fd = 0; fd < 10; ++fd) open += fcntl(fd, F_GETFD) >= 0 ? '1' : '0';
    return open;
}
}  // namespace

TEST_CASE("the private pipe takes none of the descriptors 0 to 9", "[pipe_peek]") {
    vsh::forget_pipe_peek_after_fork();
    FilledPipe pipe("x\n");
    const std::string before = open_low_descriptors();
    CHECK(pipe.read_through('\n') == "x\n");
    CHECK(open_low_descriptors() == before);
}
