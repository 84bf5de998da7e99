// The state of one running shell: variables, parameters, options, functions, aliases, traps,
// jobs, and the output streams builtins write to. One instance per process; a forked subshell
// works on its copy.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "shell/ast/ast.hpp"
#include "shell/base/output.hpp"
#include "shell/core/builtin.hpp"
#include "shell/core/code_runner.hpp"
#include "shell/history/history.hpp"
#include "shell/parser/parser.hpp"
#include "shell/vars/variables.hpp"

namespace vsh {

namespace backends {
class Backend;
}
class CommandSubstituter;
class Executor;
class JobTable;
class TrapTable;
struct TimingCollector;

// `set -o` options. Each letter option has a long name too (set -o errexit == set -e).
struct Options {
    bool allexport = false;    // -a
    bool notify = false;       // -b
    bool noclobber = false;    // -C
    bool errexit = false;      // -e
    bool noglob = false;       // -f
    bool hashall = false;      // -h
    bool histexpand = false;   // -H: `!` history expansion, on in interactive shells.
    bool interactive = false;  // -i
    bool monitor = false;      // -m
    bool noexec = false;       // -n
    bool nounset = false;      // -u
    bool privileged = false;   // -p: keep effective ids that differ from the real ones.
    bool verbose = false;      // -v
    bool xtrace = false;       // -x
    bool ignoreeof = false;
    bool pipefail = false;
    bool nolog = false;
    bool vi = false;
    bool emacs = false;
    bool timing = false;      // vsh: per-process breakdown for `time`.
    bool stdin_mode = false;  // -s (read commands from standard input)
};

// The start-up files the command line asked for (shell/interactive/startup_files.hpp reads
// them). A login shell (-l, --login, or an argv[0] that starts with '-', as login(1) and sshd
// start one) reads /etc/profile and ~/.profile; an interactive shell reads $ENV or ~/.vshrc.
// Where getopts stands inside a group of options such as "-abc", between calls. It belongs
// to the value of OPTIND getopts last wrote: assigning OPTIND starts afresh (XCU getopts:
// "OPTIND=1" starts a new scan). A forked subshell carries its copy, like the variables.
struct GetoptsPosition {
    std::string optind_written;  // OPTIND as getopts last set it.
    std::size_t position = 0;    // Next character of argument $((OPTIND-1)); 0: none.
};

enum class LoginShell : std::uint8_t { No, Yes };
enum class ProfileFiles : std::uint8_t { Read, Skip };  // Skip: --noprofile.
enum class RcFile : std::uint8_t { Read, Skip };        // Skip: --norc (~/.vshrc only, not $ENV).
struct StartupFiles {
    LoginShell login = LoginShell::No;
    ProfileFiles profile = ProfileFiles::Read;
    RcFile rc = RcFile::Read;
};

// break/continue/return/exit travel up the executor as a pending jump, not as exceptions:
// every loop and list checks `jump` after each command (as dash's evalskip does).
enum class Jump : std::uint8_t { None, Break, Continue, Return, Exit };

// Thrown for errors after which POSIX says a non-interactive shell exits (a special builtin's
// error, ${x?}, a failed redirection on a special builtin, an expansion error...). Caught by
// the command loop: an interactive shell goes on with the next command; a subshell or
// script exits with `status`.
struct FatalError {
    int status = 2;
};

// Thrown in a subshell running inside the shell (Shell::inline_subshells, see
// exec/inline_subshell.hpp) for what would end the subshell's process: `exit`, `set -e`, a
// signal whose trap the subshell would not have had. Ends only that body, with `status`.
struct InlineSubshellExit {
    int status;
    int signal = 0;  // The signal that ended it (status 128 + signal), or 0.
};

// Thrown in an interactive shell's command loop (Shell::abandon_on_interrupt) when Ctrl-C or
// Ctrl-Z ends or stops a foreground job, or Ctrl-C reaches the shell while it runs a command
// itself (a loop of builtins): the rest of the command line is abandoned and the prompt comes
// back. `status` is the new $?.
struct CommandLineAbandoned {
    int status = 130;
};

class Shell {
  public:
    Shell();
    ~Shell();

    Variables vars;
    Options options;
    AliasTable aliases;
    std::unordered_map<std::string, std::shared_ptr<const ast::Command>> functions;
    // Bumped whenever `functions` changes (a definition runs, unset -f): what the executor
    // worked out about the functions (which of them an inline $(...) may call) is then stale.
    std::uint64_t functions_version = 0;

    std::string arg0;                     // $0
    std::vector<std::string> positional;  // $1 ...

