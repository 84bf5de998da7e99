#include "shell/exec/spawn.hpp"
#include "shell/exec/trace_quote.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "backends/backend.hpp"
#include "shell/ast/format.hpp"
#include "shell/core/job_control.hpp"
#include "shell/core/shell.hpp"
#include "shell/core/timing_log.hpp"
#include "shell/exec/capture.hpp"
#include "shell/exec/foreground.hpp"
#include "shell/exec/fork_shell.hpp"
#include "shell/exec/redirect.hpp"
#include "shell/expand/expand.hpp"
#include "shell/expand/prompt_escapes.hpp"
#include "shell/jobs/jobs.hpp"
#include "shell/parser/parser.hpp"
#include "shell/timing/timing.hpp"
#include "shell/traps/traps.hpp"

namespace vsh {

namespace {

// The signal mask vsh was started with: programs it runs start with it too.
const sigset_t& startup_mask() {
    static const sigset_t mask = [] {
        sigset_t m;
        sigprocmask(SIG_SETMASK, nullptr, &m);
        return m;
    }();
    return mask;
}

bool is_executable_file(const std::string& path, bool* exists) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) return false;
    *exists = true;
    return S_ISREG(st.st_mode) && access(path.c_str(), X_OK) == 0;
}

void report_exec_error(Shell& sh, const std::string& name, int error, int* status) {
    switch (error) {
        case ENOENT:
            sh.error(name, "not found");
            *status = 127;
            break;
        case EACCES:
        case EPERM:
        case EISDIR:
            sh.error(name, "Permission denied");
            *status = 126;
            break;
        case E2BIG:
            sh.error(name, "Argument list too long");
            *status = 126;
            break;
        case EAGAIN:
        case ENOMEM:
            sh.error(name, std::string("cannot create a process: ") + std::strerror(error));
            *status = 126;
            break;
        default:
            sh.error(name, std::strerror(error));
            *status = 126;
            break;
    }
}

// Environment for one spawn: the exported variables, with cmd-prefix assignments on top.
class EnvironmentBlock {
  public:
    EnvironmentBlock(Shell& sh, std::span<const std::pair<std::string, std::string>> overrides) {
        if (overrides.empty()) {
            envp_ = sh.vars.environment();
            return;
        }
        for (char* const* e = sh.vars.environment(); *e != nullptr; ++e) {
            std::string_view entry(*e);
            std::string_view name = entry.substr(0, entry.find('='));
            bool replaced = false;
            for (const auto& [n, v] : overrides)
                if (n == name) replaced = true;
            if (!replaced) strings_.emplace_back(entry);
        }
        for (const auto& [n, v] : overrides) strings_.push_back(n + "=" + v);
        for (std::string& s : strings_) pointers_.push_back(s.data());
        pointers_.push_back(nullptr);
        envp_ = pointers_.data();
    }
    char* const* envp() const { return envp_; }

  private:
    std::vector<std::string> strings_;
    std::vector<char*> pointers_;
    char* const* envp_ = nullptr;
};

// The path of the running vsh, for running scripts without #! (looked up on first need).
std::string self_executable() {
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return "/bin/sh";
    return std::string(buf, static_cast<std::size_t>(n));
}

// Reports a failure to start a command where that command's standard error would have gone:
// `cmd 2>/dev/null` silences "not found", `cmd 2>&1 | less` shows it in the pipe (as in dash,
// whose child prints it after its redirections).
void report_as_command(Shell& sh, const SpawnRequest& request, PreparedRedirections& redirs,
                       const std::string& name, int error, int* status) {
    SavedFds saved;
    for (const backends::FdAction& a : request.plumbing) {
        if (a.kind != backends::FdActionKind::Dup2 || a.source_fd == a.fd) continue;
        if (saved.save(a.fd)) dup2(a.source_fd, a.fd);
    }
    if (redirs.apply(sh, &saved)) {
        report_exec_error(sh, name, error, status);
        sh.flush_streams();
    } else {
        *status = 1;
    }
}

struct FdCloser {
    int fd = -1;
    ~FdCloser() {
        if (fd >= 0) close(fd);
    }
};

}  // namespace

