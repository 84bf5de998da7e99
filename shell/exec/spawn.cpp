#include "shell/exec/spawn.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "backends/backend.hpp"
#include "shell/ast/format.hpp"
#include "shell/core/job_control.hpp"
#include "shell/core/shell.hpp"
#include "shell/core/timing_log.hpp"
#include "shell/exec/command_search.hpp"
#include "shell/exec/foreground.hpp"
#include "shell/exec/fork_shell.hpp"
#include "shell/exec/plan_builder.hpp"
#include "shell/exec/redirect.hpp"
#include "shell/exec/trace_quote.hpp"
#include "shell/jobs/jobs.hpp"
#include "shell/timing/timing.hpp"
#include "shell/traps/traps.hpp"

namespace vsh {

namespace {

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

// Whether the command replaces this process instead of running in a new one.
bool replaces_shell(const Shell& sh, const SpawnRequest& request) {
    // Under job control the command is a job of its own, in its own group, that the shell
    // waits for: the shell stays.
    return request.force_exec == ForceExec::Yes ||
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
            in_place.force_exec = ForceExec::Yes;
            status = spawn_prepared(sh, in_place, redirs).status;
        }
        sh.flush_streams();
        _exit(status & 0xff);
    }
    outcome.spawn_ns = monotonic_ns() - outcome.started_ns;
    outcome.pid = pid;
    if (sh.inline_subshells > 0) sh.inline_children.push_back(pid);
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
    std::string again = search_path(sh, name, &search_error, UseHash::Yes);
    if (again.empty() || again == plan.path) return false;
    plan.path = std::move(again);
    plan.finalize();
    return true;
}

// The backend for `plan`: the chosen one if it can honour the plan, else fork; under `auto`
// the policy's pick. Why a backend was passed over goes into `outcome`.
backends::Backend& choose_backend(Shell& sh, const backends::SpawnPlan& plan,
                                  SpawnOutcome& outcome) {
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
    return *backend;
}

// Replaces the shell with the program; returns only on failure, with the status in `outcome`.
void exec_replacing_shell(Shell& sh, const std::string& name, bool remembered,
                          backends::SpawnPlan& plan, SpawnOutcome& outcome) {
    int error = backends::exec_in_place(plan);
    if (remembered && retry_stale_location(sh, name, error, plan))
        error = backends::exec_in_place(plan);
    report_exec_error(sh, name, error, &outcome.status);
    if (error == ENOENT) sh.command_hash.erase(name);
}

// Spawns the program through the backend, timing it; a stale remembered location is searched
// again and tried once more.
void launch(Shell& sh, const SpawnRequest& request, PreparedRedirections& redirs, bool remembered,
            backends::SpawnPlan& plan, SpawnOutcome& outcome) {
    const std::string& name = (*request.argv)[0];
    backends::Backend& backend = choose_backend(sh, plan, outcome);
    if (timing_wanted(sh)) outcome.started_unix_ns = unix_time_ns();
    std::int64_t start = monotonic_ns();
    backends::SpawnResult result = backend.spawn(plan);
    if (remembered && retry_stale_location(sh, name, result.error, plan))
        result = backend.spawn(plan);
    outcome.started_ns = start;
    outcome.spawn_ns = monotonic_ns() - start;
    if (result.error != 0) {
        if (result.error == ENOENT) sh.command_hash.erase(name);
        report_as_command(sh, request, redirs, name, result.error, &outcome.status);
        return;
    }
    outcome.pid = result.pid;
    if (sh.inline_subshells > 0) sh.inline_children.push_back(result.pid);
    if (request.process_group != backends::ProcessGroup::Inherit) {
        // Also in the parent: whichever of the two runs first, the group exists before anyone
        // signals it (the classic race).
        setpgid(result.pid, request.pgid == 0 ? result.pid : request.pgid);
    }
}

// spawn_command() once the redirections are open.
SpawnOutcome spawn_prepared(Shell& sh, const SpawnRequest& request, PreparedRedirections& redirs) {
    SpawnOutcome outcome;
    const std::string& name = (*request.argv)[0];
    FoundProgram found = find_program(sh, name, request.search_path, request.env_overrides);
    if (found.path.empty()) {
        report_as_command(sh, request, redirs, name, found.error, &outcome.status);
        return outcome;
    }
    BuiltPlan built;
    build_spawn_plan(sh, request, redirs, std::move(found.path), built);
    sh.flush_streams();
    if (replaces_shell(sh, request)) {
        exec_replacing_shell(sh, name, found.remembered, built.plan, outcome);
    } else {
        launch(sh, request, redirs, found.remembered, built.plan, outcome);
    }
    return outcome;
}

}  // namespace

ForkClock::ForkClock(const Shell& sh) {
    if (!timing_wanted(sh)) return;
    started_ns = monotonic_ns();
    started_unix_ns = unix_time_ns();
}

std::int64_t ForkClock::elapsed() const {
    return started_ns == 0 ? 0 : monotonic_ns() - started_ns;
}

SpawnOutcome ForkClock::outcome() const {
    SpawnOutcome outcome;
    outcome.started_ns = started_ns;
    outcome.started_unix_ns = started_unix_ns;
    outcome.spawn_ns = elapsed();
    return outcome;
}

backends::FdAction dup_onto(int source, int fd) {
    backends::FdAction a;
    a.kind = backends::FdActionKind::Dup2;
    a.fd = fd;
    a.source_fd = source;
    return a;
}

int run_spawned(Shell& sh, const SpawnRequest& request) {
    const bool job_control = request.force_exec == ForceExec::No && job_control_active(sh);
    const bool hand_terminal = job_control && hands_terminal_to_jobs(sh);
    SpawnOutcome outcome;
    if (job_control) {
        SpawnRequest own_group = request;
        own_group.process_group = backends::ProcessGroup::NewGroup;
        own_group.take_terminal = hand_terminal ? TakeTerminal::Yes : TakeTerminal::No;
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
        wait_foreground(sh, {StartedProcess{outcome.pid, 0, outcome, (*request.argv)[0]}}, job);
    const int status = exit_status_of(wait_statuses.front());
    abandon_command_line_if_interrupted(sh, wait_statuses, status);
    return status;
}

}  // namespace vsh
