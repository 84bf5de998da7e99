// Arithmetic expansion. Expected values were checked against dash and bash (`dash -c 'echo
// $((...))'`); where they differ the test says which one vsh follows.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <string>

#include "shell/expand/arith.hpp"

namespace {

class MapEnv final : public vsh::ArithEnv {
  public:
    std::map<std::string, std::string, std::less<>> vars;
    std::set<std::string, std::less<>> readonly;
    bool nounset_on = false;
    int sets = 0;

    const std::string* get(std::string_view name) override {
        auto it = vars.find(name);
        return it == vars.end() ? nullptr : &it->second;
    }
    bool set(std::string_view name, std::string_view value) override {
        if (readonly.count(name) != 0) return false;
        ++sets;
        vars[std::string(name)] = std::string(value);
        return true;
    }
    bool nounset() const override { return nounset_on; }
};

std::int64_t eval(std::string_view expr, MapEnv& env) {
    vsh::ArithResult r = vsh::evaluate_arith(expr, env);
    INFO("expression: " << expr << " error: " << r.error);
    REQUIRE(r.ok);
    CHECK(r.error.empty());
    return r.value;
}

std::int64_t eval(std::string_view expr) {
    MapEnv env;
    return eval(expr, env);
}

std::string error_of(std::string_view expr, MapEnv& env) {
    vsh::ArithResult r = vsh::evaluate_arith(expr, env);
    INFO("expression: " << expr << " value: " << r.value);
    REQUIRE_FALSE(r.ok);
    CHECK_FALSE(r.error.empty());
    return r.error;
}

std::string error_of(std::string_view expr) {
    MapEnv env;
    return error_of(expr, env);
}

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

}  // namespace

TEST_CASE("arith: constants", "[arith]") {
    CHECK(eval("0") == 0);
    CHECK(eval("42") == 42);
    CHECK(eval("010") == 8);
    CHECK(eval("0x1F") == 31);
    CHECK(eval("0Xff") == 255);
    CHECK(eval("  7  ") == 7);
    CHECK(eval("\t1\n+\n2\n") == 3);
    CHECK(eval("9223372036854775807") == kMax);
    // Beyond 64 bits wraps, as bash does (dash saturates); this keeps the minimum exact.
    CHECK(eval("-9223372036854775808") == kMin);
    CHECK(eval("9223372036854775808") == kMin);
}

TEST_CASE("arith: an empty expression is zero", "[arith]") {
    // bash, ksh, mksh and busybox give 0; dash reports an error.
    CHECK(eval("") == 0);
    CHECK(eval("   ") == 0);
}

TEST_CASE("arith: malformed constants are syntax errors", "[arith]") {
    CHECK(error_of("08") == "arithmetic syntax error: \"08\"");
    CHECK(error_of("0x") == "arithmetic syntax error: \"0x\"");
    CHECK_FALSE(error_of("1a").empty());
    CHECK_FALSE(error_of("0xg").empty());
}

TEST_CASE("arith: unary operators", "[arith]") {
    CHECK(eval("-5") == -5);
    CHECK(eval("+5") == 5);
    CHECK(eval("- -1") == 1);
    CHECK(eval("+-+1") == -1);
    CHECK(eval("!0") == 1);
    CHECK(eval("!7") == 0);
    CHECK(eval("!!3") == 1);
    CHECK(eval("~0") == -1);
    CHECK(eval("~5") == -6);
    // `--5` and `++5` are not decrements of a constant: -(-5) and +(+5), as dash and bash.
    CHECK(eval("--5") == 5);
    CHECK(eval("++5") == 5);
}

TEST_CASE("arith: binary operators and precedence", "[arith]") {
    CHECK(eval("1 + 2 * 3") == 7);
    CHECK(eval("(1 + 2) * 3") == 9);
    CHECK(eval("10 - 3 - 2") == 5);  // Left-associative.
    CHECK(eval("100 / 10 / 5") == 2);
    CHECK(eval("7 % 3") == 1);
    CHECK(eval("7 % -3") == 1);  // C semantics: the sign follows the dividend.
    CHECK(eval("-7 % 3") == -1);
    CHECK(eval("-7 / 2") == -3);  // Truncates toward zero.
    CHECK(eval("1 << 4") == 16);
    CHECK(eval("256 >> 4") == 16);
    CHECK(eval("-8 >> 1") == -4);  // Arithmetic shift.
    CHECK(eval("1 + 1 << 2") == 8);
    CHECK(eval("3 < 4") == 1);
    CHECK(eval("4 <= 4") == 1);
    CHECK(eval("3 > 4") == 0);
    CHECK(eval("4 >= 5") == 0);
    CHECK(eval("2 == 2") == 1);
    CHECK(eval("2 != 2") == 0);
    CHECK(eval("1 < 2 == 1") == 1);
    CHECK(eval("6 & 3") == 2);
    CHECK(eval("6 ^ 3") == 5);
    CHECK(eval("6 | 3") == 7);
    CHECK(eval("1 | 2 ^ 3 & 4") == 3);  // & binds tighter than ^, which binds tighter than |.
    CHECK(eval("2 && 3") == 1);
    CHECK(eval("0 && 3") == 0);
    CHECK(eval("0 || 0") == 0);
    CHECK(eval("0 || 5") == 1);
    CHECK(eval("1 || 0 && 0") == 1);  // && binds tighter than ||.
    CHECK(eval("-2 * -3") == 6);
    CHECK(eval("2 ** 10") == 1024);     // bash, ksh and busybox extension.
    CHECK(eval("2 ** 3 ** 2") == 512);  // Right-associative.
    CHECK(eval("-2 ** 2") == 4);        // Unary minus binds tighter, as in bash.
}

