// getopts: grouped options, option-arguments, silent mode, the end of options, and resets.
// Expected values follow dash for OPTIND and POSIX for OPTARG (unset when there is none).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "test_shell.hpp"
#include "tests/unit/test_builtins_util.hpp"

using vsh::testing::run_builtin;

namespace {

std::string var(vsh::Shell& sh, const char* name) {
    const std::string* v = sh.vars.get(name);
    return v ? *v : "unset";
}

// Calls getopts until it returns non-zero; records "name OPTARG OPTIND" after each call.
std::vector<std::string> scan(vsh::Shell& sh, std::initializer_list<std::string> words,
                              std::string* errors = nullptr) {
    std::vector<std::string> seen;
    for (int guard = 0; guard < 20; ++guard) {
        auto r = run_builtin(sh, vsh::builtin_getopts, words);
        if (errors) *errors += r.err;
        seen.push_back((r.status == 0 ? "" : "end ") + var(sh, "o") + " " + var(sh, "OPTARG") +
                       " " + var(sh, "OPTIND"));
        if (r.status != 0) break;
    }
    return seen;
}

void fresh(vsh::Shell& sh) {
    (void)sh.vars.unset("OPTIND");
    (void)sh.vars.unset("OPTARG");
    sh.getopts = vsh::GetoptsPosition{};
}

}  // namespace

TEST_CASE("getopts walks options, groups and option-arguments", "[builtins][getopts]") {
    TestShell sh;
    fresh(sh);
    std::string errors;
    auto seen =
        scan(sh, {"getopts", "ab:c", "o", "-a", "-b", "x", "-cbY", "-d", "--", "e"}, &errors);
    std::vector<std::string> expected = {"a unset 2", "b x 4",     "c unset 5",
                                         "b Y 5",     "? unset 6", "end ? unset 7"};
    CHECK(seen == expected);
    CHECK(errors.find("getopts: illegal option -- d") != std::string::npos);
}

TEST_CASE("getopts silent mode reports through OPTARG", "[builtins][getopts]") {
    TestShell sh;
    fresh(sh);
    std::string errors;
    auto seen = scan(sh, {"getopts", ":ab:", "o", "-a", "-d", "-b"}, &errors);
    std::vector<std::string> expected = {"a unset 2", "? d 3", ": b 4", "end ? unset 4"};
    CHECK(seen == expected);
    CHECK(errors.empty());
}

TEST_CASE("getopts reports a missing option-argument", "[builtins][getopts]") {
    TestShell sh;
    fresh(sh);
    std::string errors;
    auto seen = scan(sh, {"getopts", "ab:", "o", "-b"}, &errors);
    std::vector<std::string> expected = {"? unset 2", "end ? unset 2"};
    CHECK(seen == expected);
    CHECK(errors.find("option requires an argument -- b") != std::string::npos);
}

TEST_CASE("getopts stops at operands, a lone -, and --", "[builtins][getopts]") {
    TestShell sh;
    fresh(sh);
    CHECK(scan(sh, {"getopts", "a", "o", "x", "-a"}) == std::vector<std::string>{"end ? unset 1"});
    fresh(sh);
    CHECK(scan(sh, {"getopts", "a", "o", "-", "x"}) == std::vector<std::string>{"end ? unset 1"});
    fresh(sh);
    CHECK(scan(sh, {"getopts", "a", "o", "--", "-a"}) == std::vector<std::string>{"end ? unset 2"});
}

TEST_CASE("getopts uses the positional parameters without operands", "[builtins][getopts]") {
    TestShell sh;
    fresh(sh);
    sh.positional = {"-ab", "c"};
    std::vector<std::string> expected = {"a unset 2", "b unset 2", "end ? unset 2"};
    CHECK(scan(sh, {"getopts", "ab", "o"}) == expected);
}

TEST_CASE("assigning OPTIND starts a new scan", "[builtins][getopts]") {
    TestShell sh;
    fresh(sh);
    REQUIRE(run_builtin(sh, vsh::builtin_getopts, {"getopts", "ab", "o", "-ab"}).status == 0);
    CHECK(var(sh, "o") == "a");
    // The script resets OPTIND in the middle of the group: the hook (or the changed value)
    // drops the remembered position.
    REQUIRE(sh.vars.set("OPTIND", "1"));
    REQUIRE(run_builtin(sh, vsh::builtin_getopts, {"getopts", "ab", "o", "-ba"}).status == 0);
    CHECK(var(sh, "o") == "b");
    // Without the hook, a changed value is enough.
    REQUIRE(run_builtin(sh, vsh::builtin_getopts, {"getopts", "ab", "o", "-ab"}).status == 0);
    REQUIRE(sh.vars.set("OPTIND", "1"));
    REQUIRE(run_builtin(sh, vsh::builtin_getopts, {"getopts", "ab", "o", "-ba"}).status == 0);
    CHECK(var(sh, "o") == "b");
}

TEST_CASE("getopts errors", "[builtins][getopts]") {
    TestShell sh;
    fresh(sh);
    CHECK(run_builtin(sh, vsh::builtin_getopts, {"getopts"}).status == 2);
    CHECK(run_builtin(sh, vsh::builtin_getopts, {"getopts", "a", "1x", "-a"}).status == 2);
    sh.vars.set_readonly("o");
    auto r = run_builtin(sh, vsh::builtin_getopts, {"getopts", "a", "o", "-a"});
    CHECK(r.status == 2);
    CHECK(r.err.find("read only") != std::string::npos);
}
