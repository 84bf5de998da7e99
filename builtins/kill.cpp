// kill (XCU kill): kill [-s sig | -sig | -n num] pid|%job... and kill -l [status|sig...].
// A job operand signals the job's whole process group; a negative pid does the same for any
// group (after "--" or a signal option, so it is not read as an option).
#include <signal.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "builtins/declarations.hpp"
#include "builtins/number_util.hpp"
#include "builtins/usage.hpp"
#include "shell/core/shell.hpp"
#include "shell/jobs/jobs.hpp"
#include "shell/traps/signals.hpp"

namespace vsh {
namespace {

// kill -l: without operands every signal name; an exit status above 128 names the signal
// that killed a process; a name gives its number (as bash and ksh).
int list_signals(Shell& sh, Args operands) {
    if (operands.empty()) {
        for (const SignalEntry& s : all_signals()) {
            sh.out.write(s.name);
            sh.out.put('\n');
        }
        return 0;
    }
    int status = 0;
    for (const std::string& operand : operands) {
        if (auto number = parse_unsigned(operand)) {
            std::uintmax_t n = *number > 128 ? *number - 128 : *number;
            std::string_view name =
                n < 1024 ? signal_name(static_cast<int>(n)) : std::string_view{};
            if (!name.empty()) {
                sh.out.write(name);
                sh.out.put('\n');
                continue;
            }
        } else if (int s = signal_number(operand); s >= 0) {
            sh.out.write(std::to_string(s));
            sh.out.put('\n');
            continue;
        }
        sh.error("kill", "invalid signal number or exit status: " + operand);
        status = 1;
    }
    return status;
}

}  // namespace

int builtin_kill(Shell& sh, Args argv) {
    int signal = SIGTERM;
    std::size_t i = 1;
    if (i < argv.size() && argv[i] == "-l") {
        Args operands = argv.subspan(2);
        if (!operands.empty() && operands[0] == "--") operands = operands.subspan(1);
        return list_signals(sh, operands);
    }
    if (i < argv.size() && argv[i].size() > 1 && argv[i][0] == '-' && argv[i] != "--") {
        const std::string& option = argv[i];
        std::string spec;
        if (option == "-s" || option == "-n") {
            if (i + 1 >= argv.size()) {
                sh.error("kill", option + ": option requires an argument");
                return 2;
            }
            spec = argv[++i];
        } else {
            spec = option.substr(1);  // -INT, -9, -SIGINT
        }
        signal = signal_number(spec);
        if (signal < 0) {
            sh.error("kill", "invalid signal number or name: " + spec);
            return 1;
        }
        ++i;
    }
    if (i < argv.size() && argv[i] == "--") ++i;
    if (i >= argv.size()) {
        (void)usage_error(sh, "kill");
        return 2;
    }

    // Reap the children that have ended, so that `kill -0 $!` in a loop of builtins finds a
    // finished job gone rather than a zombie (as dash and bash do).
    sh.jobs->reap_nonblocking();
    int status = 0;
    for (; i < argv.size(); ++i) {
        const std::string& target = argv[i];
        std::vector<pid_t> pids;
        if (!target.empty() && target[0] == '%') {
            std::string why;
            std::optional<std::vector<pid_t>> targets = sh.jobs->signal_targets(target, why);
            if (!targets) {
                sh.error("kill", target + ": " + why);
                status = 1;
                continue;
            }
            pids = std::move(*targets);
            // A job whose every process has ended (not yet reported) has nothing left to
            // signal: that fails, as it does for its pid and for a job under job control.
            if (pids.empty()) {
                sh.error("kill", "(" + target + ") - " + std::strerror(ESRCH));
                status = 1;
                continue;
            }
        } else {
            auto number = parse_decimal(target);
            if (!number || *number != static_cast<pid_t>(*number)) {
                sh.error("kill", target + ": arguments must be process or job IDs");
                status = 1;
                continue;
            }
            pids.push_back(static_cast<pid_t>(*number));
        }
        // Without job control a job has no process group of its own: each of its processes
        // is signalled (as bash does; dash fails). The job counts as reached if any was.
        int error = 0;
        bool reached = false;
        for (pid_t pid : pids) {
            if (::kill(pid, signal) == 0) {
                reached = true;
                sh.jobs->note_signal_sent(pid, signal);
            } else {
                error = errno;
            }
        }
        if (!reached) {
            sh.error("kill", "(" + target + ") - " + std::strerror(error));
            status = 1;
        }
    }
    return status;
}

}  // namespace vsh
