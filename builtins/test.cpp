// test and [ (XCU test). POSIX fixes the meaning of zero to four arguments by counting them;
// beyond that (and where a count rule does not apply) a recursive-descent parser handles
// ! ( ) -a -o with -o binding loosest, as dash does. Every error exits with status 2.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstring>
#include <string>
#include <string_view>

#include "builtins/declarations.hpp"
#include "builtins/number_util.hpp"
#include "shell/core/shell.hpp"

namespace vsh {
namespace {

// Thrown inside this file only, to leave the recursive parser with status 2; the message has
// already been printed.
struct TestSyntaxError {};

bool is_unary_operator(std::string_view op) {
    // -k, -O and -G are not POSIX; dash, bash, mksh and yash all have them.
    static constexpr std::string_view kUnary = "bcdefgGhkLnOprSstuwxz";
    return op.size() == 2 && op[0] == '-' && kUnary.find(op[1]) != std::string_view::npos;
}

bool is_binary_operator(std::string_view op) {
    for (std::string_view b :
         {"=", "!=", "<", ">", "-eq", "-ne", "-gt", "-ge", "-lt", "-le", "-nt", "-ot", "-ef"}) {
        if (op == b) return true;
    }
    return false;
}

class TestEvaluator {
  public:
    TestEvaluator(Shell& sh, Args args) : sh_(sh), args_(args) {}

    // Applies the argument-count rules to args[first, last), falling back to the parser.
    bool evaluate(std::size_t first, std::size_t last) {
        switch (last - first) {
            case 0:
                return false;
            case 1:
                return !args_[first].empty();
            case 2:
                if (args_[first] == "!") return !evaluate(first + 1, last);
                if (is_unary_operator(args_[first])) return unary(args_[first], args_[first + 1]);
                break;
            case 3:
                if (is_binary_operator(args_[first + 1]))
                    return binary(args_[first], args_[first + 1], args_[first + 2]);
                if (args_[first + 1] == "-a")
                    return !args_[first].empty() && !args_[last - 1].empty();
                if (args_[first + 1] == "-o")
                    return !args_[first].empty() || !args_[last - 1].empty();
                if (args_[first] == "!") return !evaluate(first + 1, last);
                if (args_[first] == "(" && args_[last - 1] == ")")
                    return evaluate(first + 1, last - 1);
                break;
            case 4:
                if (args_[first] == "!") return !evaluate(first + 1, last);
                if (args_[first] == "(" && args_[last - 1] == ")")
                    return evaluate(first + 1, last - 1);
                break;
            default:
                break;
        }
        return parse_all(first, last);
    }

  private:
    Shell& sh_;
    Args args_;
    std::size_t pos_ = 0;
    std::size_t end_ = 0;

    [[noreturn]] void fail(const std::string& message) {
        sh_.error(args_[0], message);
        throw TestSyntaxError{};
    }

    bool parse_all(std::size_t first, std::size_t last) {
        pos_ = first;
        end_ = last;
        bool result = or_expression();
        if (pos_ < end_) fail(args_[pos_] + ": unexpected operator");
        return result;
    }

    bool at(std::string_view word) const { return pos_ < end_ && args_[pos_] == word; }

    // Both sides are always parsed (for syntax errors), and file tests have no side effects.
    bool or_expression() {
        bool result = and_expression();
        while (at("-o")) {
            ++pos_;
            bool right = and_expression();
            result = result || right;
        }
        return result;
    }

    bool and_expression() {
        bool result = not_expression();
        while (at("-a")) {
            ++pos_;
            bool right = not_expression();
            result = result && right;
        }
        return result;
    }

    bool not_expression() {
        if (at("!")) {
            ++pos_;
            return !not_expression();
        }
        return primary();
    }

    bool primary() {
        if (pos_ >= end_) fail("argument expected");
        const std::string& word = args_[pos_];
        // A binary operator next wins over reading `word` as an operator itself, so that
        // `-n = -n` and `( = )` compare strings.
        if (pos_ + 2 < end_ && is_binary_operator(args_[pos_ + 1])) {
            pos_ += 3;
            return binary(word, args_[pos_ - 2], args_[pos_ - 1]);
        }
        if (word == "(") {
            ++pos_;
            bool result = or_expression();
            if (!at(")")) fail("closing paren expected");
            ++pos_;
            return result;
        }
        if (is_unary_operator(word)) {
            if (pos_ + 1 >= end_) fail(word + ": argument expected");
            pos_ += 2;
            return unary(word, args_[pos_ - 1]);
        }
        ++pos_;
        return !word.empty();
    }

