// help (a bash extension): the synopsis line of each builtin, straight from the builtin table.
#include <fnmatch.h>

#include <string>

#include "builtins/builtin_table.hpp"
#include "builtins/declarations.hpp"
#include "shell/core/shell.hpp"

namespace vsh {

namespace {

void write_synopsis(Shell& sh, const Builtin& builtin) {
    sh.out.write(std::string(builtin.usage) + "\n");
}

// Writes every builtin whose name matches `pattern` (a name, or a pattern as bash's help
// takes); false when none does.
bool write_matching(Shell& sh, const std::string& pattern) {
    bool found = false;
    for (const Builtin& builtin : builtin_table()) {
        if (fnmatch(pattern.c_str(), std::string(builtin.name).c_str(), 0) != 0) continue;
        write_synopsis(sh, builtin);
        found = true;
    }
    return found;
}

}  // namespace

int builtin_help(Shell& sh, Args argv) {
    std::size_t first = argv.size() > 1 && argv[1] == "--" ? 2 : 1;
    if (first >= argv.size()) {
        for (const Builtin& builtin : builtin_table()) write_synopsis(sh, builtin);
        return 0;
    }
    int status = 0;
    for (std::size_t i = first; i < argv.size(); ++i) {
        if (write_matching(sh, argv[i])) continue;
        sh.error("help", "no help topics match `" + argv[i] + "'");
        status = 1;
    }
    return status;
}

}  // namespace vsh
