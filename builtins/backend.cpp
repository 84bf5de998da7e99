// `backend`: shows or changes the process-creation backend (DESIGN.md "Selection").
//   backend          prints the current one (`auto` when the policy chooses per command)
//   backend NAME     switches, and exports VSH_BACKEND=NAME so child shells follow
//   backend -l       lists every backend with whether this system supports it; `*` marks
//                    the current one
#include <string>
#include <string_view>

#include "backends/backend.hpp"
#include "builtins/declarations.hpp"
#include "builtins/usage.hpp"
#include "shell/core/shell.hpp"

namespace vsh {
namespace {

constexpr std::string_view kAuto = "auto";

std::string_view current_name(const Shell& sh) {
    return sh.backend == nullptr ? kAuto : sh.backend->name();
}

// "auto, fork, vfork, clone, posix_spawn", from the registry.
std::string valid_names() {
    std::string names(kAuto);
    for (const backends::Backend* backend : backends::all_backends()) {
        names += ", ";
        names += backend->name();
    }
    return names;
}

void list_line(Shell& sh, std::string_view name, bool supported, bool current,
               std::string_view note) {
    std::string line = current ? "* " : "  ";
    line += name;
    line.append(name.size() < 13 ? 13 - name.size() : 1, ' ');
    line += supported ? "supported" : "unsupported";
    if (!note.empty()) {
        line += "  ";
        line += note;
    }
    line += '\n';
    sh.out.write(line);
}

int list_backends(Shell& sh) {
    // What `auto` picks for a plain command (no terminal, no fd actions).
    backends::SpawnPlan plain;
    std::string note = "(";
    note += backends::choose_auto(plain)->name();
    note += " for a plain command)";
    list_line(sh, kAuto, true, sh.backend == nullptr, note);
    for (backends::Backend* backend : backends::all_backends())
        list_line(sh, backend->name(), backend->supported(), sh.backend == backend, {});
    return 0;
}

int switch_backend(Shell& sh, const std::string& name) {
    backends::Backend* chosen = nullptr;
    if (name != kAuto) {
        chosen = backends::find_backend(name);
        if (chosen == nullptr) {
            sh.error("backend", "unknown backend \"" + name + "\" (valid: " + valid_names() + ")");
            return 2;
        }
        if (!chosen->supported()) {
            sh.error("backend", name + ": not supported on this system");
            return 1;
        }
    }
    // Exported first: if VSH_BACKEND is readonly nothing changes.
    if (!sh.assign("VSH_BACKEND", name)) return 1;
    sh.vars.set_exported("VSH_BACKEND", true);
    sh.backend = chosen;
    return 0;
}

}  // namespace

int builtin_backend(Shell& sh, Args argv) {
    std::size_t index = 1;
    bool list = false;
    for (; index < argv.size(); ++index) {
        const std::string& arg = argv[index];
        if (arg == "--") {
            ++index;
            break;
        }
        if (arg.size() < 2 || arg[0] != '-') break;
        if (arg == "-l") {
            list = true;
            continue;
        }
        sh.error("backend", arg + ": invalid option (usage: " + usage_of(sh, "backend") + ")");
        return 2;
    }
    const std::size_t operands = argv.size() - index;
    if (operands > 1 || (list && operands > 0)) {
        sh.error("backend", "too many arguments (usage: " + usage_of(sh, "backend") + ")");
        return 2;
    }
    if (list) return list_backends(sh);
    if (operands == 1) return switch_backend(sh, argv[index]);
    std::string line(current_name(sh));
    line += '\n';
    sh.out.write(line);
    return 0;
}

}  // namespace vsh
