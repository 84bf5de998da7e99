#include "shell/exec/child_command.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>

#include "shell/base/output.hpp"
#include "shell/core/builtin.hpp"
#include "shell/core/job_control.hpp"
#include "shell/core/shell.hpp"
#include "shell/exec/child_runner.hpp"
#include "shell/exec/command_words.hpp"
#include "shell/exec/fork_shell.hpp"
#include "shell/exec/xtrace.hpp"
#include "shell/expand/expand.hpp"

namespace vsh {

namespace {

// True when argv[0] names neither a builtin nor a function (or contains a slash).
bool names_external_command(const Shell& sh, const std::vector<std::string>& argv) {
    if (argv.empty()) return false;
    const std::string& name = argv[0];
    return name.find('/') != std::string::npos ||
           (sh.find_builtin(name) == nullptr && sh.functions.count(name) == 0);
}

}  // namespace

ExpandedForChild expand_for_child(Shell& sh, const ast::SimpleCommand& simple) {
    ExpandedForChild result;
    Expander expander(sh);
    try {
        expand_command_words(sh, expander, simple.words, result.argv);
        result.external = names_external_command(sh, result.argv);
        // (expandable_in_parent has ruled out readonly names, so this cannot fail.)
        if (result.external) (void)expand_prefix_assignments(sh, expander, simple, result.env);
    } catch (const FatalError& e) {
        result.failed = e.status;
    }
    return result;
}

namespace {

bool has_arithmetic(const ast::Word& word) {
    for (const ast::WordPart& p : word)
        if (p.kind == ast::WordPart::Kind::Arith || has_arithmetic(p.parts())) return true;
    return false;
}

// Whether expanding the command's words, VAR=value prefixes or redirections (here-document
// bodies too) runs a command (a command substitution anywhere in them).
bool word_runs_commands(const ast::Word& word) {
    for (const ast::WordPart& p : word) {
        if (p.kind == ast::WordPart::Kind::CommandSubst) return true;
        if (word_runs_commands(p.parts())) return true;
    }
    return false;
}

bool runs_commands(const ast::Command& command, const ast::SimpleCommand& simple) {
    for (const ast::Word& w : simple.words)
        if (word_runs_commands(w)) return true;
    for (const ast::Assignment& a : simple.assignments)
        if (word_runs_commands(a.value)) return true;
    for (const ast::Redirection& r : command.redirections)
        if (word_runs_commands(r.target)) return true;
    return false;
}

// In a forked child, before it runs anything: its group and terminal, then its descriptors.
void enter_child(Shell& sh, const ChildSetup& setup) {
    if (setup.process_group != backends::ProcessGroup::Inherit)
        child_enter_job(sh, setup.pgid, setup.take_terminal);
    if (setup.async == Async::Detached) {
        int fd = open("/dev/null", O_RDONLY);
        if (fd > 0) {
            dup2(fd, 0);
            close(fd);
        }
    }
    for (const backends::FdAction& a : setup.plumbing) dup2(a.source_fd, a.fd);
    // The pipe descriptors are close-on-exec, which protects the commands this child execs
    // but not the child itself: shell code keeps running here, and a read end it kept open
    // would keep a writer upstream from ever getting SIGPIPE.
    for (const backends::FdAction& a : setup.plumbing)
        if (a.source_fd > 1) close(a.source_fd);
    if (setup.parent_end > 1) close(setup.parent_end);
    for (int fd : setup.capture_ends)
        if (fd > 1) close(fd);
}

// Forks a child for shell code, sets it up as `setup` says, and has it run `run`, which does
// not return.
template <typename Run>
StartedProcess fork_child(Shell& sh, const ChildSetup& setup, std::string name, Run run) {
    StartedProcess started;
    started.name = std::move(name);
    sh.flush_streams();
    const ForkClock clock(sh);
    const pid_t pid =
        fork_shell(sh, setup.async == Async::Detached ? ForkedAs::AsyncList : ForkedAs::Subshell);
    if (pid == 0) {
        enter_child(sh, setup);
        run();
        _exit(127);  // Not reached: `run` exits.
    }
    started.outcome = clock.outcome();
    if (pid < 0) {
        // It never runs: said, and its status a failure (not the 0 of no process).
        sh.error(std::string("fork: ") + std::strerror(errno));
        started.fixed_status = 2;
        return started;
    }
    started.pid = pid;
    if (setup.process_group != backends::ProcessGroup::Inherit)
        setpgid(pid, setup.pgid == 0 ? pid : setup.pgid);
    return started;
}

// A child that only exits with `status`: the command failed in the shell, where the error
// was reported, and its process is still wanted.
StartedProcess exiting_child(Shell& sh, const ChildSetup& setup, std::string name, int status) {
    return fork_child(sh, setup, std::move(name), [status] { _exit(status & 0xff); });
}

// Spawns the expanded program through the backend.
StartedProcess spawn_program(Shell& sh, const ast::Command& command, const ChildSetup& setup,
                             ExpandedForChild& expanded) {
    std::vector<std::string>& argv = expanded.argv;
    if (sh.options.xtrace) trace_command(sh, argv, expanded.env);
    SpawnRequest request;
    request.argv = &argv;
    request.command = &command;
    request.env_overrides = expanded.env;
    request.background = setup.async != Async::No;
    request.plumbing = setup.plumbing;
    request.process_group = setup.process_group;
    request.pgid = setup.pgid;
    request.take_terminal = setup.take_terminal;
    const SpawnOutcome outcome = spawn_command(sh, request);
    // Not found or not executable: reported already.
    if (outcome.pid < 0 && setup.unstarted == Unstarted::ExitingChild)
        return exiting_child(sh, setup, argv[0], outcome.status);
    return StartedProcess{outcome.pid, outcome.status, outcome, argv[0]};
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

// A pipeline stage that is a builtin changing nothing (echo "$x" | sed ...): run here, with
// no process, when setup.pure_builtin_in_shell allows. Its output goes into the pipe to the
// next stage, which has not started: the write cannot block while it fits in the pipe's
// buffer (a longer output gets a child that writes it). What it does is as in the child: it
// reads no input and changes nothing, and its words were expanded here already (they have
// no side effects: expandable_in_parent).
std::optional<StartedProcess> run_pure_builtin_in_shell(Shell& sh, ChildRunner& runner,
                                                        const ast::Command& command,
                                                        const ast::SimpleCommand& simple,
                                                        const ChildSetup& setup,
                                                        std::vector<std::string>& argv) {
    if (!command.redirections.empty() || !simple.assignments.empty()) return std::nullopt;
    const Builtin* builtin = sh.find_builtin(argv[0]);
    if (builtin == nullptr || !builtin->has(BuiltinTraits::Pure) ||
        sh.functions.count(argv[0]) != 0)
        return std::nullopt;
    for (const ast::Word& w : simple.words)
        if (reads_random(w)) return std::nullopt;
    int out = -1;
    for (const backends::FdAction& a : setup.plumbing)
        if (a.fd == 1) out = a.source_fd;
    if (out < 0) return std::nullopt;
    std::string output;
    const int status = runner.run_pure_builtin(command, simple, argv, output);
    const int capacity = fcntl(out, F_GETPIPE_SZ);
    if (capacity >= 0 && output.size() <= static_cast<std::size_t>(capacity)) {
        // (The reader's end is open here until the next stage has it: no SIGPIPE.)
        (void)write_all(out, output);
        return StartedProcess{-1, status, {}, argv[0]};
    }
    // Too long to leave in the pipe now: a child writes it (and may meet SIGPIPE, as the
    // builtin's own child would have).
    return fork_child(sh, setup, argv[0], [&] { _exit(write_all(1, output) ? status & 0xff : 1); });
}

}  // namespace

StartedProcess start_shell_code(Shell& sh, ChildRunner& runner, const ast::Command& command,
                                const ChildSetup& setup, std::string name) {
    return fork_child(sh, setup, std::move(name),
                      [&] { runner.child_run(command, setup.errexit); });
}

StartedProcess start_expanded(Shell& sh, ChildRunner& runner, const ast::Command& command,
                              const ast::SimpleCommand& simple, const ChildSetup& setup) {
    ExpandedForChild expanded = expand_for_child(sh, simple);
    return start_expanded(sh, runner, command, simple, setup, expanded);
}

StartedProcess start_expanded(Shell& sh, ChildRunner& runner, const ast::Command& command,
                              const ast::SimpleCommand& simple, const ChildSetup& setup,
                              ExpandedForChild& expanded) {
    if (expanded.failed) return exiting_child(sh, setup, "(shell code)", *expanded.failed);
    if (expanded.external) return spawn_program(sh, command, setup, expanded);
    // Words that expand to nothing leave assignments and redirections: shell code.
    if (expanded.argv.empty()) return start_shell_code(sh, runner, command, setup, "(shell code)");
    if (setup.pure_builtin_in_shell) {
        if (std::optional<StartedProcess> started =
                run_pure_builtin_in_shell(sh, runner, command, simple, setup, expanded.argv))
            return std::move(*started);
    }
    // A builtin or function: forked, running the words expanded here.
    return fork_child(sh, setup, expanded.argv[0], [&] {
        runner.child_run_expanded(command, simple, expanded.argv, setup.errexit);
    });
}

StartedProcess start_in_child(Shell& sh, ChildRunner& runner, const ast::Command& command,
                              const ChildSetup& setup) {
    if (command.span.begin.line != 0) sh.lineno = command.span.begin.line;
    const auto* simple = std::get_if<ast::SimpleCommand>(&command.node);
    if (simple == nullptr || simple->words.empty() || !expandable_in_parent(command, *simple, sh) ||
        runs_commands(command, *simple))
        return start_shell_code(sh, runner, command, setup, "(shell code)");
    return start_expanded(sh, runner, command, *simple, setup);
}

}  // namespace vsh
