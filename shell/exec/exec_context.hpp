// The context the executor hands down with a command: whether it is the last thing its
// process does, and whether `set -e` looks at its status. A header of its own so that the
// files below the executor (spawning, pipelines, background jobs) need not include it.
#pragma once

namespace vsh {

// Whether a command is the last thing its shell process will do. Then an external command may
// replace the process instead of spawning (DESIGN.md rule 8).
enum class LastCommand : unsigned char { No, Exec };

// Whether a failing command triggers `set -e` here (not in if/while conditions, not on the
// left of && or ||, not under !).
enum class ErrExit : unsigned char { Active, Suppressed };

struct ExecContext {
    LastCommand last = LastCommand::No;
    ErrExit errexit = ErrExit::Active;
};

}  // namespace vsh
