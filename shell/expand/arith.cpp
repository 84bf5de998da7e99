// A recursive-descent evaluator that computes while it parses: no AST, no allocation unless
// an error message is built. Every branch that must not run (the right side of a false &&,
// the arm of ?: not taken) is still parsed, for syntax errors, but with `Effects::Skip`, so
// it neither assigns nor reports run-time errors (division by zero, unset variables).
#include "shell/expand/arith.hpp"

#include <charconv>

#include "shell/base/stack_guard.hpp"

namespace vsh {
namespace {

using u64 = std::uint64_t;
using i64 = std::int64_t;

// Each counted parser frame is a few hundred bytes at most; this bounds the stack at well
// under a megabyte whatever the input (`((((...))))`, `- - - -...`, `1?1?1?...`).
constexpr int kMaxDepth = 2000;

enum class Tok : unsigned char {
    End,
    Number,
    Name,
    LParen,
    RParen,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Power,
    Shl,
    Shr,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    BitAnd,
    BitXor,
    BitOr,
    LogAnd,
    LogOr,
    Not,
    Tilde,
    Question,
    Colon,
    Comma,
    Inc,
    Dec,
    Assign,
    MulAssign,
    DivAssign,
    ModAssign,
    AddAssign,
    SubAssign,
    ShlAssign,
    ShrAssign,
    AndAssign,
    XorAssign,
    OrAssign,
    Invalid,
};

// Whether a parsed sub-expression is really being evaluated.
enum class Effects : unsigned char { Apply, Skip };

struct Token {
    Tok kind = Tok::End;
    std::size_t start = 0;  // Offsets into the expression.
    std::size_t end = 0;
};

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_name_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_name_char(char c) {
    return is_name_start(c) || is_digit(c);
}

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

// A decimal, octal (leading 0) or hex (0x) constant with nothing around it. Values beyond 64
// bits wrap, as in bash (dash saturates instead; wrapping keeps -9223372036854775808 exact).
bool parse_constant(std::string_view text, i64& value) {
    if (text.empty()) return false;
    unsigned base = 10;
    std::size_t i = 0;
    if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        base = 16;
        i = 2;
        if (text.size() == 2) return false;
    } else if (text[0] == '0') {
        base = 8;
    }
    u64 acc = 0;
    for (; i < text.size(); ++i) {
        int d = digit_value(text[i]);
        if (d >= static_cast<int>(base)) return false;
        acc = acc * base + static_cast<u64>(d);
    }
    value = static_cast<i64>(acc);
    return true;
}

i64 wrap_add(i64 a, i64 b) {
    return static_cast<i64>(static_cast<u64>(a) + static_cast<u64>(b));
}
i64 wrap_sub(i64 a, i64 b) {
    return static_cast<i64>(static_cast<u64>(a) - static_cast<u64>(b));
}
i64 wrap_mul(i64 a, i64 b) {
    return static_cast<i64>(static_cast<u64>(a) * static_cast<u64>(b));
}
i64 wrap_neg(i64 a) {
    return static_cast<i64>(0 - static_cast<u64>(a));
}

// Shift counts are reduced modulo 64 as the x86 shift instructions (and so dash, bash and
// ksh) do: 1 << 64 is 1, 1 << -1 is INT64_MIN. No undefined behaviour either way.
i64 shift_left(i64 a, i64 b) {
    return static_cast<i64>(static_cast<u64>(a) << (b & 63));
}
i64 shift_right(i64 a, i64 b) {
    return a >> (b & 63);
}  // Arithmetic shift (C++20).

i64 power(i64 base, i64 exponent) {
    u64 result = 1;
    u64 factor = static_cast<u64>(base);
    for (u64 e = static_cast<u64>(exponent); e != 0; e >>= 1) {
        if (e & 1) result *= factor;
        factor *= factor;
    }
    return static_cast<i64>(result);
}

// Binding strength of a binary operator, 0 for anything else. ?:, assignment and comma sit
// below 1 and are parsed by their own functions.
int binary_precedence(Tok t) {
    switch (t) {
        case Tok::LogOr:
            return 1;
        case Tok::LogAnd:
            return 2;
        case Tok::BitOr:
            return 3;
        case Tok::BitXor:
            return 4;
        case Tok::BitAnd:
            return 5;
        case Tok::Eq:
        case Tok::Ne:
            return 6;
        case Tok::Lt:
        case Tok::Le:
        case Tok::Gt:
        case Tok::Ge:
            return 7;
        case Tok::Shl:
        case Tok::Shr:
            return 8;
        case Tok::Plus:
        case Tok::Minus:
            return 9;
        case Tok::Star:
        case Tok::Slash:
        case Tok::Percent:
            return 10;
        case Tok::Power:
            return 11;
        default:
            return 0;
    }
}

// The binary operator behind a compound assignment; Tok::Assign for plain `=`; Tok::End if
// `t` assigns nothing.
Tok assignment_operator(Tok t) {
    switch (t) {
        case Tok::Assign:
            return Tok::Assign;
        case Tok::MulAssign:
            return Tok::Star;
        case Tok::DivAssign:
            return Tok::Slash;
        case Tok::ModAssign:
            return Tok::Percent;
        case Tok::AddAssign:
            return Tok::Plus;
        case Tok::SubAssign:
            return Tok::Minus;
        case Tok::ShlAssign:
            return Tok::Shl;
        case Tok::ShrAssign:
            return Tok::Shr;
        case Tok::AndAssign:
            return Tok::BitAnd;
        case Tok::XorAssign:
            return Tok::BitXor;
        case Tok::OrAssign:
            return Tok::BitOr;
        default:
            return Tok::End;
    }
}

class Evaluator {
  public:
    Evaluator(std::string_view expr, ArithEnv& env) : expr_(expr), env_(env) {}

