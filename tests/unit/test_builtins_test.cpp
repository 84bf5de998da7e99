// test and [: the argument-count rules, the general parser, and the primaries. Expected
// statuses were checked against dash and bash.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "test_shell.hpp"
#include "tests/unit/test_builtins_util.hpp"

using vsh::testing::run_builtin;

namespace {

int test_status(std::initializer_list<std::string> words) {
    TestShell sh;
    return run_builtin(sh, vsh::builtin_test, words).status;
}

}  // namespace

TEST_CASE("test: zero to four arguments follow POSIX's counting rules", "[builtins][test]") {
    CHECK(test_status({"test"}) == 1);
    CHECK(test_status({"test", ""}) == 1);
    CHECK(test_status({"test", "-z"}) == 0);  // One argument: a non-empty string.
    CHECK(test_status({"test", "!", "-z"}) == 1);
    CHECK(test_status({"test", "!", ""}) == 0);
    CHECK(test_status({"test", "-n", ""}) == 1);
    CHECK(test_status({"test", "=", "=", "="}) == 0);
    CHECK(test_status({"test", "-n", "=", "-n"}) == 0);
    CHECK(test_status({"test", "!", "=", "a"}) == 1);
    CHECK(test_status({"test", "(", "a", ")"}) == 0);
    CHECK(test_status({"test", "(", "=", ")"}) == 1);
    CHECK(test_status({"test", "!", "a", "=", "a"}) == 1);
    CHECK(test_status({"test", "!", "(", "a", ")"}) == 1);
    CHECK(test_status({"test", "(", "-n", "", ")"}) == 1);
    CHECK(test_status({"test", "-z", "", "-a", "-z", ""}) == 0);
}

TEST_CASE("test: -a binds tighter than -o, with ! and parentheses", "[builtins][test]") {
    CHECK(test_status({"test", "a", "=", "b", "-o", "a", "=", "a"}) == 0);
    CHECK(test_status({"test", "", "-o", "", "-a", "a"}) == 1);
    CHECK(test_status({"test", "a", "-a", "b", "-o", ""}) == 0);
    CHECK(test_status({"test", "!", "!", "a"}) == 0);
    CHECK(test_status({"test", "(", "", ")", "-o", "a"}) == 0);
    CHECK(test_status({"test", "a", "-a", "(", "b", "-o", "", ")"}) == 0);
    CHECK(test_status({"test", "!", "-n", "a", "-a", "b"}) == 1);
    CHECK(test_status({"test", "-e", "/", "-a", "!", "-e", "/nonexistent/x"}) == 0);
}

TEST_CASE("test: syntax errors give status 2 with a message", "[builtins][test]") {
    TestShell sh;
    auto r = run_builtin(sh, vsh::builtin_test, {"test", "a", "b"});
    CHECK(r.status == 2);
    CHECK(r.err.find("unexpected operator") != std::string::npos);
    CHECK(test_status({"test", "(", "-n", "a"}) == 2);
    CHECK(test_status({"test", "1", "-eq", "1", "2"}) == 2);
    CHECK(test_status({"test", "x", "-eq"}) == 2);
    CHECK(test_status({"test", "a", "=", "b", "=", "c"}) == 2);
}

TEST_CASE("[ needs a closing ]", "[builtins][test]") {
    TestShell sh;
    CHECK(run_builtin(sh, vsh::builtin_test, {"[", "a", "=", "a", "]"}).status == 0);
    CHECK(run_builtin(sh, vsh::builtin_test, {"[", "]"}).status == 1);
    auto r = run_builtin(sh, vsh::builtin_test, {"[", "a"});
    CHECK(r.status == 2);
    CHECK(r.err.find("[: missing ]") != std::string::npos);
    CHECK(run_builtin(sh, vsh::builtin_test, {"test", "a", "]"}).status == 2);
}

