// What Tab completes: command names in command position, variable names after `$`, user
// names after `~`, directories after cd, backend, option and job names where those builtins
// take them, file names everywhere else. Pure functions of the line and the shell's state, so
// they can be tested without a terminal; readline_editor.cpp hands the results to readline.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vsh {
class Shell;
}

namespace vsh::interactive {

enum class CompletionKind : unsigned char {
    CommandName,    // First word of a simple command (after assignments and reserved words).
    VariableName,   // A word starting with `$` or `${`.
    UserName,       // A word starting with `~`, before any `/` (tilde expansion's login name).
    DirectoryName,  // The argument of cd or pushd.
    BackendName,    // The argument of `backend`, and a `--backend=` word (vsh's own option).
    OptionName,     // The word after `set -o` or `set +o`.
    JobSpec,        // A `%` word after fg, bg, kill, wait, jobs or disown.
    FileName,       // Anything else, including command words that contain a `/`.
};

// Classifies `word`, the partial word under the cursor, given the text of the line before it.
[[nodiscard]] CompletionKind completion_kind(std::string_view line_before_word,
                                             std::string_view word);

// The candidates for `word` (with its quoting already removed), sorted and without duplicates:
// builtins, functions, aliases and executables on PATH for CommandName; `$NAME` (or `${NAME}`)
// for VariableName; `~login` for UserName, from the user database; the backend names (with the
// word's `--backend=` kept) for BackendName; the `set -o` names for OptionName; `%N` and
// `%command` for each job for JobSpec. FileName and DirectoryName give the paths that start
// with `word` (directories, the only ones for DirectoryName, end in `/`); names starting with
// `.` only when the last component of `word` does.
[[nodiscard]] std::vector<std::string> completion_candidates(const Shell& sh, CompletionKind kind,
                                                             std::string_view word);

}  // namespace vsh::interactive
