// trap: set, reset, ignore and list signal and EXIT actions (XCU 2.15 trap).
#include <cstdlib>
#include <optional>
#include <string>

#include "builtins/declarations.hpp"
#include "builtins/option_util.hpp"
#include "builtins/usage.hpp"
#include "shell/base/quote.hpp"
#include "shell/core/shell.hpp"
#include "shell/traps/signals.hpp"
#include "shell/traps/traps.hpp"

namespace vsh {

namespace {

std::string condition_name(int signal) {
    std::string_view name = signal_name(signal);
    if (name.empty()) return std::to_string(signal);
    return std::string(name);
}

// Which conditions a listing shows: those not in their default state (`trap`), or every
// condition named (`trap -p` with operands, or all of them without).
enum class Listing : unsigned char { Changed, All };

void print_trap(Shell& sh, int signal, Listing listing) {
    const Trap& t = sh.traps->listed(signal);
    TrapKind kind = t.kind;
    // A signal ignored on entry to a non-interactive shell stays ignored whatever trap says,
    // and the listing says so (POSIX.1-2024 trap).
    if (kind == TrapKind::Default && !sh.options.interactive && sh.traps->ignored_on_entry(signal))
        kind = TrapKind::Ignore;
    std::string action;
    switch (kind) {
        case TrapKind::Default:
            if (listing == Listing::Changed) return;
            action = "-";
            break;
        case TrapKind::Ignore:
            action = "''";
            break;
        case TrapKind::Command:
            action = shell_quote(t.action);
            break;
    }
    sh.out.write("trap -- " + action + " " + condition_name(signal) + "\n");
}

// EXIT, then the signals in numeric order. KILL and STOP show only when a trap names them
// (it has no effect): their default state is not a trap that could be set or read back.
void print_traps(Shell& sh, Listing listing) {
    for (int s = 0; s < TrapTable::kMaxSignal; ++s) {
        if ((s == SIGKILL || s == SIGSTOP) && sh.traps->listed(s).kind == TrapKind::Default)
            continue;
        if (listing == Listing::All && s != 0 && signal_name(s).empty()) continue;
        print_trap(sh, s, listing);
    }
}

bool is_unsigned_decimal(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// The signal (or 0 for EXIT) an operand names, or nullopt after reporting it.
std::optional<int> trap_condition(Shell& sh, const std::string& operand) {
    int s = signal_number(operand);
    if (s < 0 || s >= TrapTable::kMaxSignal) {
        sh.error("trap", operand + ": bad trap");
        return std::nullopt;
    }
    return s;
}

}  // namespace

int builtin_trap(Shell& sh, Args argv) {
    std::size_t i = 1;
    if (i < argv.size() && argv[i] == "--") {
        ++i;
    } else if (i < argv.size() && argv[i].size() > 1 && argv[i][0] == '-' && argv[i] != "-l" &&
               argv[i] != "-p") {
        // An unknown option is a usage error of a special builtin (a non-interactive shell
        // exits, XCU 2.8.1), never an action: `trap -x EXIT` would run `-x` at exit.
        sh.error("trap", argv[i] + ": invalid option");
        usage_error(sh, "trap");
        throw FatalError{2};
    }
    if (i < argv.size() && argv[i] == "-l") {
        for (const SignalEntry& e : all_signals())
            sh.out.write(std::to_string(e.number) + ") " + std::string(e.name) + "\n");
        return 0;
    }
    if (i < argv.size() && argv[i] == "-p") {
        ++i;
        if (i >= argv.size()) {
            print_traps(sh, Listing::All);
            return 0;
        }
        int status = 0;
        for (; i < argv.size(); ++i) {
            std::optional<int> s = trap_condition(sh, argv[i]);
            if (!s) {
                status = 1;
                continue;
            }
            print_trap(sh, *s, Listing::All);
        }
        return status;
    }
    if (i >= argv.size()) {
        print_traps(sh, Listing::Changed);
        return 0;
    }
    // `trap N...` (first operand an unsigned integer) and `trap - N...` reset; a lone operand
    // resets too.
    std::string action;
    TrapKind kind;
    if (is_unsigned_decimal(argv[i]) || argv.size() - i == 1) {
        kind = TrapKind::Default;
    } else {
        action = argv[i++];
        if (action == "-") {
            kind = TrapKind::Default;
        } else if (action.empty()) {
            kind = TrapKind::Ignore;
        } else {
            kind = TrapKind::Command;
        }
    }
    int status = 0;
    for (; i < argv.size(); ++i) {
        std::optional<int> s = trap_condition(sh, argv[i]);
        if (!s) {
            status = 1;
            continue;
        }
        if (!sh.traps->set(*s, kind, kind == TrapKind::Command ? action : std::string())) {
            sh.error("trap", argv[i] + ": cannot be trapped");
            status = 1;
        }
    }
    return status;
}

int builtin_unset(Shell& sh, Args argv) {
    enum class Target : unsigned char { Variables, Functions } target = Target::Variables;
    OptionScanner options(sh, argv, "fv");
    // As in dash, the last of -f and -v wins (`unset -fv x` unsets a variable).
    for (char letter; (letter = options.next()) != 0;) {
        if (letter == '?') throw FatalError{2};
        target = letter == 'f' ? Target::Functions : Target::Variables;
    }
    for (std::size_t i = options.operand_index(); i < argv.size(); ++i) {
        const std::string& name = argv[i];
        if (target == Target::Functions) {
            if (sh.functions.erase(name) != 0) ++sh.functions_version;
            continue;
        }
        // Errors of a special builtin: a non-interactive shell exits (XCU 2.8.1).
        if (!is_name(name)) {
            sh.error("unset", name + ": bad variable name");
            throw FatalError{2};
        }
        if (!sh.vars.unset(name)) {
            sh.error("unset", name + ": is read only");
            throw FatalError{2};
        }
    }
    return 0;
}

}  // namespace vsh
