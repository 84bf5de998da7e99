// The builtin table: every builtin with its POSIX class, sorted by name and checked at compile
// time. One signature for all; output goes through sh.out / sh.err (STYLE.md habit 2).
#pragma once

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

struct Builtin {
    std::string_view name;
    BuiltinFn run;
    BuiltinClass cls;
    std::string_view help;  // One line: the usage synopsis.
};

// The builtin called `name`, or null.
const Builtin* find_builtin(std::string_view name);
std::span<const Builtin> all_builtins();

}  // namespace vsh
