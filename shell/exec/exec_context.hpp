// The context the executor hands down with a command: whether it is the last thing its
// process does, and whether `set -e` looks at its status. A header of its own so that the
// files below the executor (spawning, pipelines, background jobs) need not include it.
#pragma once

namespace vsh {

// Whether a command is the last thing its shell process will do. Then an external command may
// replace the process instead of spawning (DESIGN.md rule 8). InlineTail: the last thing a
// ( ) run in the shell does (inline_subshell.hpp); a builtin or function there that the body
// may not run in the shell runs in a child instead, since nothing in the subshell follows it.
enum class LastCommand : unsigned char { No, Exec, InlineTail };

// Whether a failing command triggers `set -e` here (not in if/while conditions, not on the
// left of && or ||, not under !).
enum class ErrExit : unsigned char { Active, Suppressed };

// How run_source treats its commands: a script's syntax error ends it (and `set -n` reads
// without running); at an interactive prompt the shell goes on with the next command.
enum class CommandLoop : unsigned char { Script, Interactive };

// Whether a name run by run_argv may be a function (`command` looks past functions).
enum class Functions : unsigned char { Skip, Find };

// Whether a PATH search may answer from the `hash` table of remembered locations.
enum class UseHash : unsigned char { No, Yes };

struct ExecContext {
    LastCommand last = LastCommand::No;
    ErrExit errexit = ErrExit::Active;
};

}  // namespace vsh