TEST_CASE("test: strings and integers", "[builtins][test]") {
    CHECK(test_status({"test", "abc", "=", "abc"}) == 0);
    CHECK(test_status({"test", "abc", "!=", "abc"}) == 1);
    CHECK(test_status({"test", "a", "<", "b"}) == 0);
    CHECK(test_status({"test", "a", ">", "b"}) == 1);
    CHECK(test_status({"test", "10", "-gt", "9"}) == 0);  // Numeric, not string, order.
    CHECK(test_status({"test", "-1", "-lt", "0"}) == 0);
    CHECK(test_status({"test", " 1", "-eq", "+1 "}) == 0);
    CHECK(test_status({"test", "3", "-ge", "3"}) == 0);
    CHECK(test_status({"test", "3", "-le", "2"}) == 1);
    CHECK(test_status({"test", "3", "-ne", "2"}) == 0);
    TestShell sh;
    auto r = run_builtin(sh, vsh::builtin_test, {"test", "1", "-eq", "abc"});
    CHECK(r.status == 2);
    CHECK(r.err.find("Illegal number: abc") != std::string::npos);
    CHECK(test_status({"test", "99999999999999999999", "-gt", "1"}) == 2);
    CHECK(test_status({"test", "-t", "abc"}) == 2);
}

TEST_CASE("test: file primaries", "[builtins][test]") {
    char dir_template[] = "/tmp/vsh-test-XXXXXX";
    REQUIRE(mkdtemp(dir_template) != nullptr);
    std::string dir = dir_template;
    std::string empty = dir + "/empty", full = dir + "/full", link = dir + "/link",
                fifo = dir + "/fifo", missing = dir + "/missing";
    std::ofstream(empty).close();
    std::ofstream(full) << "data";
    REQUIRE(symlink("full", link.c_str()) == 0);
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    chmod(full.c_str(), 06755);

    CHECK(test_status({"test", "-e", empty}) == 0);
    CHECK(test_status({"test", "-e", missing}) == 1);
    CHECK(test_status({"test", "-f", empty}) == 0);
    CHECK(test_status({"test", "-f", dir}) == 1);
    CHECK(test_status({"test", "-d", dir}) == 0);
    CHECK(test_status({"test", "-s", empty}) == 1);
    CHECK(test_status({"test", "-s", full}) == 0);
    CHECK(test_status({"test", "-h", link}) == 0);
    CHECK(test_status({"test", "-L", full}) == 1);
    CHECK(test_status({"test", "-f", link}) == 0);  // Other tests follow the link.
    CHECK(test_status({"test", "-p", fifo}) == 0);
    CHECK(test_status({"test", "-u", full}) == 0);
    CHECK(test_status({"test", "-g", full}) == 0);
    CHECK(test_status({"test", "-u", empty}) == 1);
    CHECK(test_status({"test", "-x", full}) == 0);
    CHECK(test_status({"test", "-r", empty}) == 0);
    CHECK(test_status({"test", "-w", missing}) == 1);
    CHECK(test_status({"test", "-c", "/dev/null"}) == 0);
    CHECK(test_status({"test", "-b", "/dev/null"}) == 1);
    CHECK(test_status({"test", "-S", full}) == 1);
    CHECK(test_status({"test", "link", "-ef", "full"}) == 1);  // Relative to the cwd, not dir.
    CHECK(test_status({"test", link, "-ef", full}) == 0);
    CHECK(test_status({"test", empty, "-ef", full}) == 1);
    // A file that exists is newer than one that does not.
    CHECK(test_status({"test", empty, "-nt", missing}) == 0);
    CHECK(test_status({"test", missing, "-ot", empty}) == 0);
    CHECK(test_status({"test", missing, "-nt", empty}) == 1);
    struct timespec times[2] = {{1000, 0}, {1000, 0}};
    utimensat(AT_FDCWD, empty.c_str(), times, 0);
    CHECK(test_status({"test", full, "-nt", empty}) == 0);
    CHECK(test_status({"test", empty, "-ot", full}) == 0);

    for (const std::string& f : {empty, full, link, fifo}) unlink(f.c_str());
    rmdir(dir.c_str());
}
