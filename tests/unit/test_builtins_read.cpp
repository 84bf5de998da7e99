// read: splitting by IFS, backslashes, -r, -d, end of file, and leaving the rest of the input
// for the next reader whether standard input is a pipe or a file.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "shell/core/trap_actions.hpp"
#include "shell/traps/traps.hpp"
#include "test_shell.hpp"
#include "tests/unit/test_builtins_util.hpp"

using vsh::testing::run_builtin;

namespace {

enum class InputKind { Pipe, File };

// Puts `text` on fd 0 (through a pipe or a temporary file) for the lifetime of the object.
struct StandardInput {
    int saved = dup(0);
    std::string path;
    StandardInput(const std::string& text, InputKind kind) {
        int fd;
        if (kind == InputKind::Pipe) {
            int fds[2];
            REQUIRE(pipe(fds) == 0);
            REQUIRE(write(fds[1], text.data(), text.size()) == static_cast<ssize_t>(text.size()));
            close(fds[1]);
            fd = fds[0];
        } else {
            char name[] = "/tmp/vsh-read-XXXXXX";
            fd = mkstemp(name);
            REQUIRE(fd >= 0);
            path = name;
            REQUIRE(write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
            lseek(fd, 0, SEEK_SET);
        }
        dup2(fd, 0);
        close(fd);
    }
    ~StandardInput() {
        dup2(saved, 0);
        close(saved);
        if (!path.empty()) unlink(path.c_str());
    }
    // What is left on fd 0, as the next command would see it.
    std::string rest() {
        std::string text;
        char buffer[256];
        ssize_t n;
        while ((n = ::read(0, buffer, sizeof buffer)) > 0)
            text.append(buffer, static_cast<std::size_t>(n));
        return text;
    }
};

std::string var(vsh::Shell& sh, const char* name) {
    const std::string* v = sh.vars.get(name);
    return v ? "[" + *v + "]" : "unset";
}

// Runs `read words...` on `input`; returns "[a][b]... status".
std::string read_result(std::initializer_list<std::string> words, const std::string& input,
                        const char* ifs = nullptr) {
    TestShell sh;
    if (ifs)
        REQUIRE(sh.vars.set("IFS", ifs));
    else
        (void)sh.vars.unset("IFS");
    StandardInput in(input, InputKind::Pipe);
    auto r = run_builtin(sh, vsh::builtin_read, words);
    std::string result;
    for (auto it = words.begin() + 1; it != words.end(); ++it) {
        if (it->starts_with("-")) continue;
        if (it != words.begin() + 1 && *(it - 1) == "-d") continue;
        result += var(sh, it->c_str());
    }
    return result + " " + std::to_string(r.status);
}

}  // namespace

TEST_CASE("read splits on default IFS, the last name taking the rest", "[builtins][read]") {
    CHECK(read_result({"read", "a", "b"}, "  x  y  z  \n") == "[x][y  z] 0");
    CHECK(read_result({"read", "a"}, "  x  y  \n") == "[x  y] 0");
    CHECK(read_result({"read", "a", "b", "c"}, "x\n") == "[x][][] 0");
}

TEST_CASE("read handles backslashes unless -r", "[builtins][read]") {
    CHECK(read_result({"read", "a", "b"}, "x\\\ny z\n") == "[xy][z] 0");
    CHECK(read_result({"read", "a", "b"}, "x\\ y z\n") == "[x y][z] 0");
    CHECK(read_result({"read", "-r", "a", "b"}, "x\\ y z\n") == "[x\\][y z] 0");
    CHECK(read_result({"read", "a", "b"}, "x \\\\ y\n") == "[x][\\ y] 0");
    CHECK(read_result({"read", "a", "b"}, "x\\\n") == "[x][] 1");
}

TEST_CASE("read with non-white-space IFS characters", "[builtins][read]") {
    CHECK(read_result({"read", "a", "b", "c"}, "x::y:z:\n", ":") == "[x][][y:z:] 0");
    CHECK(read_result({"read", "a", "b", "c"}, " x : y z : \n", ": ") == "[x][y][z] 0");
    CHECK(read_result({"read", "a", "b"}, "x:y:\n", ":") == "[x][y] 0");
    CHECK(read_result({"read", "a", "b"}, "x:y::\n", ":") == "[x][y::] 0");
    CHECK(read_result({"read", "a", "b"}, "x:\n", ":") == "[x][] 0");
    CHECK(read_result({"read", "a", "b"}, " x y \n", "") == "[ x y ][] 0");
}

TEST_CASE("read at end of file assigns what it read and returns 1", "[builtins][read]") {
    CHECK(read_result({"read", "a"}, "abc") == "[abc] 1");
    CHECK(read_result({"read", "a", "b"}, "") == "[][] 1");
}

TEST_CASE("read -d uses another delimiter; -d '' means NUL", "[builtins][read]") {
    CHECK(read_result({"read", "-d", ",", "a"}, "x y,z\n") == "[x y] 0");
    CHECK(read_result({"read", "-d", "", "a"}, std::string("p\nq\0r", 5)) == "[p\nq] 0");
    CHECK(read_result({"read", "-d", "", "a"}, "x\ny") == "[x\ny] 1");
}

TEST_CASE("read without names fills REPLY unsplit", "[builtins][read]") {
    TestShell sh;
    StandardInput in(" ab \n", InputKind::Pipe);
    CHECK(run_builtin(sh, vsh::builtin_read, {"read"}).status == 0);
    CHECK(var(sh, "REPLY") == "[ ab ]");
}

TEST_CASE("read leaves the rest of the input unread", "[builtins][read]") {
    for (InputKind kind : {InputKind::Pipe, InputKind::File}) {
        TestShell sh;
        StandardInput in("one\ntwo\nthree\n", kind);
        CHECK(run_builtin(sh, vsh::builtin_read, {"read", "a"}).status == 0);
        CHECK(var(sh, "a") == "[one]");
        CHECK(in.rest() == "two\nthree\n");
    }
}

TEST_CASE("read errors", "[builtins][read]") {
    TestShell sh;
    StandardInput in("x\n", InputKind::Pipe);
    auto r = run_builtin(sh, vsh::builtin_read, {"read", "1a"});
    CHECK(r.status == 2);
    CHECK(r.err.find("1a: bad variable name") != std::string::npos);
    CHECK(run_builtin(sh, vsh::builtin_read, {"read", "-x", "a"}).status == 2);
    sh.vars.set_readonly("a");
    CHECK(run_builtin(sh, vsh::builtin_read, {"read", "a"}).status == 2);
}

TEST_CASE("read interrupted by a trapped signal returns 128 + the signal", "[builtins][read]") {
    TestShell sh;
    vsh::TrapTable traps;
    REQUIRE(traps.set(SIGALRM, vsh::TrapKind::Command, ":"));
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    int saved = dup(0);
    dup2(fds[0], 0);
    close(fds[0]);
    // The write end stays open, so only the signal can end the read.
    alarm(1);
    auto r = run_builtin(sh, vsh::builtin_read, {"read", "a"});
    CHECK(r.status == 128 + SIGALRM);
    CHECK(vsh::TrapTable::first_pending_signal() == SIGALRM);
    vsh::run_pending_traps(sh);
    REQUIRE(traps.set(SIGALRM, vsh::TrapKind::Default, ""));
    dup2(saved, 0);
    close(saved);
    close(fds[1]);
}
