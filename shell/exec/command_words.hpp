// A simple command's words and VAR=value prefixes: expanding them (declaration utilities
// expand theirs as assignments), variables assigned for one command's duration, and the
// trivial wrappers around a command.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "shell/ast/ast.hpp"
#include "shell/vars/variables.hpp"

namespace vsh {

class Shell;
class Expander;

// Expands a simple command's words into `argv`. The NAME=word arguments of a declaration
// utility (export, readonly, local, also through `command`; also when only the expansion of
// the command name shows it) are expanded as assignments: no field splitting or pathname
// expansion, tildes after '=' and ':' (POSIX.1-2024 XCU 2.9.1.1).
void expand_command_words(const Shell& sh, Expander& expander, const std::vector<ast::Word>& words,
                          std::vector<std::string>& argv);

// Expands a simple command's VAR=value prefixes in order into `out`. Each sees the ones before
// it (`a=1 b=$a cmd` gives b=1, as in dash and bash): all but the last are assigned for the
// time of the expansions, then undone. False when one names a readonly variable.
bool expand_prefix_assignments(Shell& sh, Expander& expander, const ast::SimpleCommand& simple,
                               std::vector<std::pair<std::string, std::string>>& out);

// Variables assigned for the duration of one builtin or function call, restored afterwards.
class TemporaryAssignments {
  public:
    explicit TemporaryAssignments(Shell& sh) : sh_(sh) {}
    ~TemporaryAssignments();
    TemporaryAssignments(const TemporaryAssignments&) = delete;
    TemporaryAssignments& operator=(const TemporaryAssignments&) = delete;

    // Whether a temporary assignment is exported (for a command's environment) or not.
    enum class Export : unsigned char { No, Yes };

    // Assigns `value` (and exports it when `how` says so), remembering what `name` was; false
    // when the variable is readonly.
    bool assign(const std::string& name, const std::string& value, Export how);

  private:
    struct Saved {
        std::string name;
        bool existed;
        Variable old;
    };
    Shell& sh_;
    std::vector<Saved> saved_;
};

// Strips trivial wrappers (a one-command pipeline, a one-item list) around a command.
const ast::Command& unwrap_command(const ast::Command& command);

// Whether the word reads $RANDOM, whose generator a subshell has to itself (seeded anew, the
// shell's own sequence left as it was): such a word is not expanded in the shell on a
// subshell's behalf.
bool reads_random(const std::vector<ast::WordPart>& word);

}  // namespace vsh
