// The `backend` builtin: query, switch (and export VSH_BACKEND), list, and its errors.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "backends/backend.hpp"
#include "builtins/declarations.hpp"
#include "shell/core/shell.hpp"
#include "test_shell.hpp"

namespace {

struct BuiltinRun {
    int status = -1;
    std::string out;
    std::string err;
};

BuiltinRun run_backend(vsh::Shell& sh, std::vector<std::string> argv) {
    argv.insert(argv.begin(), "backend");
    BuiltinRun run;
    sh.out.set_capture(&run.out);
    sh.err.set_capture(&run.err);
    run.status = vsh::builtin_backend(sh, argv);
    sh.out.flush();
    sh.err.flush();
    sh.out.set_capture(nullptr);
    sh.err.set_capture(nullptr);
    return run;
}

}  // namespace

TEST_CASE("backend builtin: query and switch", "[backend][builtin]") {
    TestShell sh;
    CHECK(run_backend(sh, {}).out == "auto\n");

    BuiltinRun switched = run_backend(sh, {"vfork"});
    CHECK(switched.status == 0);
    CHECK(switched.out.empty());
    REQUIRE(sh.backend != nullptr);
    CHECK(sh.backend->name() == "vfork");
    CHECK(run_backend(sh, {}).out == "vfork\n");
    // Child shells inherit the choice through the environment.
    const vsh::Variable* exported = sh.vars.find("VSH_BACKEND");
    REQUIRE(exported != nullptr);
    CHECK(exported->value == "vfork");
    CHECK(exported->exported);

    CHECK(run_backend(sh, {"auto"}).status == 0);
    CHECK(sh.backend == nullptr);
    CHECK(run_backend(sh, {}).out == "auto\n");
    CHECK(*sh.vars.get("VSH_BACKEND") == "auto");
}

TEST_CASE("backend builtin: every name is accepted", "[backend][builtin]") {
    TestShell sh;
    for (vsh::backends::Backend* backend : vsh::backends::all_backends()) {
        std::string name(backend->name());
        CHECK(run_backend(sh, {name}).status == 0);
        CHECK(sh.backend == backend);
        CHECK(run_backend(sh, {}).out == name + "\n");
    }
}

TEST_CASE("backend builtin: -l lists all, marks the current one", "[backend][builtin]") {
    TestShell sh;
    REQUIRE(run_backend(sh, {"clone"}).status == 0);
    BuiltinRun listed = run_backend(sh, {"-l"});
    CHECK(listed.status == 0);
    for (const char* name : {"auto", "fork", "vfork", "clone", "posix_spawn"})
        CHECK(listed.out.find(std::string(name) + " ") != std::string::npos);
    CHECK(listed.out.find("* clone") != std::string::npos);
    CHECK(listed.out.find("* auto") == std::string::npos);
    CHECK(listed.out.find("unsupported") == std::string::npos);
    CHECK(listed.out.find("supported") != std::string::npos);
}

TEST_CASE("backend builtin: errors", "[backend][builtin]") {
    TestShell sh;
    REQUIRE(run_backend(sh, {"fork"}).status == 0);
    BuiltinRun unknown = run_backend(sh, {"x"});
    CHECK(unknown.status == 2);
    CHECK(unknown.out.empty());
    CHECK(unknown.err.find("backend: unknown backend \"x\" (valid: auto, fork, vfork, clone, "
                           "posix_spawn)") != std::string::npos);
    // A failed switch changes nothing.
    CHECK(sh.backend->name() == "fork");
    CHECK(run_backend(sh, {"-z"}).status == 2);
    CHECK(run_backend(sh, {"fork", "vfork"}).status == 2);
}