// In a forked child: runs a simple command whose words the parent already expanded (a builtin
// or function in a pipeline or a $(...)), then exits.
void run_expanded_in_child(Shell& sh, Executor& executor, const ast::Command& command,
                           const ast::SimpleCommand& simple, std::vector<std::string>& argv,
                           ErrExit errexit) {
    sh.is_subshell = true;
    sh.traps->reset_for_subshell();
    sh.loop_depth = 0;  // A break here does not reach the parent's loops (XCU break).
    int status;
    try {
        status =
            executor.run_expanded(command, simple, argv, ExecContext{LastCommand::Exec, errexit});
    } catch (const FatalError& e) {
        status = e.status;
    }
    executor.exit_shell(status);
}

bool names_external_command(const Shell& sh, const std::vector<std::string>& argv) {
    if (argv.empty()) return false;
    const std::string& name = argv[0];
    return name.find('/') != std::string::npos ||
           (sh.find_builtin(name) == nullptr && sh.functions.count(name) == 0);
}

ExpandedForChild expand_for_child(Shell& sh, const ast::SimpleCommand& simple) {
    ExpandedForChild result;
    Expander expander(sh);
    try {
        expand_command_words(expander, simple.words, result.argv);
        result.external = names_external_command(sh, result.argv);
        // (expandable_in_parent has ruled out readonly names, so this cannot fail.)
        if (result.external) (void)expand_prefix_assignments(sh, expander, simple, result.env);
    } catch (const FatalError& e) {
        result.failed = e.status;
    }
    return result;
}

backends::FdAction dup_onto(int source, int fd) {
    backends::FdAction a;
    a.kind = backends::FdActionKind::Dup2;
    a.fd = fd;
    a.source_fd = source;
    return a;
}

namespace {

bool has_arithmetic(const ast::Word& word) {
    for (const ast::WordPart& p : word)
        if (p.kind == ast::WordPart::Kind::Arith || has_arithmetic(p.parts)) return true;
    return false;
}

}  // namespace

bool expandable_in_parent(const ast::Command& command, const ast::SimpleCommand& simple,
                          const Shell& sh) {
    if (sh.options.nounset) return false;
    for (const ast::Word& w : simple.words)
        if (Expander::has_side_effects(w)) return false;
    // The redirections are expanded here too when the command is a program: ${v=f} must not
    // assign, nor ${v?} or $((1/0)) end, the shell (only the words' failures are caught).
    for (const ast::Redirection& r : command.redirections)
        if (Expander::has_side_effects(r.target) || has_arithmetic(r.target)) return false;
    for (const ast::Assignment& a : simple.assignments) {
        if (Expander::has_side_effects(a.value)) return false;
        // Assigning to a readonly variable is an error even for an external command (XCU
        // 2.9.1); run_expanded reports it in the process that runs the command.
        if (const Variable* v = sh.vars.find(a.name); v != nullptr && v->readonly) return false;
    }
    return true;
}

namespace {

bool word_runs_commands(const ast::Word& word) {
    for (const ast::WordPart& p : word) {
        if (p.kind == ast::WordPart::Kind::CommandSubst) return true;
        if (word_runs_commands(p.parts)) return true;
    }
    return false;
}

}  // namespace

bool runs_commands(const ast::Command& command, const ast::SimpleCommand& simple) {
    for (const ast::Word& w : simple.words)
        if (word_runs_commands(w)) return true;
    for (const ast::Assignment& a : simple.assignments)
        if (word_runs_commands(a.value)) return true;
    for (const ast::Redirection& r : command.redirections)
        if (word_runs_commands(r.target)) return true;
    return false;
}

const ast::Command& unwrap_command(const ast::Command& command) {
    const ast::Command* c = &command;
    for (;;) {
        if (!c->redirections.empty()) return *c;
        if (const auto* list = std::get_if<ast::List>(&c->node);
            list != nullptr && list->items.size() == 1 && list->items[0].async == ast::Async::No) {
            c = list->items[0].command.get();
            continue;
        }
        if (const auto* andor = std::get_if<ast::AndOrList>(&c->node);
            andor != nullptr && andor->items.size() == 1) {
            c = andor->items[0].get();
            continue;
        }
        if (const auto* p = std::get_if<ast::Pipeline>(&c->node);
            p != nullptr && p->commands.size() == 1 && !p->negated) {
            c = p->commands[0].get();
            continue;
        }
        return *c;
    }
}

std::string search_path(Shell& sh, const std::string& name, int* error, bool use_hash) {
    if (use_hash) {
        auto it = sh.command_hash.find(name);
        // A remembered location that has gone stale is found out by the exec that fails, and
        // the search repeated then (retry_stale_location), not checked here before every
        // command.
        if (it != sh.command_hash.end()) return it->second;
    }
    const std::string* path_var = sh.vars.get("PATH");
    std::string found = search_path_in(
        path_var != nullptr ? std::string_view(*path_var) : std::string_view(kDefaultPath), name,
        error);
    if (!found.empty()) sh.command_hash[name] = found;
    return found;
}

