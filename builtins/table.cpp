// The builtin table (STYLE.md habit 2), the one source of facts about builtins: name,
// function, POSIX class, usage line (printed by `help` and by usage errors) and the traits
// the executor asks about. Sorted by name (byte order), checked at compile time, searched by
// binary search. To add a builtin: declare it in declarations.hpp, define it in its own
// file, and add its line here in sorted position.
#include <algorithm>
#include <array>

#include "builtins/builtin_table.hpp"
#include "builtins/declarations.hpp"
#include "shell/core/shell.hpp"

namespace vsh {
namespace {

using enum BuiltinClass;
constexpr BuiltinTraits kPure = BuiltinTraits::Pure;
constexpr BuiltinTraits kKeepsRedirections = BuiltinTraits::KeepsRedirections;
constexpr BuiltinTraits kReplacesShell = BuiltinTraits::ReplacesShell;
constexpr BuiltinTraits kDeclaration = BuiltinTraits::Declaration;
constexpr BuiltinTraits kRunsOperand = BuiltinTraits::RunsOperand;

constexpr std::array kBuiltins = {
    // clang-format off
    Builtin{".",        builtin_dot,      Special, ". file [args]"},
    Builtin{":",        builtin_colon,    Special, ": [args]", kPure},
    Builtin{"[",        builtin_test,     Regular, "[ expression ]", kPure},
    Builtin{"alias",    builtin_alias,    Regular, "alias [name[=value]...]"},
    Builtin{"backend",  builtin_backend,  Regular, "backend [-l] [name]"},
    Builtin{"bg",       builtin_bg,       Regular, "bg [job...]"},
    Builtin{"break",    builtin_break,    Special, "break [n]"},
    Builtin{"cd",       builtin_cd,       Regular, "cd [-L|-P] [dir]"},
    Builtin{"command",  builtin_command,  Regular, "command [-p] [-v|-V] name [args]", kKeepsRedirections | kRunsOperand},
    Builtin{"continue", builtin_continue, Special, "continue [n]"},
    Builtin{"dirs",     builtin_dirs,     Regular, "dirs [-c] [-l] [-p] [-v] [+N | -N]"},
    Builtin{"disown",   builtin_disown,   Regular, "disown [-h] [-a] [job...]"},
    Builtin{"echo",     builtin_echo,     Regular, "echo [string...]", kPure},
    Builtin{"eval",     builtin_eval,     Special, "eval [args]"},
    Builtin{"exec",     builtin_exec,     Special, "exec [command [args]]", kKeepsRedirections | kReplacesShell},
    Builtin{"exit",     builtin_exit,     Special, "exit [n]"},
    Builtin{"export",   builtin_export,   Special, "export [-p] [name[=value]...]", kDeclaration},
    Builtin{"false",    builtin_false,    Regular, "false", kPure},
    Builtin{"fc",       builtin_fc,       Regular, "fc [-r] [-e editor] [first [last]] | fc -l [-nr] [first [last]] | fc -s [old=new] [first]"},
    Builtin{"fg",       builtin_fg,       Regular, "fg [job]"},
    Builtin{"getopts",  builtin_getopts,  Regular, "getopts optstring name [args]"},
    Builtin{"hash",     builtin_hash,     Regular, "hash [-r] [name...]"},
    Builtin{"help",     builtin_help,     Regular, "help [pattern...]"},
    Builtin{"history",  builtin_history,  Regular, "history [-c] [n]"},
    Builtin{"jobs",     builtin_jobs,     Regular, "jobs [-l|-p] [job...]"},
    Builtin{"kill",     builtin_kill,     Regular, "kill [-s sig | -n num | -sig] pid|%job... | kill -l [exit_status]"},
    Builtin{"local",    builtin_local,    Regular, "local name[=value]...", kDeclaration},
    Builtin{"logout",   builtin_logout,   Regular, "logout [n]"},
    Builtin{"popd",     builtin_popd,     Regular, "popd [+N | -N]"},
    Builtin{"printf",   builtin_printf,   Regular, "printf format [args]", kPure},
    Builtin{"pushd",    builtin_pushd,    Regular, "pushd [dir | +N | -N]"},
    Builtin{"pwd",      builtin_pwd,      Regular, "pwd [-L|-P]", kPure},
    Builtin{"read",     builtin_read,     Regular, "read [-r] [-d delim] [-p prompt] [name...]"},
    Builtin{"readonly", builtin_readonly, Special, "readonly [-p] [name[=value]...]", kDeclaration},
    Builtin{"return",   builtin_return,   Special, "return [n]"},
    Builtin{"set",      builtin_set,      Special, "set [-abCefhHmnpuvx] [-o opt] [--] [args]"},
    Builtin{"shift",    builtin_shift,    Special, "shift [n]"},
    Builtin{"source",   builtin_source,   Regular, "source file [args]"},
    Builtin{"test",     builtin_test,     Regular, "test expression", kPure},
    Builtin{"times",    builtin_times,    Special, "times"},
    Builtin{"trap",     builtin_trap,     Special, "trap [-p] [action condition...]"},
    Builtin{"true",     builtin_true,     Regular, "true", kPure},
    Builtin{"type",     builtin_type,     Regular, "type [-a] [-t | -p | -P] name..."},
    Builtin{"ulimit",   builtin_ulimit,   Regular, "ulimit [-H|-S] [-a|-cdfnstv] [limit]"},
    Builtin{"umask",    builtin_umask,    Regular, "umask [-S] [mask]"},
    Builtin{"unalias",  builtin_unalias,  Regular, "unalias -a | name..."},
    Builtin{"unset",    builtin_unset,    Special, "unset [-f|-v] name..."},
    Builtin{"wait",     builtin_wait,     Regular, "wait [pid|job...] | -n [pid|job...]"},
    // clang-format on
};

constexpr bool sorted_by_name() {
    for (std::size_t i = 1; i < kBuiltins.size(); ++i)
        if (!(kBuiltins[i - 1].name < kBuiltins[i].name)) return false;
    return true;
}
static_assert(sorted_by_name(), "builtin table must be sorted by name, without duplicates");

}  // namespace

std::span<const Builtin> builtin_table() {
    return kBuiltins;
}

void install_builtins(Shell& sh) {
    static_assert(kBuiltins.size() < 256, "BuiltinTable indexes it with bytes");
    static constexpr BuiltinTable kTable{kBuiltins};
    sh.builtins = kTable;
}

}  // namespace vsh