    ArithResult run() {
        ArithResult result;
        cur_ = lex_at(0);
        if (cur_.kind == Tok::End) {
            result.ok = true;  // `$(( ))` is 0 in bash, ksh, mksh and busybox.
            return result;
        }
        i64 value = parse_comma(Effects::Apply);
        if (!failed_ && cur_.kind != Tok::End) syntax_error();
        if (failed_) {
            result.error = std::move(error_);
            return result;
        }
        result.ok = true;
        result.value = value;
        return result;
    }

  private:
    // Counts nesting in the recursive parse functions; see kMaxDepth.
    class DepthGuard {
      public:
        explicit DepthGuard(Evaluator& ev) : ev_(ev) {
            // The stack is looked at only past the depth of everyday expressions.
            if (++ev_.depth_ > kMaxDepth || (ev_.depth_ > 64 && stack_nearly_full()))
                ev_.fail("expression nested too deeply");
        }
        ~DepthGuard() { --ev_.depth_; }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;

      private:
        Evaluator& ev_;
    };

    // Records the first error and makes the token stream look finished, so every loop of the
    // parser stops and the call chain unwinds without further checks.
    void fail(std::string message) {
        if (!failed_) {
            failed_ = true;
            error_ = std::move(message);
        }
        cur_ = Token{Tok::End, expr_.size(), expr_.size()};
    }

    void syntax_error() {
        std::string message = "arithmetic syntax error: \"";
        message.append(expr_);
        message += '"';
        fail(std::move(message));
    }

    std::string_view text(const Token& t) const { return expr_.substr(t.start, t.end - t.start); }

    void advance() { cur_ = lex_at(cur_.end); }

    // An operator token like `++` used where it cannot be an increment (after a number or
    // `)`, or before something that is not a variable) counts as its first character only:
    // `1++2` is 1 + +2 and `--5` is -(-5), as in bash and dash.
    void split_double_sign() {
        cur_.kind = cur_.kind == Tok::Inc ? Tok::Plus : Tok::Minus;
        cur_.end = cur_.start + 1;
    }

    Token lex_at(std::size_t pos) const {
        const std::size_t n = expr_.size();
        while (pos < n && is_blank(expr_[pos])) ++pos;
        Token t{Tok::End, pos, pos};
        if (pos >= n) return t;
        const char c = expr_[pos];
        const char c1 = pos + 1 < n ? expr_[pos + 1] : '\0';
        const char c2 = pos + 2 < n ? expr_[pos + 2] : '\0';
        auto op = [&](Tok kind, std::size_t len) {
            t.kind = kind;
            t.end = pos + len;
            return t;
        };
        if (is_digit(c) || is_name_start(c)) {
            // A number swallows letters too, so `1a` and `08` are one (invalid) token.
            std::size_t end = pos + 1;
            while (end < n && is_name_char(expr_[end])) ++end;
            return op(is_digit(c) ? Tok::Number : Tok::Name, end - pos);
        }
        switch (c) {
            case '(':
                return op(Tok::LParen, 1);
            case ')':
                return op(Tok::RParen, 1);
            case '?':
                return op(Tok::Question, 1);
            case ':':
                return op(Tok::Colon, 1);
            case ',':
                return op(Tok::Comma, 1);
            case '~':
                return op(Tok::Tilde, 1);
            case '+':
                if (c1 == '+') return op(Tok::Inc, 2);
                if (c1 == '=') return op(Tok::AddAssign, 2);
                return op(Tok::Plus, 1);
            case '-':
                if (c1 == '-') return op(Tok::Dec, 2);
                if (c1 == '=') return op(Tok::SubAssign, 2);
                return op(Tok::Minus, 1);
            case '*':
                if (c1 == '*') return op(Tok::Power, 2);
                if (c1 == '=') return op(Tok::MulAssign, 2);
                return op(Tok::Star, 1);
            case '/':
                return c1 == '=' ? op(Tok::DivAssign, 2) : op(Tok::Slash, 1);
            case '%':
                return c1 == '=' ? op(Tok::ModAssign, 2) : op(Tok::Percent, 1);
            case '^':
                return c1 == '=' ? op(Tok::XorAssign, 2) : op(Tok::BitXor, 1);
            case '=':
                return c1 == '=' ? op(Tok::Eq, 2) : op(Tok::Assign, 1);
            case '!':
                return c1 == '=' ? op(Tok::Ne, 2) : op(Tok::Not, 1);
            case '<':
                if (c1 == '<') return c2 == '=' ? op(Tok::ShlAssign, 3) : op(Tok::Shl, 2);
                return c1 == '=' ? op(Tok::Le, 2) : op(Tok::Lt, 1);
            case '>':
                if (c1 == '>') return c2 == '=' ? op(Tok::ShrAssign, 3) : op(Tok::Shr, 2);
                return c1 == '=' ? op(Tok::Ge, 2) : op(Tok::Gt, 1);
            case '&':
                if (c1 == '&') return op(Tok::LogAnd, 2);
                return c1 == '=' ? op(Tok::AndAssign, 2) : op(Tok::BitAnd, 1);
            case '|':
                if (c1 == '|') return op(Tok::LogOr, 2);
                return c1 == '=' ? op(Tok::OrAssign, 2) : op(Tok::BitOr, 1);
            default:
                return op(Tok::Invalid, 1);
        }
    }

