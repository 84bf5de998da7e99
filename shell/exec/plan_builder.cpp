#include "shell/exec/plan_builder.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include "shell/core/job_control.hpp"
#include "shell/core/shell.hpp"
#include "shell/exec/redirect.hpp"
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

// The path of the running vsh, for running scripts without #! (looked up on first need).
std::string self_executable() {
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return "/bin/sh";
    return std::string(buf, static_cast<std::size_t>(n));
}

// Environment for one spawn: the exported variables, with cmd-prefix assignments on top.
char* const* environment(Shell& sh, std::span<const std::pair<std::string, std::string>> overrides,
                         std::vector<std::string>& strings, std::vector<char*>& pointers) {
    if (overrides.empty()) return sh.vars.environment();
    for (char* const* e = sh.vars.environment(); *e != nullptr; ++e) {
        std::string_view entry(*e);
        std::string_view name = entry.substr(0, entry.find('='));
        bool replaced = false;
        for (const auto& [n, v] : overrides)
            if (n == name) replaced = true;
        if (!replaced) strings.emplace_back(entry);
    }
    for (const auto& [n, v] : overrides) strings.push_back(n + "=" + v);
    for (std::string& s : strings) pointers.push_back(s.data());
    pointers.push_back(nullptr);
    return pointers.data();
}

// POSIX: an asynchronous list without job control reads /dev/null, not the terminal; a later
// stage of a background pipeline reads its pipe. Returns the descriptor to close afterwards.
int stdin_from_devnull(const SpawnRequest& request, backends::SpawnPlan& plan) {
    for (const backends::FdAction& action : request.plumbing)
        if (action.fd == 0) return -1;
    int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    const int high = fcntl(fd, F_DUPFD_CLOEXEC, 10);
    close(fd);
    plan.fd_actions.push_back(dup_onto(high, 0));
    return high;
}

// The signals the program starts with: the mask vsh was started with, the shell's caught
// signals back to their defaults.
void set_signals(Shell& sh, const SpawnRequest& request, backends::SpawnPlan& plan) {
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
}

}  // namespace

BuiltPlan::~BuiltPlan() {
    if (devnull_ >= 0) close(devnull_);
}

void build_spawn_plan(Shell& sh, const SpawnRequest& request, PreparedRedirections& redirs,
                      std::string path, BuiltPlan& built) {
    backends::SpawnPlan& plan = built.plan;
    plan.path = std::move(path);
    plan.args = *request.argv;
    plan.envp = environment(sh, request.env_overrides, built.env_strings_, built.env_pointers_);
    plan.fd_actions = request.plumbing;
    if (request.background && !sh.options.monitor)
        built.devnull_ = stdin_from_devnull(request, plan);
    redirs.add_to_plan(plan);
    plan.process_group = request.process_group;
    plan.pgid = request.pgid;
    if (request.take_terminal == TakeTerminal::Yes && terminal_fd(sh) >= 0) {
        plan.terminal = backends::Terminal::Foreground;
        plan.tty_fd = terminal_fd(sh);
    }
    set_signals(sh, request, plan);
    if (sh.self_path.empty()) sh.self_path = self_executable();
    plan.enoexec_shell = sh.self_path;
    plan.finalize();
}

}  // namespace vsh
