// What a builtin is: one signature for all (output goes through sh.out / sh.err, STYLE.md
// habit 2), its POSIX class, its usage line and the traits the executor asks about. The table
// itself (builtins/table.cpp, sorted by name and checked at compile time) is the one source
// of these facts; install_builtins (builtins/builtin_table.hpp) hands it to the shell, where
// Shell::find_builtin looks names up, so the executor below builtins/ never includes them.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace vsh {

class Shell;

// Special builtins (XCU 2.15) differ from regular ones: their assignments persist, their
// errors exit a non-interactive shell, and they are found before functions.
enum class BuiltinClass : unsigned char { Special, Regular };

// argv[0] is the builtin's name. Returns the exit status.
using BuiltinFn = int (*)(Shell& sh, std::span<const std::string> argv);

// What the executor needs to know of a builtin beyond running it (bit flags).
enum class BuiltinTraits : unsigned char {
    None = 0,
    // Changes no shell state, so a $(...) made of it runs in the shell with no child at all.
    Pure = 1 << 0,
    // With no command operand (`exec 3<f`, `command 3<f`) its redirections stay in the shell.
    KeepsRedirections = 1 << 1,
    // Replaces the shell with its command operand: assignments before it are exported to
    // that program (`x=1 exec env`).
    ReplacesShell = 1 << 2,
    // A declaration utility (export, readonly, local): its NAME=word arguments expand as
    // assignments do (XCU 2.9.1.1). The parser knows these names for the words it sees
    // literally; the executor asks the table when only an expansion names the utility.
    Declaration = 1 << 3,
    // Runs its first argument as a command (`command`): that argument may name a
    // declaration utility in turn.
    RunsOperand = 1 << 4,
};
constexpr BuiltinTraits operator|(BuiltinTraits a, BuiltinTraits b) {
    return static_cast<BuiltinTraits>(static_cast<unsigned>(a) | static_cast<unsigned>(b));
}

struct Builtin {
    std::string_view name;
    BuiltinFn run;
    BuiltinClass cls;
    std::string_view usage;  // One line: the synopsis `help` and usage errors print.
    BuiltinTraits traits = BuiltinTraits::None;

    bool has(BuiltinTraits trait) const {
        return (static_cast<unsigned>(traits) & static_cast<unsigned>(trait)) != 0;
    }
};

// A table of builtins sorted by name, with an index by first byte: every simple command's name
// is looked up here, so the lookup compares against the few names that share its first byte
// (a binary search over the whole table was 2.4% of vsh's instructions in shellspec's
// self-test, bench/PROFILE.md).
class BuiltinTable {
  public:
    BuiltinTable() = default;
    // `table` must be sorted by name (builtins/table.cpp checks it at compile time) and have
    // fewer than 256 entries. Built at compile time there, so start-up pays nothing for it.
    constexpr explicit BuiltinTable(std::span<const Builtin> table) : table_(table) {
        std::size_t i = 0;
        for (std::size_t c = 0; c < 256; ++c) {
            first_[c] = static_cast<std::uint8_t>(i);
            while (i < table.size() && static_cast<unsigned char>(table[i].name[0]) == c) ++i;
        }
        first_[256] = static_cast<std::uint8_t>(i);
    }

    // The builtin called `name`, or null.
    const Builtin* find(std::string_view name) const;
    std::span<const Builtin> all() const { return table_; }

  private:
    std::span<const Builtin> table_;
    // The names that start with byte c are table_[first_[c]] up to table_[first_[c + 1]].
    std::array<std::uint8_t, 257> first_{};
};

}  // namespace vsh