std::string search_path_in(std::string_view path, const std::string& name, int* error) {
    bool denied = false;
    std::string candidate;
    std::size_t start = 0;
    for (;;) {
        std::size_t colon = path.find(':', start);
        std::string_view dir = path.substr(
            start, colon == std::string_view::npos ? std::string_view::npos : colon - start);
        candidate.assign(dir.empty() ? std::string_view(".") : dir);
        candidate += '/';
        candidate += name;
        bool exists = false;
        if (is_executable_file(candidate, &exists)) return candidate;
        if (exists) {
            struct stat st;
            if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode)) denied = true;
        }
        if (colon == std::string_view::npos) break;
        start = colon + 1;
    }
    *error = denied ? EACCES : ENOENT;
    return {};
}

namespace {

// Whether the command replaces this process instead of running in a new one.
bool replaces_shell(const Shell& sh, const SpawnRequest& request) {
    // Under job control the command is a job of its own, in its own group, that the shell
    // waits for: the shell stays.
    return request.force_exec ||
           (request.last == LastCommand::Exec && !sh.options.interactive && !sh.traps->any_set() &&
            sh.jobs->all().empty() && !job_control_active(sh));
}

SpawnOutcome spawn_prepared(Shell& sh, const SpawnRequest& request, PreparedRedirections& redirs);

// A redirection opens a FIFO, which blocks until its other end is opened: in the command's
// process, as in dash, or `cat <fifo &` (or `cat <fifo | cat >fifo`) would stop the shell
// before it reaches the writer. No backend can do that (the parent of a vfork, a clone or a
// posix_spawn waits for the exec, as fork's does for its error pipe), so the shell forks: the
// child sets itself up as the backend's child would, opens the FIFO, and execs in place.
SpawnOutcome spawn_with_fifo_open(Shell& sh, const SpawnRequest& request,
                                  PreparedRedirections& redirs) {
    SpawnOutcome outcome;
    outcome.backend = "fork";
    outcome.fallback = "a redirection opens a FIFO in the child";
    sh.flush_streams();
    if (timing_wanted(sh)) outcome.started_unix_ns = unix_time_ns();
    outcome.started_ns = monotonic_ns();
    const bool detached = request.background && !sh.options.monitor;
    pid_t pid = fork_shell(sh, detached ? ForkedAs::AsyncList : ForkedAs::Subshell);
    if (pid < 0) {
        sh.error(std::string("fork: ") + std::strerror(errno));
        outcome.status = 2;
        return outcome;
    }
    if (pid == 0) {
        // Signals reach the child blocked in open() as they would reach the command.
        if (request.process_group != backends::ProcessGroup::Inherit)
            child_enter_job(sh, request.pgid, request.take_terminal);
        sh.is_subshell = true;
        sh.traps->reset_for_subshell();
        int status = 1;
        if (redirs.open_deferred(sh)) {
            SpawnRequest in_place = request;
            in_place.force_exec = true;
            status = spawn_prepared(sh, in_place, redirs).status;
        }
        sh.flush_streams();
        _exit(status & 0xff);
    }
    outcome.spawn_ns = monotonic_ns() - outcome.started_ns;
    outcome.pid = pid;
    if (request.process_group != backends::ProcessGroup::Inherit)
        setpgid(pid, request.pgid == 0 ? pid : request.pgid);
    return outcome;
}

}  // namespace

SpawnOutcome spawn_command(Shell& sh, const SpawnRequest& request) {
    PreparedRedirections redirs;
    if (request.command != nullptr && !request.command->redirections.empty()) {
        // A process the shell replaces may block in its opens; a new one opens its FIFOs.
        const FifoOpen fifo_open =
            replaces_shell(sh, request) ? FifoOpen::InShell : FifoOpen::Defer;
        std::vector<FdMove> plumbed;
        for (const backends::FdAction& a : request.plumbing)
            if (a.kind == backends::FdActionKind::Dup2)
                plumbed.push_back(FdMove{a.fd, a.source_fd});
        if (!redirs.prepare(sh, request.command->redirections, fifo_open, plumbed)) {
            SpawnOutcome outcome;
            outcome.status = redirection_failure_status(sh);
            return outcome;
        }
    }
    if (redirs.has_deferred_opens()) return spawn_with_fifo_open(sh, request, redirs);
    return spawn_prepared(sh, request, redirs);
}