TEST_CASE("arith: a '++' or '--' that cannot be an increment is two signs", "[arith]") {
    // bash and busybox: `1++2` is 1 + +2, `1 -- 2` is 1 - -2.
    CHECK(eval("1++2") == 3);
    CHECK(eval("1 -- 2") == 3);
}

TEST_CASE("arith: conditional operator", "[arith]") {
    CHECK(eval("1 ? 2 : 3") == 2);
    CHECK(eval("0 ? 2 : 3") == 3);
    CHECK(eval("1 ? 2 : 3 ? 4 : 5") == 2);
    CHECK(eval("0 ? 2 : 0 ? 4 : 5") == 5);
    CHECK(eval("1 ? 0 ? 7 : 8 : 9") == 8);
    CHECK(eval("1 ? 2, 3 : 4") == 3);  // The middle operand is a full expression (bash, C).
    CHECK_FALSE(error_of("1 ? 2").empty());
}

TEST_CASE("arith: comma operator", "[arith]") {
    // bash, ksh, mksh and busybox accept it; dash does not.
    MapEnv env;
    CHECK(eval("1, 2") == 2);
    CHECK(eval("x = 1, y = x + 1, x + y", env) == 3);
    CHECK(env.vars["y"] == "2");
}

TEST_CASE("arith: overflow wraps around", "[arith]") {
    CHECK(eval("9223372036854775807 + 1") == kMin);
    CHECK(eval("-9223372036854775807 - 2") == kMax);
    CHECK(eval("0x7fffffffffffffff * 2") == -2);
    CHECK(eval("-(-9223372036854775807 - 1)") == kMin);
    CHECK(eval("2 ** 64") == 0);
}

TEST_CASE("arith: INT64_MIN / -1 does not trap", "[arith]") {
    // dash dies of SIGFPE here; bash gives the minimum and 0.
    CHECK(eval("(-9223372036854775807 - 1) / -1") == kMin);
    CHECK(eval("(-9223372036854775807 - 1) % -1") == 0);
    MapEnv env;
    env.vars["m"] = "-9223372036854775808";
    CHECK(eval("m /= -1", env) == kMin);
}

TEST_CASE("arith: shift counts are taken modulo 64", "[arith]") {
    // What dash, bash, ksh and busybox all print on x86-64.
    CHECK(eval("1 << 63") == kMin);
    CHECK(eval("1 << 64") == 1);
    CHECK(eval("1 << 65") == 2);
    CHECK(eval("1 << -1") == kMin);
    CHECK(eval("-1 >> 70") == -1);
    CHECK(eval("-1 << 63") == kMin);
}

TEST_CASE("arith: division by zero", "[arith]") {
    CHECK(error_of("5 / 0") == "division by zero");
    CHECK(error_of("5 % 0") == "division by zero");
    MapEnv env;
    env.vars["x"] = "3";
    CHECK(error_of("x /= 0", env) == "division by zero");
    CHECK(env.vars["x"] == "3");  // The failed assignment changed nothing.
    // Only when evaluated.
    CHECK(eval("0 && 5 / 0") == 0);
    CHECK(eval("1 || 5 % 0") == 1);
    CHECK(eval("1 ? 2 : 1 / 0") == 2);
    CHECK(eval("0 ? 1 / 0 : 3") == 3);
    CHECK(error_of("2 ** -1") == "exponent less than 0");
}

