// Launching an external command: from a SpawnRequest (the expanded words and what the caller
// wants of the process) through the SpawnPlan (plan_builder.hpp) to a backend, with the
// fallback to fork, the retry of a stale remembered location, and the timing of the spawn.
// Nothing here runs shell code: that is fork_shell.hpp and child_command.hpp.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "backends/spawn_plan.hpp"
#include "shell/ast/ast.hpp"
#include "shell/core/job_control.hpp"
#include "shell/exec/exec_context.hpp"

namespace vsh {

class Shell;

// Whether a command replaces the shell whatever follows it.
enum class ForceExec : unsigned char { No, Yes };  // Yes: `exec cmd`.

struct SpawnRequest {
    std::vector<std::string>* argv = nullptr;  // Expanded words; argv[0] is the command name.
    const ast::Command* command = nullptr;     // For its redirections (null: none).
    // The command as written, for the text of a job it becomes (Ctrl-Z); null: the words.
    const ast::Command* source = nullptr;
    std::span<const std::pair<std::string, std::string>> env_overrides;  // cmd-prefix VAR=x
    LastCommand last = LastCommand::No;  // Exec: replace this process when nothing follows.
    bool background = false;             // `cmd &`: stdin /dev/null without job control.
    ForceExec force_exec = ForceExec::No;
    // Non-empty: search this list instead of PATH and the hash table (`command -p`); the
    // command's environment keeps the shell's PATH.
    std::string_view search_path;
    // Fd moves applied before the command's own redirections (pipeline plumbing).
    std::vector<backends::FdAction> plumbing;
    backends::ProcessGroup process_group = backends::ProcessGroup::Inherit;
    pid_t pgid = 0;
    TakeTerminal take_terminal = TakeTerminal::No;
};

struct SpawnOutcome {
    pid_t pid = -1;                    // The child, when the spawn worked.
    int status = 0;                    // When pid < 0: the exit status to report (1, 126, 127).
    std::int64_t spawn_ns = 0;         // How long the shell was blocked in the spawn.
    std::int64_t started_ns = 0;       // Monotonic time the spawn began.
    std::int64_t started_unix_ns = 0;  // Wall-clock time the spawn began.
    const char* backend = "";          // The backend that ran it.
    const char* fallback = nullptr;    // Why the chosen backend fell back to fork (or null).
    // For a process in a job's own group: "caught" or "default" (ProcessRecord::early_stop).
    const char* early_stop = nullptr;
};

// One process the shell started for a command, a pipeline stage or a job.
struct StartedProcess {
    pid_t pid = -1;  // -1: it never started, and `fixed_status` is its exit status.
    int fixed_status = 0;
    SpawnOutcome outcome;  // How it was created; an empty backend: forked for shell code.
    std::string name;      // The command, for its timing record.
};

// When a fork for shell code began (for its timing record); read the clocks only when timing
// is wanted. elapsed() right after fork() returns gives the fork's own cost.
struct ForkClock {
    ForkClock() = default;  // Not started: elapsed() is 0.
    explicit ForkClock(const Shell& sh);
    std::int64_t elapsed() const;
    // The creation of a process forked at this clock's start, as its timing record shows it.
    SpawnOutcome outcome() const;
    std::int64_t started_ns = 0;
    std::int64_t started_unix_ns = 0;
};

// Resolves redirections and the command path, builds the plan and spawns; does not wait.
SpawnOutcome spawn_command(Shell& sh, const SpawnRequest& request);

// spawn_command() and wait (or replace the process when the request allows it).
int run_spawned(Shell& sh, const SpawnRequest& request);

// A Dup2 fd action: make `fd` a copy of `source`.
backends::FdAction dup_onto(int source, int fd);

}  // namespace vsh