namespace {

// XCU 2.9.1.4: when the remembered location of `name` fails (the file was removed, or lost
// its execute permission), the shell forgets it and searches PATH again. Returns whether the
// search found another file, now in `plan`, so that the caller tries once more.
bool retry_stale_location(Shell& sh, const std::string& name, int error,
                          backends::SpawnPlan& plan) {
    if (error != ENOENT && error != EACCES && error != ENOTDIR) return false;
    sh.command_hash.erase(name);
    int search_error = ENOENT;
    std::string again = search_path(sh, name, &search_error, true);
    if (again.empty() || again == plan.path) return false;
    plan.path = std::move(again);
    plan.finalize();
    return true;
}

// spawn_command() once the redirections are open.
SpawnOutcome spawn_prepared(Shell& sh, const SpawnRequest& request, PreparedRedirections& redirs) {
    SpawnOutcome outcome;
    std::vector<std::string>& argv = *request.argv;
    const std::string& name = argv[0];

    std::string path;
    // Whether `path` is a location the shell remembered, which may have gone stale since.
    bool remembered = false;
    if (name.find('/') != std::string::npos) {
        path = name;
    } else {
        int error = ENOENT;
        // `PATH=dir cmd` searches the PATH the command is given (as dash and bash do).
        const std::string* override_path = nullptr;
        for (const auto& [n, v] : request.env_overrides)
            if (n == "PATH") override_path = &v;
        if (!request.search_path.empty()) {
            path = search_path_in(request.search_path, name, &error);
        } else if (override_path != nullptr) {
            path = search_path_in(*override_path, name, &error);
        } else {
            remembered = sh.command_hash.count(name) != 0;
            path = search_path(sh, name, &error, true);
        }
        if (path.empty()) {
            report_as_command(sh, request, redirs, name, error, &outcome.status);
            return outcome;
        }
    }

    backends::SpawnPlan plan;
    plan.path = std::move(path);
    plan.args = argv;
    EnvironmentBlock env(sh, request.env_overrides);
    plan.envp = env.envp();
    plan.fd_actions = request.plumbing;
    FdCloser devnull;
    bool stdin_plumbed = false;  // A later stage of a background pipeline reads its pipe.
    for (const backends::FdAction& action : request.plumbing)
        if (action.fd == 0) stdin_plumbed = true;
    if (request.background && !sh.options.monitor && !stdin_plumbed) {
        // POSIX: an asynchronous list without job control reads /dev/null, not the terminal.
        int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            devnull.fd = fcntl(fd, F_DUPFD_CLOEXEC, 10);
            close(fd);
            plan.fd_actions.push_back(dup_onto(devnull.fd, 0));
        }
    }
    redirs.add_to_plan(plan);
    plan.process_group = request.process_group;
    plan.pgid = request.pgid;
    if (request.take_terminal && terminal_fd(sh) >= 0) {
        plan.terminal = backends::Terminal::Foreground;
        plan.tty_fd = terminal_fd(sh);
    }
    plan.child_mask = startup_mask();
    plan.default_signals = sh.traps->child_default_signals();
    // A non-interactive shell's only handlers are its traps, all in default_signals. (An
    // interactive one also has the line editor's.)
    plan.handlers_all_listed = !sh.options.interactive;
    if (request.background && !sh.options.monitor) {
        // Without job control, an asynchronous list's commands ignore SIGINT and SIGQUIT
        // (XCU 2.11), whatever the shell does with them.
        for (int sig : {SIGINT, SIGQUIT}) {
            sigdelset(&plan.default_signals, sig);
            sigaddset(&plan.ignored_signals, sig);
        }
    }
    if (sh.self_path.empty()) sh.self_path = self_executable();
    plan.enoexec_shell = sh.self_path;
    plan.finalize();

    sh.flush_streams();
    if (replaces_shell(sh, request)) {
        int error = backends::exec_in_place(plan);
        if (remembered && retry_stale_location(sh, name, error, plan))
            error = backends::exec_in_place(plan);
        report_exec_error(sh, name, error, &outcome.status);
        if (error == ENOENT) sh.command_hash.erase(name);
        return outcome;
    }