    int last_status = 0;            // $?
    pid_t last_background = 0;      // $! (0: none yet)
    pid_t shell_pid = 0;            // $$ (the main shell's pid, also in subshells)
    bool is_subshell = false;       // Running in a forked subshell.
    bool monitor_given = false;     // -m or +m was on the command line (no default then).
    bool histexpand_given = false;  // -H or +H (or -o histexpand) on the command line.
    StartupFiles startup;           // Set from the command line; `logout` checks startup.login.
    GetoptsPosition getopts;
    // $(...) bodies running in this process as if in a subshell (exec/inline_subshell.hpp); 0
    // again in a forked child.
    int inline_subshells = 0;
    // The processes started while one runs (for the signals they send it); emptied when the
    // outermost ends.
    std::vector<pid_t> inline_children;

    Jump jump = Jump::None;
    int jump_count = 0;  // Loop levels left for break/continue.
    // True while the interactive command loop runs a command line read from the terminal,
    // which may then be abandoned (CommandLineAbandoned); false in start-up files, subshells
    // and non-interactive shells.
    bool abandon_on_interrupt = false;
    int loop_depth = 0;  // Loops currently running (for break/continue validity).
    int function_depth = 0;
    int dot_depth = 0;  // Nesting of `.` scripts (return is valid in them too).

    OutputStream out{1};
    OutputStream err{2};

    // Name for diagnostics: the script path, "-c", "stdin", or empty when interactive.
    std::string source_name = "vsh";
    std::uint32_t lineno = 0;  // LINENO: the line of the command being run.

    std::unique_ptr<TrapTable> traps;
    std::unique_ptr<JobTable> jobs;
    // The executor: owned here through the one interface Shell calls, and seen by the layers
    // above shell/exec as itself. Both stay null until install_executor.
    std::unique_ptr<CodeRunner> runner;
    Executor* executor = nullptr;
    // What expansion runs $(...) through: the executor, or a stub in a fuzz target.
    CommandSubstituter* substituter = nullptr;

    // The backend chosen with --backend/VSH_BACKEND/`backend`; null means `auto`.
    backends::Backend* backend = nullptr;
    // Path of the vsh binary itself (for ENOEXEC scripts and `vsh` re-execution).
    std::string self_path;

    // Timing mode: records of the processes spawned while a `time` is running (null when
    // none is), and the VSH_TIMING_LOG descriptor (-2: not opened yet, -1: unusable).
    TimingCollector* timing_collector = nullptr;
    // The terminal for job control (-2: not looked for yet; see shell/core/job_control.hpp).
    int tty_fd = -2;
    // Prompts left during which `exit` or end of input leaves despite stopped jobs: 2 when
    // the warning was just given, counted down before each primary prompt (as dash does).
    int stopped_jobs_warning = 0;
    int timing_log_fd = -2;

    // Work due when the shell itself exits (Executor::exit_shell), from a layer above the
    // executor: the interactive shell's history file and terminal (start_interactive sets it).
    // Not called in a subshell.
    void (*at_exit)(Shell& sh) = nullptr;

    // The commands an interactive shell has read (empty in a non-interactive one).
    History history;

    // The builtins (builtins/table.cpp; install_builtins): empty until installed.
    BuiltinTable builtins;
    // The builtin called `name`, or null.
    const Builtin* find_builtin(std::string_view name) const { return builtins.find(name); }

    // Remembered command locations (the `hash` table); cleared when PATH changes.
    std::unordered_map<std::string, std::string> command_hash;

    // Writes "vsh: NAME:LINE: message\n" to stderr (through `err`, flushed at once).
    void error(std::string_view message);
    // The same, for a builtin or utility: "vsh: NAME:LINE: WHO: message".
    void error(std::string_view who, std::string_view message);
    // Memory ran out (std::bad_alloc) in the command being run: says so and throws FatalError
    // 2, which ends that command in an interactive shell and the script otherwise.
    [[noreturn]] void out_of_memory();
    // The same message, for the places that end the shell themselves; returns the status (2).
    int report_out_of_memory();

    // $- : the letters of the options that are on.
    std::string option_letters() const;
    // Sets a letter option; false if the letter is unknown.
    bool set_option_letter(char letter, bool on);
    // Sets a `set -o` option by name; false if the name is unknown.
    bool set_option_name(std::string_view name, bool on);
    // Every long option name with its state, in `set -o` order.
    std::vector<std::pair<std::string_view, bool>> option_list() const;

    // Assignment with the readonly error reported ("vsh: ...: x: is read only"); returns
    // false if refused.
    bool assign(std::string_view name, std::string_view value);

    // Runs `text` as shell code (eval, trap actions, -c). Returns the exit status.
    int run_string(std::string_view text, std::string_view name_for_errors = {});

    // Flushes `out` and `err`.
    void flush_streams();
};

}  // namespace vsh