TEST_CASE("arith: syntax errors", "[arith]") {
    CHECK(error_of("1 +") == "arithmetic syntax error: \"1 +\"");
    CHECK_FALSE(error_of("(1").empty());
    CHECK_FALSE(error_of("1)").empty());
    CHECK_FALSE(error_of("1 2").empty());
    CHECK_FALSE(error_of("* 2").empty());
    CHECK_FALSE(error_of("1 @ 2").empty());
    CHECK_FALSE(error_of("()").empty());
    CHECK_FALSE(error_of("5++").empty());    // Postfix needs a variable.
    CHECK_FALSE(error_of("x--2").empty());   // (x--) 2
    CHECK_FALSE(error_of("1 = 2").empty());  // Assignment needs a variable.
    CHECK_FALSE(error_of("(x) = 2").empty());
    CHECK_FALSE(error_of("0 ? 5 : x = 6").empty());  // The last operand is not an assignment.
    // A syntax error in a branch that is not evaluated is still an error.
    CHECK_FALSE(error_of("0 && (1 +)").empty());
}

TEST_CASE("arith: variables", "[arith]") {
    MapEnv env;
    env.vars = {{"a", "5"},      {"neg", "-12"},  {"spaced", " \t12 \n"},
                {"hex", "0x10"}, {"oct", "010"},  {"plus", "+010"},
                {"empty", ""},   {"blank", "  "}, {"nhex", "-0x10"}};
    CHECK(eval("a", env) == 5);
    CHECK(eval("a * a", env) == 25);
    CHECK(eval("neg + 1", env) == -11);
    CHECK(eval("spaced", env) == 12);
    CHECK(eval("hex", env) == 16);
    CHECK(eval("oct", env) == 8);
    CHECK(eval("plus", env) == 8);
    CHECK(eval("nhex", env) == -16);
    CHECK(eval("empty + 1", env) == 1);
    CHECK(eval("blank", env) == 0);
    CHECK(eval("unset_name + 1", env) == 1);
    CHECK(eval("_x1 + A_b", env) == 0);
    CHECK(env.sets == 0);  // Reading never assigns.
}

TEST_CASE("arith: a variable's value must be an integer constant (dash)", "[arith]") {
    // bash would evaluate `1+2` recursively; dash says "Illegal number"; vsh follows dash.
    MapEnv env;
    env.vars = {{"e", "1+2"},   {"name", "a"},  {"a", "5"},   {"sp", "+ 5"},
                {"two", "5 5"}, {"bad8", "08"}, {"x0", "0x"}, {"dd", "--5"}};
    CHECK(error_of("e", env) == "e: invalid number: \"1+2\"");
    CHECK_FALSE(error_of("name", env).empty());
    CHECK_FALSE(error_of("sp", env).empty());
    CHECK_FALSE(error_of("two", env).empty());
    CHECK_FALSE(error_of("bad8", env).empty());
    CHECK_FALSE(error_of("x0", env).empty());
    CHECK_FALSE(error_of("dd", env).empty());
    CHECK(eval("0 && e", env) == 0);  // Not read, so not an error.
}

TEST_CASE("arith: parse_arith_integer", "[arith]") {
    std::int64_t v = 99;
    CHECK(vsh::parse_arith_integer("", v));
    CHECK(v == 0);
    CHECK(vsh::parse_arith_integer(" -0x1f ", v));
    CHECK(v == -31);
    CHECK(vsh::parse_arith_integer("077", v));
    CHECK(v == 63);
    CHECK_FALSE(vsh::parse_arith_integer("- 1", v));
    CHECK_FALSE(vsh::parse_arith_integer("1 1", v));
    CHECK_FALSE(vsh::parse_arith_integer("abc", v));
    CHECK_FALSE(vsh::parse_arith_integer("-", v));
}

TEST_CASE("arith: assignment operators", "[arith]") {
    MapEnv env;
    CHECK(eval("x = 7", env) == 7);
    CHECK(env.vars["x"] == "7");
    // The sequence checked against dash and bash: 14 3 3 11 10 2 1 -4.
    CHECK(eval("x <<= 1", env) == 14);
    CHECK(eval("x >>= 2", env) == 3);
    CHECK(eval("x &= 3", env) == 3);
    CHECK(eval("x |= 8", env) == 11);
    CHECK(eval("x ^= 1", env) == 10);
    CHECK(eval("x %= 4", env) == 2);
    CHECK(eval("x /= 2", env) == 1);
    CHECK(eval("x -= 5", env) == -4);
    CHECK(env.vars["x"] == "-4");
    CHECK(eval("x += 10", env) == 6);
    CHECK(eval("x *= -3", env) == -18);
    CHECK(env.vars["x"] == "-18");
    CHECK(eval("a = b = 3", env) == 3);  // Right-associative.
    CHECK(env.vars["a"] == "3");
    CHECK(env.vars["b"] == "3");
    CHECK(eval("c = 1 ? 2 : 3", env) == 2);
    CHECK(eval("n += 5", env) == 5);  // Unset counts as 0.
    CHECK(eval("y=x==-18", env) == 1);
    env.vars["h"] = "0x10";
    CHECK(eval("h += 1", env) == 17);
    CHECK(env.vars["h"] == "17");  // Results are stored in decimal.
}