    backends::Backend* backend = sh.backend;
    const char* why = nullptr;
    if (backend == nullptr) {
        // auto's reason for passing over its first choice, if it did, is recorded too.
        backend = backends::choose_auto(plan, &why);
        outcome.fallback = why;
    } else if (!backend->can_spawn(plan, &why)) {
        outcome.fallback = why;
        backend = &backends::fork_backend();
    }
    outcome.backend = backend->name().data();
    if (plan.process_group != backends::ProcessGroup::Inherit)
        outcome.early_stop = backend->catches_early_stops() ? "caught" : "default";
    if (timing_wanted(sh)) outcome.started_unix_ns = unix_time_ns();
    std::int64_t start = monotonic_ns();
    backends::SpawnResult result = backend->spawn(plan);
    if (remembered && retry_stale_location(sh, name, result.error, plan))
        result = backend->spawn(plan);
    outcome.started_ns = start;
    outcome.spawn_ns = monotonic_ns() - start;
    if (result.error != 0) {
        if (result.error == ENOENT) sh.command_hash.erase(name);
        report_as_command(sh, request, redirs, name, result.error, &outcome.status);
        return outcome;
    }
    outcome.pid = result.pid;
    if (request.process_group != backends::ProcessGroup::Inherit) {
        // Also in the parent: whichever of the two runs first, the group exists before anyone
        // signals it (the classic race).
        setpgid(result.pid, request.pgid == 0 ? result.pid : request.pgid);
    }
    return outcome;
}

}  // namespace

int wait_and_record(Shell& sh, const SpawnOutcome& outcome, const std::string& command) {
    if (!timing_wanted(sh)) return sh.jobs->wait_pid(outcome.pid).value_or(0);
    ProcessRecord r = start_record(outcome, outcome.pid, command);
    r.shell_rss_kb = shell_rss_kb();
    int ws = sh.jobs->wait_pid(outcome.pid, &r.usage).value_or(0);
    r.wall_ns = monotonic_ns() - outcome.started_ns;
    r.wait_status = ws;
    timing_record(sh, std::move(r));
    return ws;
}

ForkClock::ForkClock(const Shell& sh) {
    if (!timing_wanted(sh)) return;
    started_ns = monotonic_ns();
    started_unix_ns = unix_time_ns();
}

std::int64_t ForkClock::elapsed() const {
    return started_ns == 0 ? 0 : monotonic_ns() - started_ns;
}

int wait_forked(Shell& sh, pid_t pid, std::int64_t started_ns, std::int64_t started_unix_ns,
                const char* what, std::int64_t fork_ns) {
    if (!timing_wanted(sh)) return sh.jobs->wait_pid(pid).value_or(0);
    ProcessRecord r;
    r.shell_rss_kb = shell_rss_kb();
    int ws = sh.jobs->wait_pid(pid, &r.usage).value_or(0);
    r.wall_ns = monotonic_ns() - started_ns;
    r.command = what;
    r.backend = "fork";
    r.shell_code = true;
    r.spawn_ns = fork_ns;
    r.pid = pid;
    r.start_unix_ns = started_unix_ns;
    r.start_monotonic_ns = started_ns;
    r.wait_status = ws;
    timing_record(sh, std::move(r));
    return ws;
}

int run_spawned(Shell& sh, const SpawnRequest& request) {
    const bool job_control = !request.force_exec && job_control_active(sh);
    const bool hand_terminal = job_control && hands_terminal_to_jobs(sh);
    SpawnOutcome outcome;
    if (job_control) {
        SpawnRequest own_group = request;
        own_group.process_group = backends::ProcessGroup::NewGroup;
        own_group.take_terminal = hand_terminal;
        outcome = spawn_command(sh, own_group);
    } else {
        outcome = spawn_command(sh, request);
    }
    if (outcome.pid < 0) {
        if (hand_terminal) take_terminal_back(sh);
        return outcome.status;
    }
    ForegroundJob job;
    job.job_control = job_control;
    job.hand_terminal = hand_terminal;
    job.pgid = outcome.pid;
    job.text = [&request] {
        return request.source != nullptr ? ast::format_command(*request.source)
                                         : job_text(*request.argv);
    };
    const std::vector<int> wait_statuses =
        wait_foreground(sh, {ForegroundProcess{outcome.pid, 0, outcome, (*request.argv)[0]}}, job);
    const int status = exit_status_of(wait_statuses.front());
    abandon_command_line_if_interrupted(sh, wait_statuses, status);
    return status;
}

