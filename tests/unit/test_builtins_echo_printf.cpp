// echo and printf, with expectations taken from dash 0.5.12 for the same arguments.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "test_shell.hpp"
#include "tests/unit/test_builtins_util.hpp"

using vsh::testing::run_builtin;

TEST_CASE("echo joins its arguments and ends the line", "[builtins][echo]") {
    TestShell sh;
    CHECK(run_builtin(sh, vsh::builtin_echo, {"echo", "a", "b"}).out == "a b\n");
    CHECK(run_builtin(sh, vsh::builtin_echo, {"echo"}).out == "\n");
}

TEST_CASE("echo takes only a first -n and no other options", "[builtins][echo]") {
    TestShell sh;
    CHECK(run_builtin(sh, vsh::builtin_echo, {"echo", "-n", "a"}).out == "a");
    CHECK(run_builtin(sh, vsh::builtin_echo, {"echo", "-n", "-n", "a"}).out == "-n a");
    CHECK(run_builtin(sh, vsh::builtin_echo, {"echo", "-e", "a"}).out == "-e a\n");
    CHECK(run_builtin(sh, vsh::builtin_echo, {"echo", "--", "a"}).out == "-- a\n");
    CHECK(run_builtin(sh, vsh::builtin_echo, {"echo", "-nx"}).out == "-nx\n");
}

TEST_CASE("echo interprets backslash escapes like dash", "[builtins][echo]") {
    TestShell sh;
    CHECK(run_builtin(sh, vsh::builtin_echo, {"echo", R"(\a\b\f\n\r\t\v\\)"}).out ==
          "\a\b\f\n\r\t\v\\\n");
    CHECK(run_builtin(sh, vsh::builtin_echo, {"echo", R"(\0101\101\1)"}).out == "AA\001\n");
    CHECK(run_builtin(sh, vsh::builtin_echo, {"echo", R"(\08)"}).out == std::string("\0"
                                                                                    "8\n",
                                                                                    3));
    CHECK(run_builtin(sh, vsh::builtin_echo, {"echo", R"(\e\q\x41 a\)"}).out ==
          "\033\\q\\x41 a\\\n");
    // \c ends all output, the newline included.
    CHECK(run_builtin(sh, vsh::builtin_echo, {"echo", R"(a\cb)", "z"}).out == "a");
}

TEST_CASE("printf reuses the format while operands remain", "[builtins][printf]") {
    TestShell sh;
    CHECK(run_builtin(sh, vsh::builtin_printf, {"printf", "%s-%s\n", "a", "b", "c"}).out ==
          "a-b\nc-\n");
    CHECK(run_builtin(sh, vsh::builtin_printf, {"printf", "no conv\n", "a", "b"}).out ==
          "no conv\n");
    CHECK(run_builtin(sh, vsh::builtin_printf, {"printf", "%d %d %d\n", "1", "2"}).out ==
          "1 2 0\n");
    CHECK(run_builtin(sh, vsh::builtin_printf, {"printf", "%s\n"}).out == "\n");
    CHECK(run_builtin(sh, vsh::builtin_printf, {"printf", "--", "%s.", "x"}).out == "x.");
}

TEST_CASE("printf flags, width and precision", "[builtins][printf]") {
    TestShell sh;
    auto r = run_builtin(
        sh, vsh::builtin_printf,
        {"printf", "%5.2s|%-4d|%04d|%+d|% d|%#x|%#o\n", "abc", "3", "7", "5", "6", "255", "8"});
    CHECK(r.out == "   ab|3   |0007|+5| 6|0xff|010\n");
    CHECK(run_builtin(sh, vsh::builtin_printf,
                      {"printf", "%*d|%.*f|%*d|\n", "5", "3", "2", "3.14159", "-4", "2"})
              .out == "    3|3.14|2   |\n");
    CHECK(run_builtin(sh, vsh::builtin_printf, {"printf", "%5c|%-3c|%c|", "x", "y", ""}).out ==
          "    x|y  ||");
    CHECK(run_builtin(sh, vsh::builtin_printf, {"printf", "%#5.3x|%.0d|\n", "3", "0"}).out ==
          "0x003||\n");
}

