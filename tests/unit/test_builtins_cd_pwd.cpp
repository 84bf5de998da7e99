// cd and pwd: logical paths through symbolic links, CDPATH, cd -, and the error cases.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <string>

#include "test_shell.hpp"
#include "tests/unit/test_builtins_util.hpp"

using vsh::testing::run_builtin;

namespace {

// A scratch tree: DIR/real/sub, DIR/link -> real; the working directory is restored after.
struct ScratchTree {
    std::string dir;
    std::string saved_cwd;
    ScratchTree() {
        char buffer[PATH_MAX];
        saved_cwd = getcwd(buffer, sizeof buffer);
        char dir_template[] = "/tmp/vsh-cd-XXXXXX";
        REQUIRE(mkdtemp(dir_template) != nullptr);
        // mkdtemp's result may itself go through a link (/tmp rarely does); use the real path.
        dir = realpath(dir_template, buffer);
        REQUIRE(mkdir((dir + "/real").c_str(), 0755) == 0);
        REQUIRE(mkdir((dir + "/real/sub").c_str(), 0755) == 0);
        REQUIRE(symlink("real", (dir + "/link").c_str()) == 0);
        REQUIRE(close(creat((dir + "/file").c_str(), 0644)) == 0);
    }
    ~ScratchTree() {
        REQUIRE(chdir(saved_cwd.c_str()) == 0);
        unlink((dir + "/file").c_str());
        unlink((dir + "/link").c_str());
        rmdir((dir + "/real/sub").c_str());
        rmdir((dir + "/real").c_str());
        rmdir(dir.c_str());
    }
};

// The real Shell may import the environment; these tests start from a known state.
void forget_cd_variables(vsh::Shell& sh) {
    for (const char* name : {"HOME", "OLDPWD", "PWD", "CDPATH"}) (void)sh.vars.unset(name);
}

std::string var(vsh::Shell& sh, const char* name) {
    const std::string* v = sh.vars.get(name);
    return v ? *v : "<unset>";
}

}  // namespace

TEST_CASE("cd -L keeps the path as typed through symbolic links", "[builtins][cd]") {
    ScratchTree tree;
    TestShell sh;
    forget_cd_variables(sh);
    REQUIRE(run_builtin(sh, vsh::builtin_cd, {"cd", tree.dir}).status == 0);
    CHECK(var(sh, "PWD") == tree.dir);
    REQUIRE(run_builtin(sh, vsh::builtin_cd, {"cd", "link/sub"}).status == 0);
    CHECK(var(sh, "PWD") == tree.dir + "/link/sub");
    CHECK(var(sh, "OLDPWD") == tree.dir);
    CHECK(run_builtin(sh, vsh::builtin_pwd, {"pwd"}).out == tree.dir + "/link/sub\n");
    CHECK(run_builtin(sh, vsh::builtin_pwd, {"pwd", "-P"}).out == tree.dir + "/real/sub\n");
    // ".." removes the last component of the logical path, so we are back in DIR/link.
    REQUIRE(run_builtin(sh, vsh::builtin_cd, {"cd", ".."}).status == 0);
    CHECK(var(sh, "PWD") == tree.dir + "/link");
    REQUIRE(run_builtin(sh, vsh::builtin_cd, {"cd", "-P", "."}).status == 0);
    CHECK(var(sh, "PWD") == tree.dir + "/real");
}

TEST_CASE("cd canonicalises . and .. and extra slashes", "[builtins][cd]") {
    ScratchTree tree;
    TestShell sh;
    forget_cd_variables(sh);
    REQUIRE(run_builtin(sh, vsh::builtin_cd, {"cd", tree.dir + "//real/./sub/../"}).status == 0);
    CHECK(var(sh, "PWD") == tree.dir + "/real");
    REQUIRE(run_builtin(sh, vsh::builtin_cd, {"cd", "/../.."}).status == 0);
    CHECK(var(sh, "PWD") == "/");
    // A ".." after a component that is not a directory is an error (cd step 8), even
    // though the whole path would resolve textually.
    auto r = run_builtin(sh, vsh::builtin_cd, {"cd", tree.dir + "/missing/../real"});
    CHECK(r.status == 2);
    CHECK(r.err.find("can't cd to") != std::string::npos);
    CHECK(var(sh, "PWD") == "/");
}

