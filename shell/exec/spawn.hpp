// From an expanded command to a running process: PATH search, the SpawnPlan (built entirely in
// the parent, DESIGN.md "The backend contract"), the choice of backend, and the cases where
// the executor needs a child of its own (pipelines, $(...), `time`).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "backends/spawn_plan.hpp"
#include "shell/ast/ast.hpp"
#include "shell/exec/executor.hpp"
#include "shell/jobs/jobs.hpp"

namespace vsh {

class Shell;
class Expander;

// The command search path when PATH is unset (XCU 2.9.1.4 leaves it to the implementation),
// and PATH's value in a shell started without one.
inline constexpr const char* kDefaultPath = "/usr/local/bin:/usr/bin:/bin";

struct SpawnRequest {
    std::vector<std::string>* argv = nullptr;  // Expanded words; argv[0] is the command name.
    const ast::Command* command = nullptr;     // For its redirections (null: none).
    // The command as written, for the text of a job it becomes (Ctrl-Z); null: the words.
    const ast::Command* source = nullptr;
    std::span<const std::pair<std::string, std::string>> env_overrides;  // cmd-prefix VAR=x
    LastCommand last = LastCommand::No;  // Exec: replace this process when nothing follows.
    bool background = false;             // `cmd &`: stdin /dev/null without job control.
    bool force_exec = false;             // `exec cmd`: always replace the process.
    // Non-empty: search this list instead of PATH and the hash table (`command -p`); the
    // command's environment keeps the shell's PATH.
    std::string_view search_path;
    // Fd moves applied before the command's own redirections (pipeline plumbing).
    std::vector<backends::FdAction> plumbing;
    backends::ProcessGroup process_group = backends::ProcessGroup::Inherit;
    pid_t pgid = 0;
    bool take_terminal = false;
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

// Resolves redirections and the command path, builds the plan and spawns; does not wait.
SpawnOutcome spawn_command(Shell& sh, const SpawnRequest& request);
// Waits for a spawned child and hands its timing record on (when timing is wanted). Returns
// the raw wait status.
// (A foreground job, which may stop, is waited for by wait_foreground instead.)
int wait_and_record(Shell& sh, const SpawnOutcome& outcome, const std::string& command);
// The same for a child forked to run shell code.
int wait_forked(Shell& sh, pid_t pid, std::int64_t started_ns, std::int64_t started_unix_ns,
                const char* what, std::int64_t fork_ns = 0);

// When a fork for shell code began (for its timing record); read the clocks only when timing
// is wanted. elapsed() right after fork() returns gives the fork's own cost.
struct ForkClock {
    ForkClock() = default;  // Not started: elapsed() is 0.
    explicit ForkClock(const Shell& sh);
    std::int64_t elapsed() const;
    std::int64_t started_ns = 0;
    std::int64_t started_unix_ns = 0;
};

// spawn_command() and wait (or replace the process when the request allows it).
int run_spawned(Shell& sh, const SpawnRequest& request);

// PATH search with the remembered-location table. Empty result: not found, with *error set to
// ENOENT or EACCES (a match that is not executable).
std::string search_path(Shell& sh, const std::string& name, int* error, bool use_hash);
// The same over an explicit PATH value, without the table.
std::string search_path_in(std::string_view path, const std::string& name, int* error);

// $(cmd) whose body is one simple command: when its words can be expanded here and it turns
// out to be an external program, spawn it through the backend with stdout on a pipe. Returns
// false (having done nothing) when the body is not of that shape.
bool capture_spawned(Shell& sh, Executor& executor, const ast::Command& body, std::string& output,
                     int* status);

// Enters `cmd &`'s job in the table, says "[N] pid" in an interactive shell and sets $! to
// `pid`.
void add_background_job(Shell& sh, Job job, pid_t pid);

// Runs a pipeline of two or more commands: each stage spawned or forked from this shell, then
// all waited for; returns the pipeline's status. With `background` (`a | b &`) the stages
// become one job instead and nothing is waited for; $! is the last stage. `errexit` is the
// pipeline's context, which the stages that run shell code keep (XCU 2.8.1: `set -e` stays
// ignored in a subshell of an if condition, of a `!` pipeline or of the left of && and ||).
int run_pipeline_stages(Shell& sh, Executor& executor, const ast::Pipeline& pipeline,
                        ErrExit errexit, bool background = false);
int run_time_command(Shell& sh, Executor& executor, const ast::Timed& node, ExecContext ctx);

// $PS4 expanded for a `set -x` line.
std::string expand_ps4(Shell& sh);

// Whether a simple command's words (and redirections) can be expanded in the parent on behalf
// of a child: nothing in them changes shell state. (They may still fail, as $((1/0)) does:
// expand_for_child.)
bool expandable_in_parent(const ast::Command& command, const ast::SimpleCommand& simple,
                          const Shell& sh);

// Whether expanding the command's words, VAR=value prefixes or redirections (here-document
// bodies too) runs a command (a command substitution anywhere in them). Such a command
// substitution belongs in the child: it reads the child's standard input (a pipe in a
// pipeline, /dev/null in the background), and the shell must not wait for it.
bool runs_commands(const ast::Command& command, const ast::SimpleCommand& simple);

// In a forked child: runs a simple command whose words the parent already expanded (a builtin
// or function in a pipeline, in the background or in a $(...)), then exits. `errexit` is the
// context the command was in: a pipeline stage in an if condition still ignores `set -e`.
[[noreturn]] void run_expanded_in_child(Shell& sh, Executor& executor, const ast::Command& command,
                                        const ast::SimpleCommand& simple,
                                        std::vector<std::string>& argv,
                                        ErrExit errexit = ErrExit::Active);

// True when argv[0] names neither a builtin nor a function (or contains a slash).
bool names_external_command(const Shell& sh, const std::vector<std::string>& argv);

// Expands a simple command's words into `argv`. The NAME=word arguments of a declaration
// utility (export, readonly, local, also through `command`; also when only the expansion of
// the command name shows it) are expanded as assignments: no field splitting or pathname
// expansion, tildes after '=' and ':' (POSIX.1-2024 XCU 2.9.1.1).
void expand_command_words(Expander& expander, const std::vector<ast::Word>& words,
                          std::vector<std::string>& argv);

// Expands a simple command's VAR=value prefixes in order into `out`. Each sees the ones before
// it (`a=1 b=$a cmd` gives b=1, as in dash and bash): all but the last are assigned for the
// time of the expansions, then undone. False when one names a readonly variable.
bool expand_prefix_assignments(Shell& sh, Expander& expander, const ast::SimpleCommand& simple,
                               std::vector<std::pair<std::string, std::string>>& out);

// A simple command's words, expanded in the parent on a child's behalf (see
// expandable_in_parent), and for an external command the values of its VAR=value prefixes,
// for the child's environment.
struct ExpandedForChild {
    std::vector<std::string> argv;
    std::vector<std::pair<std::string, std::string>> env;
    bool external = false;  // argv[0] names a program (names_external_command).
    // Set when an expansion failed (division by zero, a variable that holds no number): the
    // error is the child's, as if it had expanded the words itself, so it has been reported
    // and the child is to exit with this status; the shell goes on.
    std::optional<int> failed;
};
ExpandedForChild expand_for_child(Shell& sh, const ast::SimpleCommand& simple);

// A Dup2 fd action: make `fd` a copy of `source`.
backends::FdAction dup_onto(int source, int fd);

// Strips trivial wrappers (a one-command pipeline, a one-item list) around a command.
const ast::Command& unwrap_command(const ast::Command& command);

}  // namespace vsh
