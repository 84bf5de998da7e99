// Command search (XCU 2.9.1.4): PATH, the remembered-location table (`hash`), and the PATH a
// command is given in its own environment.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "shell/exec/exec_context.hpp"

namespace vsh {

class Shell;

// The command search path when PATH is unset (XCU 2.9.1.4 leaves it to the implementation),
// and PATH's value in a shell started without one.
inline constexpr const char* kDefaultPath = "/usr/local/bin:/usr/bin:/bin";

// PATH search with the remembered-location table. Empty result: not found, with *error set to
// ENOENT or EACCES (a match that is not executable).
std::string search_path(Shell& sh, const std::string& name, int* error, UseHash use_hash);
// The same over an explicit PATH value, without the table.
std::string search_path_in(std::string_view path, const std::string& name, int* error);

// Where a program named without a slash was found.
struct FoundProgram {
    std::string path;  // Empty: not found, and `error` says why (ENOENT or EACCES).
    int error = 0;
    // Whether `path` came from the remembered-location table, and so may have gone stale.
    bool remembered = false;
};

// Finds the program `name` for a command: in `search_path` when given (`command -p`), else in
// the PATH of the command's own environment when `env_overrides` sets one (`PATH=dir cmd`, as
// dash and bash do), else through the table and the shell's PATH. A name with a slash is its
// own path.
FoundProgram find_program(Shell& sh, const std::string& name, std::string_view search_path,
                          std::span<const std::pair<std::string, std::string>> env_overrides);

}  // namespace vsh
