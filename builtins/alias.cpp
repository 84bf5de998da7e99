// alias and unalias (XCU 2.3.1).
#include "builtins/declarations.hpp"
#include "builtins/usage.hpp"
#include "shell/base/quote.hpp"
#include "shell/core/shell.hpp"

#include <algorithm>

namespace vsh {

int builtin_alias(Shell& sh, Args argv) {
    if (argv.size() == 1) {
        std::vector<std::pair<std::string, std::string>> sorted(sh.aliases.begin(),
                                                                sh.aliases.end());
        std::sort(sorted.begin(), sorted.end());
        for (const auto& [name, value] : sorted)
            sh.out.write(name + "=" + shell_quote(value) + "\n");
        return 0;
    }
    int status = 0;
    std::size_t i = 1;
    if (argv[i] == "--") ++i;
    for (; i < argv.size(); ++i) {
        const std::string& arg = argv[i];
        std::size_t eq = arg.find('=');
        // "=value" defines nothing: with no name before the '=', the operand is looked up
        // as a name, as dash and bash do.
        if (eq == std::string::npos || eq == 0) {
            auto it = sh.aliases.find(arg);
            if (it == sh.aliases.end()) {
                sh.error("alias", arg + ": not found");
                status = 1;
            } else {
                sh.out.write(arg + "=" + shell_quote(it->second) + "\n");
            }
            continue;
        }
        sh.aliases[arg.substr(0, eq)] = arg.substr(eq + 1);
    }
    return status;
}

int builtin_unalias(Shell& sh, Args argv) {
    std::size_t i = 1;
    if (i < argv.size() && argv[i] == "-a") {
        sh.aliases.clear();
        return 0;
    }
    if (i < argv.size() && argv[i] == "--") ++i;
    if (i >= argv.size()) {
        return usage_error(sh, "unalias");
    }
    int status = 0;
    for (; i < argv.size(); ++i) {
        if (sh.aliases.erase(argv[i]) == 0) {
            sh.error("unalias", argv[i] + ": not found");
            status = 1;
        }
    }
    return status;
}

}  // namespace vsh