TEST_CASE("printf numeric conversions use intmax_t and C's bases", "[builtins][printf]") {
    TestShell sh;
    CHECK(run_builtin(sh, vsh::builtin_printf, {"printf", "%u %x %o\n", "-1", "-1", "8"}).out ==
          "18446744073709551615 ffffffffffffffff 10\n");
    CHECK(run_builtin(sh, vsh::builtin_printf,
                      {"printf", "%d,", " 12", "0x1f", "010", "-0x10", "+5", "'A", "\"B", "", "'"})
              .out == "12,31,8,-16,5,65,66,0,0,");
    CHECK(run_builtin(sh, vsh::builtin_printf,
                      {"printf", "%i %X %E %G %e %g %f %a\n", "10", "255", "2", "3", "1.5", "1.5",
                       "1.5", "1.5"})
              .out == "10 FF 2.000000E+00 3 1.500000e+00 1.5 1.500000 0x1.8p+0\n");
}

TEST_CASE("printf reports bad numbers, uses what converted, and returns 1", "[builtins][printf]") {
    TestShell sh;
    auto r = run_builtin(sh, vsh::builtin_printf, {"printf", "%d\n", "abc", "3x", "12 "});
    CHECK(r.status == 1);
    CHECK(r.out == "0\n3\n12\n");
    CHECK(r.err.find("printf: abc: expected numeric value") != std::string::npos);
    CHECK(r.err.find("printf: 3x: not completely converted") != std::string::npos);

    r = run_builtin(sh, vsh::builtin_printf, {"printf", "%d\n", "99999999999999999999"});
    CHECK(r.status == 1);
    CHECK(r.out == "9223372036854775807\n");
    CHECK(r.err.find("out of range") != std::string::npos);
}

TEST_CASE("printf escapes in the format and in %b", "[builtins][printf]") {
    TestShell sh;
    // In the format, \ddd takes up to three digits including a leading zero; \c is literal.
    CHECK(run_builtin(sh, vsh::builtin_printf, {"printf", R"(\0101\101\e\q\c\)"}).out ==
          "\b1A\033\\q\\c\\");
    CHECK(run_builtin(sh, vsh::builtin_printf, {"printf", "%b|", R"(\0101)", R"(\101)", "x"}).out ==
          "A|A|x|");
    CHECK(run_builtin(sh, vsh::builtin_printf, {"printf", "%.1b|%5b|\n", "abc", R"(x\n)"}).out ==
          "a|   x\n|\n");
    // \c in a %b operand stops everything, including the rest of the format.
    auto r = run_builtin(sh, vsh::builtin_printf, {"printf", "%s %b %s\n", "a", R"(b\cc)", "d"});
    CHECK(r.out == "a b");
    CHECK(r.status == 0);
}

TEST_CASE("printf errors: usage and invalid directives give status 2", "[builtins][printf]") {
    TestShell sh;
    CHECK(run_builtin(sh, vsh::builtin_printf, {"printf"}).status == 2);
    auto r = run_builtin(sh, vsh::builtin_printf, {"printf", "a%zb", "1"});
    CHECK(r.status == 2);
    CHECK(r.out == "a");
    CHECK(r.err.find("%z: invalid directive") != std::string::npos);
    r = run_builtin(sh, vsh::builtin_printf, {"printf", "x%"});
    CHECK(r.status == 2);
    CHECK(r.out == "x");
    CHECK(run_builtin(sh, vsh::builtin_printf, {"printf", "%ld", "5"}).status == 2);
    CHECK(run_builtin(sh, vsh::builtin_printf, {"printf", "%%|%5%"}).status == 2);
    // No options, but a format starting with '-' needs "--" first (dash, bash).
    CHECK(run_builtin(sh, vsh::builtin_printf, {"printf", "-x"}).status == 2);
    CHECK(run_builtin(sh, vsh::builtin_printf, {"printf", "--", "-x"}).out == "-x");
}

TEST_CASE("echo and printf report a failed write", "[builtins][echo][printf]") {
    TestShell sh;
    std::string errors;
    sh.err.set_capture(&errors);
    int saved = dup(1);
    int full = open("/dev/full", O_WRONLY);
    REQUIRE(full >= 0);
    dup2(full, 1);
    close(full);
    int echo_status = vsh::builtin_echo(sh, std::vector<std::string>{"echo", "x"});
    int printf_status = vsh::builtin_printf(sh, std::vector<std::string>{"printf", "x"});
    dup2(saved, 1);
    close(saved);
    sh.err.set_capture(nullptr);
    CHECK(echo_status == 1);
    CHECK(printf_status == 1);
    CHECK(errors.find("echo: write error") != std::string::npos);
}