TEST_CASE("cd - goes to OLDPWD and prints it", "[builtins][cd]") {
    ScratchTree tree;
    TestShell sh;
    forget_cd_variables(sh);
    REQUIRE(run_builtin(sh, vsh::builtin_cd, {"cd", tree.dir}).status == 0);
    REQUIRE(run_builtin(sh, vsh::builtin_cd, {"cd", "real"}).status == 0);
    auto r = run_builtin(sh, vsh::builtin_cd, {"cd", "-"});
    CHECK(r.status == 0);
    CHECK(r.out == tree.dir + "\n");
    CHECK(var(sh, "OLDPWD") == tree.dir + "/real");
}

TEST_CASE("cd searches CDPATH and prints the directory found", "[builtins][cd]") {
    ScratchTree tree;
    TestShell sh;
    forget_cd_variables(sh);
    REQUIRE(run_builtin(sh, vsh::builtin_cd, {"cd", "/"}).status == 0);
    REQUIRE(sh.vars.set("CDPATH", "/nonexistent:" + tree.dir + "/real"));
    auto r = run_builtin(sh, vsh::builtin_cd, {"cd", "sub"});
    CHECK(r.status == 0);
    CHECK(r.out == tree.dir + "/real/sub\n");
    // An empty entry is the current directory, and finding the name there prints nothing.
    REQUIRE(sh.vars.set("CDPATH", ":" + tree.dir));
    REQUIRE(run_builtin(sh, vsh::builtin_cd, {"cd", tree.dir + "/real"}).status == 0);
    r = run_builtin(sh, vsh::builtin_cd, {"cd", "sub"});
    CHECK(r.out.empty());
    CHECK(var(sh, "PWD") == tree.dir + "/real/sub");
    // Paths starting with . or .. never consult CDPATH.
    REQUIRE(sh.vars.set("CDPATH", tree.dir));
    CHECK(run_builtin(sh, vsh::builtin_cd, {"cd", "./real"}).status == 2);
}

TEST_CASE("cd errors", "[builtins][cd]") {
    ScratchTree tree;
    TestShell sh;
    forget_cd_variables(sh);
    auto r = run_builtin(sh, vsh::builtin_cd, {"cd", "/nonexistent"});
    CHECK(r.status == 2);  // 1 is cd -P -e's (POSIX.1-2024).
    CHECK(r.err.find("cd: can't cd to /nonexistent") != std::string::npos);
    CHECK(run_builtin(sh, vsh::builtin_cd, {"cd", tree.dir + "/file"}).status == 2);
    CHECK(run_builtin(sh, vsh::builtin_cd, {"cd", ""}).status == 2);
    CHECK(run_builtin(sh, vsh::builtin_cd, {"cd", "-x"}).status == 2);
    CHECK(run_builtin(sh, vsh::builtin_cd, {"cd", "a", "b"}).status == 2);
    CHECK(run_builtin(sh, vsh::builtin_cd, {"cd", "-"}).status == 2);  // No OLDPWD yet.
    CHECK(run_builtin(sh, vsh::builtin_cd, {"cd"}).status == 2);       // No HOME.
    REQUIRE(sh.vars.set("HOME", tree.dir));
    CHECK(run_builtin(sh, vsh::builtin_cd, {"cd"}).status == 0);
    CHECK(var(sh, "PWD") == tree.dir);
}

TEST_CASE("pwd -L falls back to the physical path when PWD is wrong", "[builtins][pwd]") {
    ScratchTree tree;
    TestShell sh;
    forget_cd_variables(sh);
    REQUIRE(run_builtin(sh, vsh::builtin_cd, {"cd", tree.dir + "/link"}).status == 0);
    CHECK(run_builtin(sh, vsh::builtin_pwd, {"pwd", "-L"}).out == tree.dir + "/link\n");
    REQUIRE(sh.vars.set("PWD", "/"));
    CHECK(run_builtin(sh, vsh::builtin_pwd, {"pwd"}).out == tree.dir + "/real\n");
    REQUIRE(sh.vars.set("PWD", tree.dir + "/link/../link"));
    CHECK(run_builtin(sh, vsh::builtin_pwd, {"pwd"}).out == tree.dir + "/real\n");
    CHECK(run_builtin(sh, vsh::builtin_pwd, {"pwd", "x"}).status == 2);
}
