// printf (XCU printf): the format is reused while operands remain; missing operands read as
// empty strings or zero; a bad number is reported, converted as far as it goes, and makes the
// final status 1 without stopping the output. An invalid directive stops at once (status 2).
// A conversion may name its operand, "%n$" and "*m$" (POSIX.1-2024, as in ksh93): on each use
// of the format n counts from the first operand that use had, and the next use starts after
// the highest operand named.
#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <string>

#include "builtins/declarations.hpp"
#include "builtins/escape_util.hpp"
#include "builtins/usage.hpp"
#include "shell/base/locale.hpp"
#include "shell/core/shell.hpp"
#include "shell/core/trap_actions.hpp"

namespace vsh {
namespace {

enum class Outcome : unsigned char { Continue, StopOutput, InvalidDirective };

class Formatter {
  public:
    Formatter(Shell& sh, Args operands) : sh_(sh), operands_(operands) {}

    // One pass over the format. Appends to `out`.
    Outcome run_format(std::string_view format, std::string& out);
    // Moves past the operands the pass just ended named with "%n$".
    void end_pass() {
        next_ = std::max(next_, pass_start_ + highest_numbered_);
        pass_start_ = next_;
        highest_numbered_ = 0;
    }

    bool operands_left() const { return next_ < operands_.size(); }
    std::size_t consumed() const { return next_; }
    bool had_number_error() const { return number_error_; }

  private:
    Shell& sh_;
    Args operands_;
    std::size_t next_ = 0;
    std::size_t pass_start_ = 0;        // First operand of this use of the format.
    std::size_t highest_numbered_ = 0;  // Highest n of "%n$" or "*n$" in this use; 0: none.
    bool number_error_ = false;

    // Operand `number` (from 1) of this use of the format, or with 0 the next one in turn;
    // nullptr past the last operand.
    const std::string* take(std::size_t number) {
        if (number == 0) return next_ < operands_.size() ? &operands_[next_++] : nullptr;
        highest_numbered_ = std::max(highest_numbered_, number);
        std::size_t index = pass_start_ + number - 1;
        return index < operands_.size() ? &operands_[index] : nullptr;
    }

    // Reports a number that did not convert cleanly (the value is still used).
    void number_problem(const std::string& text, std::string_view what) {
        sh_.error("printf", text + ": " + std::string(what));
        number_error_ = true;
    }
    // Checks strto*'s result: `end` is where conversion stopped.
    void check_conversion(const std::string& text, const char* end, int saved_errno) {
        if (end == text.c_str()) {
            number_problem(text, "expected numeric value");
        } else if (*end != '\0') {
            number_problem(text, "not completely converted");
        } else if (saved_errno == ERANGE) {
            number_problem(text, std::strerror(ERANGE));
        }
    }
    // A leading ' or " gives the value of the next character in the current locale (XCU
    // printf, operands): 956 for 'μ in a UTF-8 locale. A byte that is no character there
    // gives its own value.
    static bool quoted_character(const std::string& text, std::uintmax_t& value) {
        if (text.empty() || (text[0] != '\'' && text[0] != '"')) return false;
        value = text.size() > 1 ? static_cast<unsigned char>(text[1]) : 0;
        if (value >= 0x80) {
            ensure_locale();
            std::mbstate_t state{};
            wchar_t wide = 0;
            std::size_t n = std::mbrtowc(&wide, text.data() + 1, text.size() - 1, &state);
            if (n != static_cast<std::size_t>(-1) && n != static_cast<std::size_t>(-2) && n != 0)
                value = static_cast<std::uintmax_t>(wide);
        }
        return true;
    }