bool capture_spawned(Shell& sh, Executor& executor, const ast::Command& body, std::string& output,
                     int* status) {
    const ast::Command& command = unwrap_command(body);
    const auto* simple = std::get_if<ast::SimpleCommand>(&command.node);
    if (simple == nullptr || simple->words.empty() || !expandable_in_parent(command, *simple, sh))
        return false;
    // Diagnostics name the substitution's own line (it may start below the enclosing
    // command's); the enclosing command's line is back once the output is read.
    const std::uint32_t enclosing_line = sh.lineno;
    if (command.span.begin.line != 0) sh.lineno = command.span.begin.line;
    ExpandedForChild expanded = expand_for_child(sh, *simple);
    if (expanded.failed) {
        sh.lineno = enclosing_line;
        *status = *expanded.failed;
        return true;
    }
    std::vector<std::string>& argv = expanded.argv;

    int p[2];
    if (pipe2(p, O_CLOEXEC) < 0) {
        sh.error(std::string("pipe: ") + std::strerror(errno));
        sh.lineno = enclosing_line;
        *status = 2;
        return true;
    }
    const bool external = expanded.external;
    pid_t pid = -1;
    int fixed_status = 0;
    SpawnOutcome outcome;
    ForkClock clock;  // For a fork of shell code.
    std::int64_t fork_ns = 0;
    if (external) {
        if (sh.options.xtrace) executor.trace_command(argv, expanded.env);
        SpawnRequest req;
        req.argv = &argv;
        req.command = &command;
        req.env_overrides = expanded.env;
        req.plumbing.push_back(dup_onto(p[1], 1));
        outcome = spawn_command(sh, req);
        pid = outcome.pid;
        fixed_status = outcome.status;
    } else {
        // A builtin or function: it runs in a forked child, with the words expanded once.
        sh.flush_streams();
        clock = ForkClock(sh);
        pid = fork_shell(sh);
        fork_ns = clock.elapsed();
        if (pid == 0) {
            close(p[0]);
            dup2(p[1], 1);
            close(p[1]);
            if (argv.empty()) executor.exit_shell(0);
            run_expanded_in_child(sh, executor, command, *simple, argv);
        }
        if (pid < 0) {
            // No process (EAGAIN under ulimit -u): said, and a failure status, never an
            // empty value with $? 0.
            sh.error(std::string("fork: ") + std::strerror(errno));
            fixed_status = 2;
        }
    }
    close(p[1]);
    const Captured captured = capture_output(p[0], output);
    close(p[0]);
    if (pid < 0) {
        *status = fixed_status;
    } else {
        // A builtin's or function's child gets its timing record too (a fork of shell code),
        // as every process the shell creates does.
        const char* name = argv.empty() ? "(shell code)" : argv[0].c_str();
        const int wait_status =
            external ? wait_and_record(sh, outcome, argv[0])
                     : wait_forked(sh, pid, clock.started_ns, clock.started_unix_ns, name, fork_ns);
        print_signal_death(sh, wait_status);  // As for a foreground command (dash too).
        *status = exit_status_of(wait_status);
    }
    sh.lineno = enclosing_line;
    if (captured == Captured::OutOfMemory) sh.out_of_memory();
    return true;
}

void add_background_job(Shell& sh, Job job, pid_t pid) {
    int id = sh.jobs->add(std::move(job));
    if (sh.options.interactive && !sh.is_subshell) {
        sh.err.write("[" + std::to_string(id) + "] " + std::to_string(pid) + "\n");
        sh.err.flush();
    }
    sh.last_background = pid;
}

namespace {

// A background pipeline's job: every stage that started, with a timing record each when
// VSH_TIMING_LOG is set (finished by the job table when it reaps the stage).
Job background_job(Shell& sh, const std::vector<pid_t>& pids, const std::vector<int>& fixed,
                   const std::vector<SpawnOutcome>& outcomes,
                   const std::vector<std::string>& names) {
    Job job;
    const bool log_timing = timing_log_wanted(sh);
    for (std::size_t i = 0; i < pids.size(); ++i) {
        JobProcess& p = job.processes.emplace_back();
        if (pids[i] <= 0) {
            // It never started (not found, a redirection failed): done, with that status.
            p.done = true;
            p.wait_status = (fixed[i] & 0xff) << 8;
            continue;
        }
        p.pid = pids[i];
        if (!log_timing) continue;
        auto record = std::make_shared<ProcessRecord>(start_record(outcomes[i], pids[i], names[i]));
        record->shell_rss_kb = shell_rss_kb();
        p.timing = std::move(record);
        p.timing_started_ns = outcomes[i].started_ns;
    }
    return job;
}

// A foreground pipeline's status from its processes' wait statuses: as in dash, a stopped
// job's is 128 + the signal that stopped the last stage that stopped; otherwise the last
// stage's, or with pipefail the last non-zero one.
int pipeline_status(const Shell& sh, const std::vector<int>& wait_statuses) {
    for (auto it = wait_statuses.rbegin(); it != wait_statuses.rend(); ++it)
        if (WIFSTOPPED(*it)) return 128 + WSTOPSIG(*it);
    if (sh.options.pipefail) {
        for (auto it = wait_statuses.rbegin(); it != wait_statuses.rend(); ++it)
            if (int status = exit_status_of(*it); status != 0) return status;
        return 0;
    }
    return exit_status_of(wait_statuses.back());
}

}  // namespace