    // Reads a variable as arithmetic sees it. Returns false after reporting an error.
    bool read_variable(std::string_view name, i64& value) {
        const std::string* text = env_.get(name);
        if (text == nullptr) {
            if (env_.nounset()) {
                fail(std::string(name) + ": parameter not set");
                return false;
            }
            value = 0;
            return true;
        }
        if (!parse_arith_integer(*text, value)) {
            fail(std::string(name) + ": invalid number: \"" + *text + '"');
            return false;
        }
        return true;
    }

    bool write_variable(std::string_view name, i64 value) {
        char buffer[24];
        auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
        (void)ec;  // 24 bytes always hold an int64.
        if (!env_.set(name, std::string_view(buffer, static_cast<std::size_t>(end - buffer)))) {
            fail(std::string(name) + ": is read only");
            return false;
        }
        return true;
    }

    // Applies a binary operator other than && and ||.
    i64 apply(Tok op, i64 a, i64 b, Effects effects) {
        switch (op) {
            case Tok::Plus:
                return wrap_add(a, b);
            case Tok::Minus:
                return wrap_sub(a, b);
            case Tok::Star:
                return wrap_mul(a, b);
            case Tok::Slash:
            case Tok::Percent:
                if (b == 0) {
                    if (effects == Effects::Apply) fail("division by zero");
                    return 0;
                }
                // INT64_MIN / -1 traps on x86; bash answers INT64_MIN and 0.
                if (b == -1) return op == Tok::Slash ? wrap_neg(a) : 0;
                return op == Tok::Slash ? a / b : a % b;
            case Tok::Power:
                if (b < 0) {
                    if (effects == Effects::Apply) fail("exponent less than 0");
                    return 0;
                }
                return power(a, b);
            case Tok::Shl:
                return shift_left(a, b);
            case Tok::Shr:
                return shift_right(a, b);
            case Tok::Lt:
                return a < b;
            case Tok::Le:
                return a <= b;
            case Tok::Gt:
                return a > b;
            case Tok::Ge:
                return a >= b;
            case Tok::Eq:
                return a == b;
            case Tok::Ne:
                return a != b;
            case Tok::BitAnd:
                return a & b;
            case Tok::BitXor:
                return a ^ b;
            case Tok::BitOr:
                return a | b;
            default:
                return 0;
        }
    }

    i64 parse_comma(Effects effects) {
        i64 value = parse_assignment(effects);
        while (cur_.kind == Tok::Comma) {
            advance();
            value = parse_assignment(effects);
        }
        return value;
    }

    i64 parse_assignment(Effects effects) {
        DepthGuard guard(*this);
        if (cur_.kind == Tok::Name) {
            const Token next = lex_at(cur_.end);
            const Tok op = assignment_operator(next.kind);
            if (op != Tok::End) {
                const std::string_view name = text(cur_);
                cur_ = lex_at(next.end);
                i64 value = parse_assignment(effects);
                if (failed_ || effects == Effects::Skip) return 0;
                if (op != Tok::Assign) {
                    i64 old = 0;
                    if (!read_variable(name, old)) return 0;
                    value = apply(op, old, value, effects);
                    if (failed_) return 0;
                }
                write_variable(name, value);
                return value;
            }
        }
        i64 value = parse_conditional(effects);
        if (assignment_operator(cur_.kind) != Tok::End) syntax_error();  // `1 = 2`, `(x) = 1`
        return value;
    }