    std::intmax_t signed_operand(std::size_t number);
    std::uintmax_t unsigned_operand(std::size_t number);
    double float_operand(std::size_t number);
};

std::intmax_t Formatter::signed_operand(std::size_t number) {
    const std::string* text = take(number);
    if (text == nullptr || text->empty()) return 0;
    std::uintmax_t c;
    if (quoted_character(*text, c)) return static_cast<std::intmax_t>(c);
    char* end = nullptr;
    errno = 0;
    std::intmax_t value = std::strtoimax(text->c_str(), &end, 0);
    check_conversion(*text, end, errno);
    return value;
}

std::uintmax_t Formatter::unsigned_operand(std::size_t number) {
    const std::string* text = take(number);
    if (text == nullptr || text->empty()) return 0;
    std::uintmax_t c;
    if (quoted_character(*text, c)) return c;
    char* end = nullptr;
    errno = 0;
    // strtoumax accepts a minus sign and wraps, which is what `printf %u -1` prints everywhere.
    std::uintmax_t value = std::strtoumax(text->c_str(), &end, 0);
    check_conversion(*text, end, errno);
    return value;
}

double Formatter::float_operand(std::size_t number) {
    const std::string* text = take(number);
    if (text == nullptr || text->empty()) return 0;
    std::uintmax_t c;
    if (quoted_character(*text, c)) return static_cast<double>(c);
    char* end = nullptr;
    errno = 0;
    double value = std::strtod(text->c_str(), &end);
    check_conversion(*text, end, errno);
    return value;
}

// Pads `text` to `width` (negative or '-' flag: on the right).
void append_padded(std::string& out, std::string_view text, long width, bool left_justify) {
    std::size_t w = width < 0 ? static_cast<std::size_t>(-width) : static_cast<std::size_t>(width);
    if (width < 0) left_justify = true;
    std::size_t pad = w > text.size() ? w - text.size() : 0;
    if (!left_justify) out.append(pad, ' ');
    out.append(text);
    if (left_justify) out.append(pad, ' ');
}

// snprintf into a std::string, for the numeric conversions. False, with errno set, when
// snprintf fails (a result longer than INT_MAX).
template <typename T>
[[nodiscard]] bool append_formatted(std::string& out, const std::string& spec, T value) {
    char small[128];
    int n = std::snprintf(small, sizeof small, spec.c_str(), value);
    if (n < 0) return false;
    if (static_cast<std::size_t>(n) < sizeof small) {
        out.append(small, static_cast<std::size_t>(n));
        return true;
    }
    std::string big(static_cast<std::size_t>(n) + 1, '\0');
    std::snprintf(big.data(), big.size(), spec.c_str(), value);
    big.resize(static_cast<std::size_t>(n));
    out.append(big);
    return true;
}

// Reads "n$" at format[j] (n from 1): returns n and moves j past it, or returns 0 and leaves j.
std::size_t operand_number(std::string_view format, std::size_t& j) {
    std::size_t k = j;
    std::size_t number = 0;
    while (k < format.size() && format[k] >= '0' && format[k] <= '9' && number < 100000)
        number = number * 10 + static_cast<std::size_t>(format[k++] - '0');
    if (k == j || k >= format.size() || format[k] != '$' || number == 0) return 0;
    j = k + 1;
    return number;
}

Outcome Formatter::run_format(std::string_view format, std::string& out) {
    constexpr std::string_view kFlags = "-+ #0";
    constexpr long kMaxField = INT_MAX;
    for (std::size_t i = 0; i < format.size(); ++i) {
        char c = format[i];
        if (c == '\\') {
            i += expand_format_escape(format.substr(i + 1), out);
            continue;
        }
        if (c != '%') {
            out.push_back(c);
            continue;
        }
        const std::size_t directive_start = i;
        if (i + 1 < format.size() && format[i + 1] == '%') {
            out.push_back('%');
            ++i;
            continue;
        }
        // %[flags][width][.precision]conversion; '*' takes width or precision from operands.
        std::string spec = "%";
        std::size_t j = i + 1;
        const std::size_t number = operand_number(format, j);
        bool left_justify = false;
        while (j < format.size() && kFlags.find(format[j]) != std::string_view::npos) {
            if (format[j] == '-') left_justify = true;
            spec.push_back(format[j++]);
        }
        long width = 0;
        bool has_width = false;
        if (j < format.size() && format[j] == '*') {
            ++j;
            width = static_cast<long>(signed_operand(operand_number(format, j)));
            has_width = true;
        } else {
            while (j < format.size() && format[j] >= '0' && format[j] <= '9') {
                if (width <= kMaxField) width = width * 10 + (format[j] - '0');
                ++j;
                has_width = true;
            }
        }
        if (has_width) spec += std::to_string(width);
        long precision = -1;
        if (j < format.size() && format[j] == '.') {
            ++j;
            precision = 0;
            if (j < format.size() && format[j] == '*') {
                ++j;
                precision = static_cast<long>(signed_operand(operand_number(format, j)));
            } else {
                for (; j < format.size() && format[j] >= '0' && format[j] <= '9'; ++j)
                    if (precision <= kMaxField) precision = precision * 10 + (format[j] - '0');
            }
            // A negative precision from '*' counts as none (C's rule, which dash follows).
            if (precision >= 0) spec += "." + std::to_string(precision);
        }
        if (j >= format.size()) {
            sh_.error("printf", "missing format character");
            return Outcome::InvalidDirective;
        }
        const char conversion = format[j];
        const std::string directive(format.substr(directive_start, j - directive_start + 1));
        i = j;
        // C's printf takes an int width and precision; a larger one fails there (dash stops with
        // an error), and must not make the shell try to allocate it.
        if (width > kMaxField || width < -kMaxField || precision > kMaxField) {
            sh_.error("printf", directive + ": " + std::strerror(EOVERFLOW));
            return Outcome::InvalidDirective;
        }
        bool formatted = true;
        switch (conversion) {
            case 'd':
            case 'i':
                formatted = append_formatted(out, spec + "j" + conversion, signed_operand(number));
                break;
            case 'o':
            case 'u':
            case 'x':
            case 'X':
                formatted =
                    append_formatted(out, spec + "j" + conversion, unsigned_operand(number));
                break;
            case 'a':
            case 'A':
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
                formatted = append_formatted(out, spec + conversion, float_operand(number));
                break;
            case 'c': {
                const std::string* text = take(number);
                std::string_view one;
                if (text != nullptr && !text->empty()) one = std::string_view(*text).substr(0, 1);
                append_padded(out, one, width, left_justify);
                break;
            }
            case 's':
            case 'b': {
                const std::string* text = take(number);
                std::string value;
                Outcome outcome = Outcome::Continue;
                if (text != nullptr) {
                    if (conversion == 's') {
                        value = *text;
                    } else if (expand_b_escapes(*text, value) == AfterEscapes::StopOutput) {
                        outcome = Outcome::StopOutput;
                    }
                }
                if (precision >= 0 && static_cast<std::size_t>(precision) < value.size())
                    value.resize(static_cast<std::size_t>(precision));
                append_padded(out, value, width, left_justify);
                if (outcome == Outcome::StopOutput) return outcome;
                break;
            }
            default:
                sh_.error("printf", directive + ": invalid directive");
                return Outcome::InvalidDirective;
        }
        if (!formatted) {
            sh_.error("printf", directive + ": " + std::strerror(errno));
            return Outcome::InvalidDirective;
        }
    }
    return Outcome::Continue;
}

}  // namespace

int builtin_printf(Shell& sh, Args argv) {
    std::size_t first = 1;
    if (argv.size() > 1 && argv[1] == "--") {
        first = 2;
    } else if (argv.size() > 1 && argv[1].size() > 1 && argv[1][0] == '-') {
        // printf has no options, but follows the utility syntax guidelines (dash, bash): a
        // format starting with '-' must come after "--".
        sh.error("printf", "illegal option " + argv[1].substr(0, 2));
        return 2;
    }
    if (argv.size() <= first) {
        return usage_error(sh, "printf");
    }
    const std::string& format = argv[first];
    Formatter formatter(sh, argv.subspan(first + 1));
    std::string out;
    int status = 0;
    // The format is reused while operands remain, but only if a pass used some of them:
    // a format without conversions is written once whatever follows it.
    for (;;) {
        std::size_t before = formatter.consumed();
        Outcome outcome = formatter.run_format(format, out);
        formatter.end_pass();
        if (outcome == Outcome::InvalidDirective) status = 2;
        if (outcome != Outcome::Continue) break;
        if (!formatter.operands_left() || formatter.consumed() == before) break;
    }
    sh.out.write(out);
    if (!sh.out.flush()) {  // See echo.cpp: a failed write is printf's failure.
        end_subshell_on_own_signal(sh);
        sh.error("printf", std::string("write error: ") + std::strerror(sh.out.last_error()));
        return 1;
    }
    if (status == 0 && formatter.had_number_error()) status = 1;
    return status;
}

}  // namespace vsh
