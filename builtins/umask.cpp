// umask (XCU umask): prints the mask in octal or, with -S, as the permissions it leaves
// (u=rwx,g=rx,o=rx); sets it from octal or from a chmod-style symbolic mode, which works on
// the permissions the mask leaves, not on the mask itself.
#include <sys/stat.h>

#include <optional>
#include <string>
#include <string_view>

#include "builtins/declarations.hpp"
#include "builtins/option_util.hpp"
#include "shell/core/shell.hpp"

namespace vsh {
namespace {

// Reads the mask without changing it (umask(2) can only read by writing).
mode_t current_mask() {
    mode_t mask = umask(0);
    umask(mask);
    return mask & 0777;
}

std::string symbolic(mode_t permissions) {
    std::string text;
    const char* who = "ugo";
    for (int i = 0; i < 3; ++i) {
        if (i > 0) text += ',';
        text += who[i];
        text += '=';
        mode_t bits = (permissions >> (6 - 3 * i)) & 7;
        if (bits & 4) text += 'r';
        if (bits & 2) text += 'w';
        if (bits & 1) text += 'x';
    }
    return text;
}

std::optional<mode_t> parse_octal(std::string_view text) {
    mode_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '7' || value > 07777) return std::nullopt;
        value = value * 8 + static_cast<mode_t>(c - '0');
    }
    if (value > 07777) return std::nullopt;
    return value & 0777;
}

// The bits of one class (u, g or o), replicated to all three positions: 0421 pattern times
// the class value, so that masking with `who` picks the right ones.
mode_t spread(mode_t three_bits) {
    return three_bits * 0111;
}

// Applies a symbolic mode (XCU chmod's grammar, without s and t, which a mask cannot hold)
// to `permissions`. Returns nullopt if the text does not parse.
std::optional<mode_t> apply_symbolic(std::string_view text, mode_t permissions) {
    std::size_t i = 0;
    for (;;) {
        mode_t who = 0;
        for (; i < text.size(); ++i) {
            char c = text[i];
            if (c == 'u')
                who |= 0700;
            else if (c == 'g')
                who |= 0070;
            else if (c == 'o')
                who |= 0007;
            else if (c == 'a')
                who |= 0777;
            else
                break;
        }
        // No `who` means all: a mask has no umask of its own to filter by (as dash, bash).
        if (who == 0) who = 0777;
        if (i >= text.size() || (text[i] != '+' && text[i] != '-' && text[i] != '='))
            return std::nullopt;
        while (i < text.size() && (text[i] == '+' || text[i] == '-' || text[i] == '=')) {
            char op = text[i++];
            mode_t bits = 0;
            if (i < text.size() && (text[i] == 'u' || text[i] == 'g' || text[i] == 'o')) {
                int shift = text[i] == 'u' ? 6 : text[i] == 'g' ? 3 : 0;
                bits = spread((permissions >> shift) & 7);
                ++i;
            } else {
                for (; i < text.size(); ++i) {
                    char c = text[i];
                    if (c == 'r')
                        bits |= 0444;
                    else if (c == 'w')
                        bits |= 0222;
                    else if (c == 'x')
                        bits |= 0111;
                    else if (c == 'X')
                        bits |= (permissions & 0111) ? 0111 : 0;
                    else if (c == 's' || c == 't')
                        continue;
                    else
                        break;
                }
            }
            bits &= who;
            if (op == '+')
                permissions |= bits;
            else if (op == '-')
                permissions &= ~bits;
            else
                permissions = (permissions & ~who) | bits;
        }
        if (i == text.size()) return permissions;
        if (text[i] != ',') return std::nullopt;
        ++i;
    }
}

}  // namespace

int builtin_umask(Shell& sh, Args argv) {
    enum class Style : unsigned char { Octal, Symbolic } style = Style::Octal;
    OptionScanner options(sh, argv, "S");
    while (char letter = options.next()) {
        if (letter == '?') return 2;
        style = Style::Symbolic;
    }
    std::size_t operand = options.operand_index();
    mode_t mask = current_mask();
    if (operand == argv.size()) {
        if (style == Style::Symbolic) {
            sh.out.write(symbolic(~mask & 0777));
        } else {
            char text[8];
            text[0] = '0';
            for (int i = 0; i < 3; ++i)
                text[1 + i] = static_cast<char>('0' + ((mask >> (6 - 3 * i)) & 7));
            sh.out.write(std::string_view(text, 4));
        }
        sh.out.put('\n');
        return 0;
    }
    const std::string& mode = argv[operand];
    std::optional<mode_t> new_mask;
    if (!mode.empty() && mode[0] >= '0' && mode[0] <= '9') {
        new_mask = parse_octal(mode);
        if (!new_mask) {
            sh.error("umask", "Illegal number: " + mode);
            return 1;
        }
    } else {
        std::optional<mode_t> permissions = apply_symbolic(mode, ~mask & 0777);
        if (!permissions) {
            sh.error("umask", "Illegal mode: " + mode);
            return 1;
        }
        new_mask = ~*permissions & 0777;
    }
    umask(*new_mask);
    return 0;
}

}  // namespace vsh
