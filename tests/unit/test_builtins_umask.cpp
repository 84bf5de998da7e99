// umask: octal and symbolic forms, compared with what dash and bash print.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "test_shell.hpp"
#include "tests/unit/test_builtins_util.hpp"

using vsh::testing::run_builtin;

namespace {

// Restores the test process's mask whatever a case does to it.
struct SavedMask {
    mode_t mask = umask(022);
    ~SavedMask() { umask(mask); }
};

std::string mask_after(vsh::Shell& sh, const std::string& start, const std::string& change) {
    REQUIRE(run_builtin(sh, vsh::builtin_umask, {"umask", start}).status == 0);
    auto r = run_builtin(sh, vsh::builtin_umask, {"umask", change});
    REQUIRE(r.status == 0);
    return run_builtin(sh, vsh::builtin_umask, {"umask"}).out;
}

}  // namespace

TEST_CASE("umask prints the mask in octal and symbolically", "[builtins][umask]") {
    SavedMask saved;
    TestShell sh;
    CHECK(run_builtin(sh, vsh::builtin_umask, {"umask"}).out == "0022\n");
    CHECK(run_builtin(sh, vsh::builtin_umask, {"umask", "-S"}).out == "u=rwx,g=rx,o=rx\n");
    REQUIRE(run_builtin(sh, vsh::builtin_umask, {"umask", "0777"}).status == 0);
    CHECK(run_builtin(sh, vsh::builtin_umask, {"umask", "-S"}).out == "u=,g=,o=\n");
    // Bits above 0777 are accepted and dropped (dash, bash).
    REQUIRE(run_builtin(sh, vsh::builtin_umask, {"umask", "1777"}).status == 0);
    CHECK(run_builtin(sh, vsh::builtin_umask, {"umask"}).out == "0777\n");
}

TEST_CASE("umask symbolic modes act on the permissions the mask leaves", "[builtins][umask]") {
    SavedMask saved;
    TestShell sh;
    CHECK(mask_after(sh, "022", "u=rwx,g=rx,o=") == "0027\n");
    CHECK(mask_after(sh, "077", "g+r") == "0037\n");
    CHECK(mask_after(sh, "000", "a-w") == "0222\n");
    CHECK(mask_after(sh, "0777", "+x") == "0666\n");
    CHECK(mask_after(sh, "022", "u=g") == "0222\n");
    CHECK(mask_after(sh, "027", "o=X") == "0026\n");
    CHECK(mask_after(sh, "022", "g=rw,+x") == "0002\n");
    CHECK(mask_after(sh, "022", "=") == "0777\n");
    CHECK(mask_after(sh, "022", "go-rx+w") == "0055\n");
}

TEST_CASE("umask rejects bad masks and options", "[builtins][umask]") {
    SavedMask saved;
    TestShell sh;
    auto r = run_builtin(sh, vsh::builtin_umask, {"umask", "8"});
    CHECK(r.status == 1);
    CHECK(r.err.find("umask: Illegal number: 8") != std::string::npos);
    r = run_builtin(sh, vsh::builtin_umask, {"umask", "abc"});
    CHECK(r.status == 1);
    CHECK(r.err.find("umask: Illegal mode: abc") != std::string::npos);
    CHECK(run_builtin(sh, vsh::builtin_umask, {"umask", "u+q"}).status == 1);
    CHECK(run_builtin(sh, vsh::builtin_umask, {"umask", "-x"}).status == 2);
    CHECK(run_builtin(sh, vsh::builtin_umask, {"umask"}).out == "0022\n");
}
