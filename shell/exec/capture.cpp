#include "shell/exec/capture.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>

#include "shell/core/shell.hpp"
#include "shell/exec/child_command.hpp"
#include "shell/exec/command_words.hpp"
#include "shell/exec/foreground.hpp"
#include "shell/exec/pipeline.hpp"
#include "shell/jobs/jobs.hpp"

namespace vsh {

namespace {

// Room for the first read: most substitutions print a line or two. resize() zero-fills the
// room, and in the parent every page written after a fork is a page fault (a copy, or the
// page taken back from the child); 16 KiB at once was four of them for each $(...).
constexpr std::size_t kFirstRoom = 1024;
// Later reads get at least this much room, and the string grows by half its size.
constexpr std::size_t kLeastRoom = 4096;
constexpr std::size_t kLeastGrowth = 16384;

void make_room(std::string& out, std::size_t size) {
    const std::size_t room = out.size() - size;
    if (size < kFirstRoom) {
        if (room == 0) out.resize(size + kFirstRoom);
    } else if (room < kLeastRoom) {
        out.resize(size + std::max(size / 2, kLeastGrowth));
    }
}

}  // namespace

Captured capture_output(int fd, std::string& out) {
    std::size_t size = out.size();
    try {
        for (;;) {
            make_room(out, size);
            ssize_t n = read(fd, out.data() + size, out.size() - size);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            size += static_cast<std::size_t>(n);
        }
    } catch (const std::bad_alloc&) {
        std::string().swap(out);
        return Captured::OutOfMemory;
    }
    out.resize(size);
    return Captured::All;
}

namespace {

// Runs the process `start` makes with its stdout on a pipe, reads all it writes into
// `output`, and waits for it. Returns its exit status (2 when no pipe or process could be
// made). A signal that killed it is told, as for a foreground command (dash too).
template <typename Start>
int capture_from(Shell& sh, std::string& output, Start start) {
    int p[2];
    if (pipe2(p, O_CLOEXEC) < 0) {
        sh.error(std::string("pipe: ") + std::strerror(errno));
        return 2;
    }
    ChildSetup setup;
    setup.plumbing.push_back(dup_onto(p[1], 1));
    setup.parent_end = p[0];
    const StartedProcess started = start(setup);
    close(p[1]);
    const Captured captured = capture_output(p[0], output);
    close(p[0]);
    int status = started.fixed_status;
    if (started.pid > 0) {
        // Every process the shell creates gets its timing record, a fork of shell code too.
        const int wait_status = wait_and_record(sh, started);
        print_signal_death(sh, wait_status);
        status = exit_status_of(wait_status);
    }
    if (captured == Captured::OutOfMemory) sh.out_of_memory();
    return status;
}

}  // namespace

bool capture_spawned(Shell& sh, ChildRunner& runner, const ast::Command& body, std::string& output,
                     int* status, const RunInShell& in_shell) {
    const ast::Command& command = unwrap_command(body);
    const auto* simple = std::get_if<ast::SimpleCommand>(&command.node);
    if (simple == nullptr || simple->words.empty() || !expandable_in_parent(command, *simple, sh))
        return false;
    // Diagnostics name the substitution's own line (it may start below the enclosing
    // command's); the enclosing command's line is back once the output is read.
    const std::uint32_t enclosing_line = sh.lineno;
    if (command.span.begin.line != 0) sh.lineno = command.span.begin.line;
    ExpandedForChild expanded = expand_for_child(sh, *simple);
    if (!expanded.failed && !expanded.external && !expanded.argv.empty() &&
        command.redirections.empty() && in_shell &&
        in_shell(command, *simple, expanded.argv, output, status)) {
        sh.lineno = enclosing_line;
        return true;
    }
    *status = capture_from(sh, output, [&](const ChildSetup& setup) {
        return start_expanded(sh, runner, command, *simple, setup, expanded);
    });
    sh.lineno = enclosing_line;
    return true;
}

bool capture_pipeline(Shell& sh, ChildRunner& runner, const ast::Command& body, std::string& output,
                      int* status) {
    const ast::Command& command = unwrap_command(body);
    const auto* pipeline = std::get_if<ast::Pipeline>(&command.node);
    // (A `!` pipeline or one with redirections of its own keeps its child shell.)
    if (pipeline == nullptr || pipeline->commands.size() < 2 || pipeline->negated ||
        !command.redirections.empty())
        return false;
    int p[2];
    if (pipe2(p, O_CLOEXEC) < 0) {
        sh.error(std::string("pipe: ") + std::strerror(errno));
        *status = 2;
        return true;
    }
    const std::vector<StartedProcess> stages =
        start_capture_stages(sh, runner, *pipeline, p[1], p[0]);
    close(p[1]);
    const Captured captured = capture_output(p[0], output);
    close(p[0]);
    std::vector<int> wait_statuses;
    wait_statuses.reserve(stages.size());
    for (const StartedProcess& started : stages) {
        if (started.pid > 0) {
            const int wait_status = wait_and_record(sh, started);
            print_signal_death(sh, wait_status);
            wait_statuses.push_back(wait_status);
        } else {
            wait_statuses.push_back(W_EXITCODE(started.fixed_status & 0xff, 0));
        }
    }
    *status = pipeline_status_of(sh, wait_statuses);
    if (captured == Captured::OutOfMemory) sh.out_of_memory();
    return true;
}

int capture_shell_code(Shell& sh, ChildRunner& runner, const ast::Command& body,
                       std::string& output) {
    return capture_from(sh, output, [&](const ChildSetup& setup) {
        return start_shell_code(sh, runner, body, setup, "$( ... )");
    });
}

}  // namespace vsh
