// The bash-habit extensions (issue 12) that are easiest to pin from inside: usage errors and
// help from the builtin table, and RANDOM/SECONDS computed when read.
#include <catch2/catch.hpp>

#include <string>

#include "shell/vars/dynamic_values.hpp"
#include "test_shell.hpp"
#include "tests/unit/test_builtins_util.hpp"

using vsh::testing::run_builtin;

TEST_CASE("usage errors print the builtin table's synopsis", "[builtins][usage]") {
    TestShell sh;
    auto r = run_builtin(sh, vsh::builtin_printf, {"printf"});
    CHECK(r.status == 2);
    CHECK(r.err.find("usage: printf format [args]") != std::string::npos);
    r = run_builtin(sh, vsh::builtin_popd, {"popd", "x"});
    CHECK(r.status == 2);
    CHECK(r.err.find("usage: popd [+N | -N]") != std::string::npos);
}

TEST_CASE("help writes the table's line for each builtin matched", "[builtins][help]") {
    TestShell sh;
    auto r = run_builtin(sh, vsh::builtin_help, {"help", "wait", "ty*"});
    CHECK(r.status == 0);
    CHECK(r.out == "wait [pid|job...] | -n [pid|job...]\ntype [-a] [-t | -p | -P] name...\n");
    r = run_builtin(sh, vsh::builtin_help, {"help", "no-such"});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
}

TEST_CASE("RANDOM: a seed gives a repeatable sequence in 0..32767", "[vars][random]") {
    vsh::DynamicValues values;
    auto sequence = [&] {
        std::string text;
        for (int i = 0; i < 50; ++i) {
            const std::string value = *values.value_of(vsh::Dynamic::Random);
            const int n = std::stoi(value);
            CHECK(n >= 0);
            CHECK(n <= 32767);
            text += value + " ";
        }
        return text;
    };
    values.assign(vsh::Dynamic::Random, "12345");
    const std::string first = sequence();
    values.assign(vsh::Dynamic::Random, "12345");
    CHECK(sequence() == first);
    values.assign(vsh::Dynamic::Random, "12346");
    CHECK(sequence() != first);
}

TEST_CASE("RANDOM and SECONDS are computed only when read, and unset ends that", "[vars]") {
    vsh::Variables vars;
    // Whole seconds: a second may have begun since the shell started.
    CHECK((*vars.get("SECONDS") == "0" || *vars.get("SECONDS") == "1"));
    REQUIRE(vars.set("SECONDS", "41"));
    CHECK((*vars.get("SECONDS") == "41" || *vars.get("SECONDS") == "42"));
    REQUIRE(vars.set("RANDOM", "7"));
    const std::string a = *vars.get("RANDOM");
    REQUIRE(vars.set("RANDOM", "7"));
    CHECK(*vars.get("RANDOM") == a);
    REQUIRE(vars.unset("RANDOM"));
    CHECK(vars.get("RANDOM") == nullptr);
    REQUIRE(vars.set("RANDOM", "7"));
    CHECK(*vars.get("RANDOM") == "7");
    CHECK(*vars.get("RANDOM") == "7");
}