int run_pipeline_stages(Shell& sh, Executor& executor, const ast::Pipeline& pipeline,
                        ErrExit errexit, bool background) {
    const std::size_t n = pipeline.commands.size();
    std::vector<pid_t> pids(n, -1);
    std::vector<int> fixed(n, 0);
    std::vector<SpawnOutcome> outcomes(n);  // For timing: how each stage was created.
    std::vector<std::string> names(n);
    const bool timing = timing_wanted(sh) || (background && timing_log_wanted(sh));
    const bool job_control = job_control_active(sh);
    const bool hand_terminal = job_control && !background && hands_terminal_to_jobs(sh);
    // Without job control a background pipeline ignores SIGINT and SIGQUIT, and its first
    // stage reads /dev/null (XCU 2.9.3.1, 2.11).
    const bool detached = background && !job_control;
    pid_t pgid = 0;
    int prev_read = -1;
    int pfd[2] = {-1, -1};
    // Forks stage i to run shell code: joins the job, takes the pipe ends, then `run` (which
    // exits). Returns the pid in the parent.
    auto fork_stage = [&](std::size_t i, auto run) {
        outcomes[i].started_ns = monotonic_ns();
        if (timing) outcomes[i].started_unix_ns = unix_time_ns();
        pid_t pid = fork_shell(sh, detached ? ForkedAs::AsyncList : ForkedAs::Subshell);
        if (pid == 0) {
            if (job_control) child_enter_job(sh, pgid, pgid == 0 && hand_terminal);
            if (detached) {
                if (i == 0) {
                    int fd = open("/dev/null", O_RDONLY);
                    if (fd > 0) {
                        dup2(fd, 0);
                        close(fd);
                    }
                }
            }
            if (prev_read >= 0) dup2(prev_read, 0);
            if (pfd[1] >= 0) dup2(pfd[1], 1);
            // The pipe descriptors are close-on-exec, which protects the commands this child
            // execs but not the child itself: shell code keeps running here, and a read end
            // it kept open would keep a writer upstream from ever getting SIGPIPE.
            for (int fd : {prev_read, pfd[0], pfd[1]})
                if (fd > 1) close(fd);
            run();  // Does not return: the child exits through exit_shell.
            _exit(127);
        }
        outcomes[i].spawn_ns = monotonic_ns() - outcomes[i].started_ns;
        if (pid < 0) {
            // The stage never runs: said, and its status a failure (not the 0 of no process).
            sh.error(std::string("fork: ") + std::strerror(errno));
            fixed[i] = 2;
        }
        return pid;
    };
    sh.flush_streams();
    for (std::size_t i = 0; i < n; ++i) {
        pfd[0] = pfd[1] = -1;
        if (i + 1 < n && pipe2(pfd, O_CLOEXEC) < 0) {
            // This stage and the ones after it never start; the pipeline fails with 2, as
            // dash's does, whichever stage's status counts.
            sh.error(std::string("pipe: ") + std::strerror(errno));
            for (std::size_t j = i; j < n; ++j) fixed[j] = 2;
            break;
        }
        const ast::Command& stage = *pipeline.commands[i];
        if (stage.span.begin.line != 0) sh.lineno = stage.span.begin.line;
        const auto* simple = std::get_if<ast::SimpleCommand>(&stage.node);
        bool started = false;
        if (simple != nullptr && !simple->words.empty() &&
            expandable_in_parent(stage, *simple, sh) && !runs_commands(stage, *simple)) {
            ExpandedForChild expanded = expand_for_child(sh, *simple);
            std::vector<std::string>& argv = expanded.argv;
            if (expanded.failed) {
                // The stage failed in its expansion: a child that only exits with the status.
                names[i] = "(shell code)";
                const int failed = *expanded.failed;
                pids[i] = fork_stage(i, [failed] { _exit(failed & 0xff); });
                started = true;
            } else if (expanded.external) {
                if (sh.options.xtrace) executor.trace_command(argv, expanded.env);
                SpawnRequest req;
                req.argv = &argv;
                req.command = &stage;
                req.env_overrides = expanded.env;
                req.background = background;
                if (prev_read >= 0) req.plumbing.push_back(dup_onto(prev_read, 0));
                if (pfd[1] >= 0) req.plumbing.push_back(dup_onto(pfd[1], 1));
                if (job_control) {
                    req.process_group =
                        pgid == 0 ? backends::ProcessGroup::NewGroup : backends::ProcessGroup::Join;
                    req.pgid = pgid;
                    req.take_terminal = pgid == 0 && hand_terminal;
                }
                SpawnOutcome out = spawn_command(sh, req);
                pids[i] = out.pid;
                fixed[i] = out.status;
                outcomes[i] = out;
                names[i] = argv[0];
                started = true;
            } else if (!argv.empty()) {
                // A builtin or function: forked, running the words expanded here.
                names[i] = argv[0];
                pids[i] = fork_stage(
                    i, [&] { run_expanded_in_child(sh, executor, stage, *simple, argv, errexit); });
                started = true;
            }
        }
        if (!started) {
            names[i] = "(shell code)";
            pids[i] = fork_stage(i, [&] { executor.child_run(stage, errexit); });
        }
        if (job_control && pids[i] > 0) {
            if (pgid == 0) pgid = pids[i];
            setpgid(pids[i], pgid);
        }
        if (pfd[1] >= 0) close(pfd[1]);
        if (prev_read >= 0) close(prev_read);
        prev_read = pfd[0];
    }
    if (prev_read >= 0) close(prev_read);

    if (background) {
        Job job = background_job(sh, pids, fixed, outcomes, names);
        job.pgid = job_control ? pgid : 0;
        job.command = ast::format_pipeline(pipeline);
        job.pipefail = sh.options.pipefail;
        // $! is the last stage's pid (XCU 2.5.2), or the last one that started.
        pid_t last = 0;
        for (pid_t pid : pids)
            if (pid > 0) last = pid;
        add_background_job(sh, std::move(job), last);
        return 0;
    }

    std::vector<ForegroundProcess> processes(n);
    for (std::size_t i = 0; i < n; ++i)
        processes[i] = ForegroundProcess{pids[i], fixed[i], outcomes[i], names[i]};
    ForegroundJob job;
    job.job_control = job_control;
    job.hand_terminal = hand_terminal;
    job.pgid = pgid;
    job.text = [&pipeline] { return ast::format_pipeline(pipeline); };
    const std::vector<int> wait_statuses = wait_foreground(sh, processes, job);
    const int status = pipeline_status(sh, wait_statuses);
    abandon_command_line_if_interrupted(sh, wait_statuses, status);
    return status;
}