TEST_CASE("arith: increment and decrement", "[arith]") {
    MapEnv env;
    env.vars["x"] = "5";
    CHECK(eval("x++", env) == 5);
    CHECK(env.vars["x"] == "6");
    CHECK(eval("++x", env) == 7);
    CHECK(eval("x--", env) == 7);
    CHECK(eval("--x", env) == 5);
    CHECK(env.vars["x"] == "5");
    // bash: x=5; $(( x++ + ++x )) is 12 and leaves 7.
    CHECK(eval("x++ + ++x", env) == 12);
    CHECK(env.vars["x"] == "7");
    env.vars["x"] = "3";
    env.vars["y"] = "4";
    CHECK(eval("x+++y", env) == 7);  // (x++) + y
    CHECK(env.vars["x"] == "4");
    env.vars["x"] = "3";
    CHECK(eval("x---2", env) == 1);  // (x--) - 2
    CHECK(env.vars["x"] == "2");
    env.vars["x"] = "3";
    CHECK(eval("- --x", env) == -2);
    CHECK(eval("x ++", env) == 2);
    CHECK(eval("++ x", env) == 4);
    CHECK(eval("fresh++", env) == 0);
    CHECK(env.vars["fresh"] == "1");
    env.vars["top"] = "9223372036854775807";
    CHECK(eval("++top", env) == kMin);
}

TEST_CASE("arith: unevaluated branches have no side effects", "[arith]") {
    MapEnv env;
    env.vars["x"] = "1";
    CHECK(eval("0 && (x = 5)", env) == 0);
    CHECK(eval("1 || (x = 6)", env) == 1);
    CHECK(eval("1 ? 2 : (x = 7)", env) == 2);
    CHECK(eval("0 ? x++ : 3", env) == 3);
    CHECK(eval("0 && ++x", env) == 0);
    CHECK(eval("1 || x--", env) == 1);
    CHECK(eval("0 && (x += 1, x *= 9)", env) == 0);
    CHECK(env.vars["x"] == "1");
    CHECK(env.sets == 0);
    CHECK(eval("1 ? (x = 5) : (x = 6)", env) == 5);
    CHECK(env.vars["x"] == "5");
    CHECK(eval("x ? x = 8 : 6", env) == 8);
    CHECK(env.vars["x"] == "8");
}

TEST_CASE("arith: set -u makes reading an unset variable an error", "[arith]") {
    MapEnv env;
    env.nounset_on = true;
    CHECK(error_of("x", env) == "x: parameter not set");
    CHECK_FALSE(error_of("x += 3", env).empty());
    CHECK_FALSE(error_of("x++", env).empty());
    CHECK(eval("x = 3", env) == 3);  // Plain assignment does not read.
    CHECK(eval("x + 1", env) == 4);
    CHECK(eval("0 && y", env) == 0);  // Not evaluated.
    env.vars["empty"] = "";
    CHECK(eval("empty", env) == 0);  // Set but empty is fine.
}

TEST_CASE("arith: readonly variables", "[arith]") {
    MapEnv env;
    env.vars["r"] = "1";
    env.readonly.insert("r");
    CHECK(error_of("r = 2", env) == "r: is read only");
    CHECK_FALSE(error_of("r++", env).empty());
    CHECK_FALSE(error_of("--r", env).empty());
    CHECK_FALSE(error_of("r += 1", env).empty());
    CHECK(env.vars["r"] == "1");
    CHECK(eval("r + 1", env) == 2);
}

TEST_CASE("arith: deep nesting fails cleanly instead of overflowing the stack", "[arith]") {
    const std::size_t depth = 100000;
    std::string parens(depth, '(');
    parens += '1';
    parens.append(depth, ')');
    CHECK(error_of(parens) == "expression nested too deeply");

    CHECK(error_of(std::string(depth, '-') + "1") == "expression nested too deeply");

    std::string ternaries;
    for (std::size_t i = 0; i < depth; ++i) ternaries += "0?1:";
    ternaries += "2";
    CHECK(error_of(ternaries) == "expression nested too deeply");

    std::string powers;
    for (std::size_t i = 0; i < depth; ++i) powers += "1**";
    powers += "1";
    CHECK(error_of(powers) == "expression nested too deeply");

    // Moderate nesting is fine, and long flat chains are not nesting at all.
    std::string fifty(50, '(');
    fifty += "2";
    fifty.append(50, ')');
    CHECK(eval(fifty) == 2);
    std::string sum = "0";
    for (int i = 0; i < 100000; ++i) sum += "+1";
    CHECK(eval(sum) == 100000);
}
