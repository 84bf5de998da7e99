// history: show or clear the shell's history list (a bash builtin; vsh keeps its common form).
//
//   history        every command in the list, numbered
//   history N      the last N commands
//   history -c     empties the list (the history file is left as it is)
//
// As with fc, the command that runs history is not in the list yet: it is entered when it
// has run, before the next prompt.
#include <cstdlib>
#include <string>

#include "builtins/declarations.hpp"
#include "builtins/usage.hpp"
#include "shell/core/shell.hpp"

namespace vsh {
namespace {

void show(Shell& sh, std::size_t count) {
    const auto& entries = sh.history.entries();
    std::size_t first = count < entries.size() ? entries.size() - count : 0;
    for (std::size_t i = first; i < entries.size(); ++i) {
        // bash's layout: the number right-aligned in five columns, two spaces, the command.
        std::string number = std::to_string(entries[i].number);
        if (number.size() < 5) sh.out.write(std::string(5 - number.size(), ' '));
        sh.out.write(number);
        sh.out.write("  ");
        sh.out.write(entries[i].text);
        sh.out.put('\n');
    }
}

}  // namespace

int builtin_history(Shell& sh, Args argv) {
    std::size_t i = 1;
    if (i < argv.size() && argv[i] == "--") ++i;
    if (i < argv.size() && argv[i] == "-c") {
        if (i + 1 < argv.size()) {
            (void)usage_error(sh, "history");
            return 2;
        }
        sh.history.clear();
        return 0;
    }
    if (i < argv.size() && argv[i].size() > 1 && argv[i][0] == '-') {
        sh.error("history", argv[i] + ": invalid option");
        (void)usage_error(sh, "history");
        return 2;
    }
    if (i + 1 < argv.size()) {
        sh.error("history", "too many arguments");
        return 2;
    }
    std::size_t count = sh.history.entries().size();
    if (i < argv.size()) {
        const std::string& operand = argv[i];
        char* end = nullptr;
        long n = std::strtol(operand.c_str(), &end, 10);
        if (operand.empty() || *end != '\0' || n < 0) {
            sh.error("history", operand + ": numeric argument required");
            return 1;
        }
        count = static_cast<std::size_t>(n);
    }
    show(sh, count);
    return 0;
}

}  // namespace vsh