std::string expand_ps4(Shell& sh) {
    const std::string* ps4 = sh.vars.get("PS4");
    // The "+ " default is PS4's initial value (main.cpp); once unset it expands to nothing,
    // as in dash, bash, mksh and yash.
    if (ps4 == nullptr) return {};
    // bash's prompt escapes (\u, \t ...) come first; a PS4 without a backslash costs nothing.
    std::string decoded =
        ps4->find('\\') == std::string::npos
            ? *ps4
            : decode_prompt_escapes(
                  *ps4, ShellPromptFacts(sh, sh.history.next_number(), sh.history.next_number()));
    if (decoded.find_first_of("$`\\") == std::string::npos) return decoded;
    std::string text = ": \"";
    for (char c : decoded) {
        if (c == '"') text += '\\';
        text += c;
    }
    text += '"';
    auto parsed = parse_program(text, nullptr);
    auto* command = std::get_if<std::unique_ptr<ast::Command>>(&parsed);
    if (command == nullptr) return *ps4;
    const auto* simple = std::get_if<ast::SimpleCommand>(&unwrap_command(**command).node);
    if (simple == nullptr || simple->words.size() < 2) return *ps4;
    bool xtrace = sh.options.xtrace;
    sh.options.xtrace = false;
    std::string result;
    try {
        result = Expander(sh).expand_string(simple->words[1]);
    } catch (const FatalError&) {
        result = *ps4;
    }
    sh.options.xtrace = xtrace;
    return result;
}

}  // namespace vsh
