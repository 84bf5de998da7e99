#include "shell/exec/foreground.hpp"

#include <signal.h>
#include <sys/wait.h>

#include <memory>
#include <utility>

#include "shell/core/job_control.hpp"
#include "shell/core/shell.hpp"
#include "shell/core/timing_log.hpp"
#include "shell/jobs/jobs.hpp"

namespace vsh {

ProcessRecord start_record(const SpawnOutcome& outcome, pid_t pid, const std::string& name) {
    ProcessRecord record;
    record.command = name;
    record.shell_code = outcome.backend[0] == '\0';
    record.backend = record.shell_code ? "fork" : outcome.backend;
    record.fallback = outcome.fallback;
    record.early_stop = outcome.early_stop;
    record.pid = pid;
    record.start_unix_ns = outcome.started_unix_ns;
    record.start_monotonic_ns = outcome.started_ns;
    record.spawn_ns = outcome.spawn_ns;
    return record;
}

int wait_and_record(Shell& sh, const StartedProcess& process) {
    if (!timing_wanted(sh)) return sh.jobs->wait_pid(process.pid).value_or(0);
    ProcessRecord r = start_record(process.outcome, process.pid, process.name);
    r.shell_rss_kb = shell_rss_kb();
    int ws = sh.jobs->wait_pid(process.pid, &r.usage).value_or(0);
    r.wall_ns = monotonic_ns() - process.outcome.started_ns;
    r.wait_status = ws;
    timing_record(sh, std::move(r));
    return ws;
}

void print_signal_death(Shell& sh, int wait_status) {
    std::string text = signal_death_text(wait_status);
    if (text.empty()) return;
    text += '\n';
    sh.out.flush();
    sh.err.write(text);
    sh.err.flush();
}

void end_interrupted_line(Shell& sh, const std::vector<int>& wait_statuses) {
    if (!sh.options.interactive) return;
    for (int wait_status : wait_statuses) {
        if (WIFSIGNALED(wait_status) && WTERMSIG(wait_status) == SIGINT) {
            sh.err.write("\n");
            sh.err.flush();
            return;
        }
    }
}

namespace {

// A stopped job's entry for the job table: its processes with their statuses, and for each
// one still to end, its timing record so far (finished by the table when it is reaped).
Job stopped_job(Shell& sh, const std::vector<StartedProcess>& processes,
                const std::vector<int>& wait_statuses, const std::vector<ProcessWait>& waits,
                bool timing, long shell_rss) {
    Job job;
    for (std::size_t i = 0; i < processes.size(); ++i) {
        const StartedProcess& process = processes[i];
        if (process.pid <= 0) continue;
        JobProcess& entry = job.processes.emplace_back();
        entry.pid = process.pid;
        entry.wait_status = wait_statuses[i];
        if (!WIFSTOPPED(wait_statuses[i])) {
            entry.done = true;
            continue;
        }
        entry.mark_stopped(wait_statuses[i]);
        if (waits[i].settled_ns != 0) entry.stopped_since_ns = waits[i].settled_ns;
        if (timing && timing_log_wanted(sh)) {
            auto record = std::make_shared<ProcessRecord>(
                start_record(process.outcome, process.pid, process.name));
            record->shell_rss_kb = shell_rss;
            entry.timing = std::move(record);
            entry.timing_started_ns = process.outcome.started_ns;
        }
    }
    return job;
}

}  // namespace

std::vector<int> wait_foreground(Shell& sh, const std::vector<StartedProcess>& processes,
                                 const ForegroundJob& job) {
    const bool timing = timing_wanted(sh);
    const long shell_rss = timing ? shell_rss_kb() : 0;
    std::vector<pid_t> pids;
    pids.reserve(processes.size());
    for (const StartedProcess& process : processes) pids.push_back(process.pid);
    // Deaths are told as they come, as in dash; while the job holds the terminal the shell
    // keeps them until it has the terminal back (a write from a background group may stop it).
    std::vector<int> deaths;
    const auto settled = [&](std::size_t, int wait_status) {
        if (job.hand_terminal) {
            deaths.push_back(wait_status);
        } else {
            print_signal_death(sh, wait_status);
        }
    };
    const std::vector<ProcessWait> waits =
        sh.jobs->wait_all(pids, job.job_control, job.job_control ? job.pgid : 0, settled);
    if (job.hand_terminal) take_terminal_back(sh);
    for (int wait_status : deaths) print_signal_death(sh, wait_status);

    std::vector<int> wait_statuses(processes.size(), 0);
    bool stopped = false;
    for (std::size_t i = 0; i < processes.size(); ++i) {
        const StartedProcess& process = processes[i];
        if (process.pid <= 0) {
            wait_statuses[i] = (process.fixed_status & 0xff) << 8;
            continue;
        }
        wait_statuses[i] = waits[i].wait_status;
        if (WIFSTOPPED(wait_statuses[i])) {
            stopped = true;
            continue;
        }
        if (!timing) continue;
        ProcessRecord record = start_record(process.outcome, process.pid, process.name);
        record.shell_rss_kb = shell_rss;
        const std::int64_t ended = waits[i].settled_ns != 0 ? waits[i].settled_ns : monotonic_ns();
        record.wall_ns = ended - process.outcome.started_ns;
        record.usage = waits[i].usage;
        record.wait_status = wait_statuses[i];
        timing_record(sh, std::move(record));
    }
    end_interrupted_line(sh, wait_statuses);
    if (stopped) {
        Job entry = stopped_job(sh, processes, wait_statuses, waits, timing, shell_rss);
        entry.pgid = job.pgid;
        entry.command = job.text ? job.text() : std::string();
        register_stopped_job(sh, std::move(entry));
    }
    return wait_statuses;
}

void abandon_command_line_if_interrupted(Shell& sh, const std::vector<int>& wait_statuses,
                                         int status) {
    if (!sh.abandon_on_interrupt || sh.is_subshell || !job_control_active(sh)) return;
    for (int wait_status : wait_statuses) {
        const bool stopped = WIFSTOPPED(wait_status);
        const bool interrupted = WIFSIGNALED(wait_status) && WTERMSIG(wait_status) == SIGINT;
        if (stopped || interrupted) {
            sh.last_status = status;
            throw CommandLineAbandoned{status};
        }
    }
}

}  // namespace vsh