    // Integers may carry blanks around them and a sign (dash, bash); anything else, including
    // overflow, is an error.
    std::intmax_t integer(const std::string& text) {
        std::string_view trimmed = text;
        while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front())))
            trimmed.remove_prefix(1);
        while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back())))
            trimmed.remove_suffix(1);
        auto value = parse_decimal(trimmed);
        if (!value) fail("Illegal number: " + text);
        return *value;
    }

    bool unary(const std::string& op, const std::string& operand) {
        const char* path = operand.c_str();
        struct stat st;
        switch (op[1]) {
            case 'n':
                return !operand.empty();
            case 'z':
                return operand.empty();
            case 't': {
                std::intmax_t fd = integer(operand);
                // In a $(...) run in the shell (no child), standard output is the capture, a
                // pipe to the forked child it stands for: never a terminal.
                if (fd == sh_.out.fd() && sh_.out.capture() != nullptr) return false;
                return fd >= 0 && fd <= 1 << 20 && isatty(static_cast<int>(fd));
            }
            case 'h':
            case 'L':
                return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
            case 'r':
                return faccessat(AT_FDCWD, path, R_OK, AT_EACCESS) == 0;
            case 'w':
                return faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) == 0;
            case 'x':
                return faccessat(AT_FDCWD, path, X_OK, AT_EACCESS) == 0;
            default:
                break;
        }
        if (stat(path, &st) != 0) return false;
        switch (op[1]) {
            case 'b':
                return S_ISBLK(st.st_mode);
            case 'c':
                return S_ISCHR(st.st_mode);
            case 'd':
                return S_ISDIR(st.st_mode);
            case 'e':
                return true;
            case 'f':
                return S_ISREG(st.st_mode);
            case 'g':
                return (st.st_mode & S_ISGID) != 0;
            case 'G':
                return st.st_gid == getegid();
            case 'k':
                return (st.st_mode & S_ISVTX) != 0;
            case 'O':
                return st.st_uid == geteuid();
            case 'p':
                return S_ISFIFO(st.st_mode);
            case 'S':
                return S_ISSOCK(st.st_mode);
            case 's':
                return st.st_size > 0;
            case 'u':
                return (st.st_mode & S_ISUID) != 0;
            default:
                return false;
        }
    }

    static bool newer(const struct stat& a, const struct stat& b) {
        if (a.st_mtim.tv_sec != b.st_mtim.tv_sec) return a.st_mtim.tv_sec > b.st_mtim.tv_sec;
        return a.st_mtim.tv_nsec > b.st_mtim.tv_nsec;
    }

    bool binary(const std::string& left, const std::string& op, const std::string& right) {
        if (op == "=") return left == right;
        if (op == "!=") return left != right;
        if (op == "<") return std::strcoll(left.c_str(), right.c_str()) < 0;
        if (op == ">") return std::strcoll(left.c_str(), right.c_str()) > 0;
        if (op == "-nt" || op == "-ot" || op == "-ef") {
            struct stat a, b;
            bool has_a = stat(left.c_str(), &a) == 0;
            bool has_b = stat(right.c_str(), &b) == 0;
            // XCU test: a file that exists is newer than one that does not.
            if (op == "-nt") return has_a && (!has_b || newer(a, b));
            if (op == "-ot") return has_b && (!has_a || newer(b, a));
            return has_a && has_b && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
        }
        std::intmax_t l = integer(left), r = integer(right);
        if (op == "-eq") return l == r;
        if (op == "-ne") return l != r;
        if (op == "-gt") return l > r;
        if (op == "-ge") return l >= r;
        if (op == "-lt") return l < r;
        return l <= r;  // -le
    }
};

}  // namespace

int builtin_test(Shell& sh, Args argv) {
    std::size_t last = argv.size();
    if (argv[0] == "[") {
        if (last < 2 || argv[last - 1] != "]") {
            sh.error("[", "missing ]");
            return 2;
        }
        --last;
    }
    TestEvaluator evaluator(sh, argv);
    try {
        return evaluator.evaluate(1, last) ? 0 : 1;
    } catch (const TestSyntaxError&) {
        return 2;
    }
}

}  // namespace vsh