    i64 parse_conditional(Effects effects) {
        DepthGuard guard(*this);
        i64 condition = parse_binary(1, effects);
        if (cur_.kind != Tok::Question) return condition;
        advance();
        const bool taken = condition != 0;
        i64 if_true = parse_comma(taken ? effects : Effects::Skip);
        if (cur_.kind != Tok::Colon) {
            syntax_error();
            return 0;
        }
        advance();
        i64 if_false = parse_conditional(taken ? Effects::Skip : effects);
        return taken ? if_true : if_false;
    }

    // Precedence climbing over the binary operators.
    i64 parse_binary(int min_precedence, Effects effects) {
        DepthGuard guard(*this);
        i64 lhs = parse_unary(effects);
        for (;;) {
            if (cur_.kind == Tok::Inc || cur_.kind == Tok::Dec) split_double_sign();
            const Tok op = cur_.kind;
            const int precedence = binary_precedence(op);
            if (precedence == 0 || precedence < min_precedence) break;
            advance();
            // ** is right-associative; everything else groups to the left.
            const int rhs_min = op == Tok::Power ? precedence : precedence + 1;
            if (op == Tok::LogAnd) {
                i64 rhs = parse_binary(rhs_min, lhs != 0 ? effects : Effects::Skip);
                lhs = lhs != 0 && rhs != 0;
            } else if (op == Tok::LogOr) {
                i64 rhs = parse_binary(rhs_min, lhs == 0 ? effects : Effects::Skip);
                lhs = lhs != 0 || rhs != 0;
            } else {
                i64 rhs = parse_binary(rhs_min, effects);
                lhs = apply(op, lhs, rhs, effects);
            }
        }
        return lhs;
    }

    i64 parse_unary(Effects effects) {
        DepthGuard guard(*this);
        switch (cur_.kind) {
            case Tok::Plus:
                advance();
                return parse_unary(effects);
            case Tok::Minus:
                advance();
                return wrap_neg(parse_unary(effects));
            case Tok::Not:
                advance();
                return parse_unary(effects) == 0;
            case Tok::Tilde:
                advance();
                return ~parse_unary(effects);
            case Tok::Inc:
            case Tok::Dec: {
                const Token next = lex_at(cur_.end);
                if (next.kind != Tok::Name) {
                    split_double_sign();
                    return parse_unary(effects);
                }
                const i64 step = cur_.kind == Tok::Inc ? 1 : -1;
                const std::string_view name = text(next);
                cur_ = lex_at(next.end);
                if (effects == Effects::Skip) return 0;
                i64 value = 0;
                if (!read_variable(name, value)) return 0;
                value = wrap_add(value, step);
                write_variable(name, value);
                return value;
            }
            default:
                return parse_primary(effects);
        }
    }

    i64 parse_primary(Effects effects) {
        switch (cur_.kind) {
            case Tok::Number: {
                i64 value = 0;
                if (!parse_constant(text(cur_), value)) {
                    syntax_error();
                    return 0;
                }
                advance();
                return value;
            }
            case Tok::Name: {
                const std::string_view name = text(cur_);
                advance();
                const bool postfix = cur_.kind == Tok::Inc || cur_.kind == Tok::Dec;
                const i64 step = cur_.kind == Tok::Inc ? 1 : -1;
                if (postfix) advance();
                if (effects == Effects::Skip) return 0;
                i64 value = 0;
                if (!read_variable(name, value)) return 0;
                if (postfix) write_variable(name, wrap_add(value, step));
                return value;
            }
            case Tok::LParen: {
                advance();
                i64 value = parse_comma(effects);
                if (cur_.kind != Tok::RParen) {
                    syntax_error();
                    return 0;
                }
                advance();
                return value;
            }
            default:
                syntax_error();
                return 0;
        }
    }

    std::string_view expr_;
    ArithEnv& env_;
    Token cur_;
    int depth_ = 0;
    bool failed_ = false;
    std::string error_;
};

}  // namespace

bool parse_arith_integer(std::string_view text, std::int64_t& value) {
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && is_blank(text[begin])) ++begin;
    while (end > begin && is_blank(text[end - 1])) --end;
    if (begin == end) {
        value = 0;
        return true;
    }
    bool negative = false;
    if (text[begin] == '+' || text[begin] == '-') {
        negative = text[begin] == '-';
        ++begin;
    }
    i64 magnitude = 0;
    if (!parse_constant(text.substr(begin, end - begin), magnitude)) return false;
    value = negative ? wrap_neg(magnitude) : magnitude;
    return true;
}

ArithResult evaluate_arith(std::string_view expr, ArithEnv& env) {
    return Evaluator(expr, env).run();
}

}  // namespace vsh
