// wait, jobs, fg, bg, disown: the job table seen from the command line.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <string>
#include <vector>

#include "builtins/declarations.hpp"
#include "builtins/option_util.hpp"
#include "builtins/usage.hpp"
#include "shell/core/job_control.hpp"
#include "shell/core/shell.hpp"
#include "shell/exec/foreground.hpp"
#include "shell/exec/spawn.hpp"
#include "shell/jobs/jobs.hpp"
#include "shell/traps/traps.hpp"

namespace vsh {

namespace {

// Whether `wait` tells of the deaths by a signal it reaps ("Killed"): for the jobs it names,
// as dash does; not when it waits for every job (dash neither).
enum class TellDeaths : unsigned char { Yes, No };

// Waits for every process of `job`; returns nullopt if a trapped signal interrupted it.
// Under job control a job that stops (or is stopped) ends the wait too, with 128 + the stop
// signal, as in dash and bash: waiting on would never end.
std::optional<int> wait_job(Shell& sh, Job& job, TellDeaths tell) {
    // The processes that had not ended when the wait began: an end among them is one this
    // wait reaps, in whichever order they come.
    std::vector<bool> running;
    for (const JobProcess& p : job.processes) running.push_back(!p.done);
    const auto tell_new_deaths = [&] {
        for (std::size_t i = 0; i < job.processes.size(); ++i) {
            if (!running[i] || !job.processes[i].done) continue;
            running[i] = false;
            if (tell == TellDeaths::Yes) print_signal_death(sh, job.processes[i].wait_status);
        }
    };
    const bool untraced = job.pgid != 0;
    if (untraced) sh.jobs->reap_nonblocking();  // Notices a stopped job continued since.
    for (JobProcess& p : job.processes) {
        if (p.done) continue;
        if (untraced && p.stopped) {
            tell_new_deaths();
            return exit_status_of(p.wait_status);
        }
        std::optional<int> ws = sh.jobs->wait_pid(p.pid, nullptr, true, untraced);
        if (ws && !WIFSTOPPED(*ws)) {
            p.done = true;
            p.wait_status = *ws;
        }
        tell_new_deaths();
        if (!ws) return std::nullopt;
        if (WIFSTOPPED(*ws)) return exit_status_of(*ws);
    }
    tell_new_deaths();
    return job.status();
}

// A job `wait` is done with leaves the table. In an interactive shell one that a signal
// killed is still announced with the next notices ("[1] + Killed  sleep 100"), as dash and
// bash do; one that exited is not (bash; dash announces those too).
void forget_waited_job(Shell& sh, Job& job) {
    if (sh.options.interactive && !sh.is_subshell && !job.reported && job_killed_by_signal(job))
        sh.jobs->keep_notice(job_line(job, sh.jobs->mark_of(job), job_state_text(job)));
    sh.jobs->remove(job.id);
}

// A trapped signal that arrived while wait ran ends it with 128 + the signal (XCU 2.11), also
// when the process waited for exited at the same moment and was reaped first: a child that
// signals the shell and then exits must not win the race. A CHLD trap does not count; the
// child being waited for is what raised it (dash returns the child's status then too).
std::optional<int> interrupted_by_trap() {
    const int signal = TrapTable::first_pending_signal();
    if (signal == 0 || signal == SIGCHLD) return std::nullopt;
    return 128 + signal;
}

// wait -n (a bash extension): the jobs it may return, the named ones or every job; stopped
// jobs are left out, since waiting for them would never end.
std::vector<int> wait_next_candidates(Shell& sh, Args specs) {
    std::vector<int> ids;
    if (specs.empty()) {
        for (Job& job : sh.jobs->all()) ids.push_back(job.id);
    } else {
        for (const std::string& spec : specs)
            if (Job* job = sh.jobs->find(spec)) ids.push_back(job->id);
    }
    std::erase_if(ids, [&](int id) {
        Job* job = sh.jobs->find("%" + std::to_string(id));
        return job == nullptr || job->state() == JobState::Stopped;
    });
    return ids;
}

// The first candidate that has finished, or null.
Job* finished_candidate(Shell& sh, const std::vector<int>& ids) {
    for (int id : ids) {
        Job* job = sh.jobs->find("%" + std::to_string(id));
        if (job != nullptr && job->state() == JobState::Done) return job;
    }
    return nullptr;
}

// Waits until one of the candidate jobs has finished (a job that finished before counts, as in
// bash 5.1) and returns its status; 127 when there is none to wait for.
int wait_next(Shell& sh, Args specs) {
    sh.jobs->reap_nonblocking();
    for (;;) {
        std::vector<int> ids = wait_next_candidates(sh, specs);
        if (ids.empty()) return 127;
        if (Job* job = finished_candidate(sh, ids)) {
            int status = job->status();
            forget_waited_job(sh, *job);
            return interrupted_by_trap().value_or(status);
        }
        // Sleep until some child changes state without reaping it (WNOWAIT), then let the
        // table reap it, so that its status is recorded in the one place that does.
        siginfo_t info{};
        if (waitid(P_ALL, 0, &info, WEXITED | WSTOPPED | WCONTINUED | WNOWAIT) != 0) {
            if (errno == ECHILD) return 127;
            if (std::optional<int> status = interrupted_by_trap()) return *status;
            continue;
        }
        sh.jobs->reap_nonblocking();
    }
}

}  // namespace

int builtin_wait(Shell& sh, Args argv) {
    std::size_t i = 1;
    if (i < argv.size() && argv[i] == "-n") return wait_next(sh, argv.subspan(2));
    if (i < argv.size() && argv[i] == "--") ++i;
    if (i >= argv.size()) {
        // Wait for every known job; a trapped signal ends the wait with 128+signal.
        for (Job& job : sh.jobs->all()) {
            if (!wait_job(sh, job, TellDeaths::No)) return 128 + TrapTable::first_pending_signal();
        }
        std::vector<int> done;
        for (const Job& job : sh.jobs->all())
            if (job.state() == JobState::Done) done.push_back(job.id);
        for (int id : done) forget_waited_job(sh, *sh.jobs->find("%" + std::to_string(id)));
        return interrupted_by_trap().value_or(0);
    }
    int status = 127;
    for (; i < argv.size(); ++i) {
        const std::string& spec = argv[i];
        std::string why;
        Job* job = sh.jobs->find(spec, &why);
        if (job == nullptr) {
            if (spec[0] == '%') {
                sh.error("wait", spec + ": " + why);
                status = 127;
                continue;
            }
            char* end = nullptr;
            long pid = std::strtol(spec.c_str(), &end, 10);
            if (end == spec.c_str() || *end != '\0') {
                sh.error("wait", spec + ": not a pid or valid job spec");
                status = 2;
                continue;
            }
            auto reaped = sh.jobs->take_reaped(static_cast<pid_t>(pid));
            status = reaped ? exit_status_of(*reaped) : 127;
            continue;
        }
        pid_t pid = spec[0] == '%' ? 0 : static_cast<pid_t>(std::strtol(spec.c_str(), nullptr, 10));
        pid_t last_started = 0;
        for (const JobProcess& p : job->processes)
            if (p.pid > 0) last_started = p.pid;
        if (pid != 0 && pid != last_started) {
            // A pid inside a pipeline job: wait for that process only. ($! names the last
            // stage, and waits for the whole job, with the pipeline's status, as in dash.)
            for (JobProcess& p : job->processes) {
                if (p.pid != pid) continue;
                if (!p.done) {
                    std::optional<int> ws = sh.jobs->wait_pid(pid, nullptr, true);
                    if (!ws) return 128 + TrapTable::first_pending_signal();
                    p.done = true;
                    p.wait_status = *ws;
                    print_signal_death(sh, *ws);
                }
                status = exit_status_of(p.wait_status);
            }
        } else {
            std::optional<int> s = wait_job(sh, *job, TellDeaths::Yes);
            if (!s) return 128 + TrapTable::first_pending_signal();
            status = *s;
        }
        if (job->state() == JobState::Done) forget_waited_job(sh, *job);
    }
    return interrupted_by_trap().value_or(status);
}

int builtin_jobs(Shell& sh, Args argv) {
    bool pids_only = false, long_format = false;
    OptionScanner options(sh, argv, "lp");
    for (char letter; (letter = options.next()) != 0;) {
        if (letter == '?') return 2;
        (letter == 'p' ? pids_only : long_format) = true;
    }
    sh.jobs->reap_nonblocking();
    // The jobs named by the operands, or every job.
    std::vector<Job*> selected;
    int status = 0;
    if (options.operand_index() < argv.size()) {
        for (std::size_t i = options.operand_index(); i < argv.size(); ++i) {
            std::string why;
            Job* job = sh.jobs->find(argv[i], &why);
            if (job == nullptr) {
                sh.error("jobs", argv[i] + ": " + why);
                status = 1;
                continue;
            }
            selected.push_back(job);
        }
    } else {
        for (Job& job : sh.jobs->all()) selected.push_back(&job);
    }
    for (Job* job : selected) {
        if (pids_only) {
            sh.out.write(std::to_string(job->processes.empty() ? 0 : job->processes.front().pid) +
                         "\n");
            continue;
        }
        sh.out.write(job_line(*job, sh.jobs->mark_of(*job), job_state_text(*job), long_format));
        if (job->state() == JobState::Done) job->reported = true;
    }
    std::vector<int> done;
    for (Job& job : sh.jobs->all())
        if (job.reported && job.state() == JobState::Done) done.push_back(job.id);
    for (int id : done) sh.jobs->remove(id);
    return status;
}

namespace {

// Sends SIGCONT to the job's process group, or to each of its processes when it has none of
// its own (it started before `set -m`).
void continue_job(Job& job) {
    if (job.pgid != 0) {
        kill(-job.pgid, SIGCONT);
    } else {
        for (const JobProcess& p : job.processes)
            if (p.pid > 0 && !p.done) kill(p.pid, SIGCONT);
    }
    for (JobProcess& p : job.processes) p.mark_continued();
}

Job* job_argument(Shell& sh, Args argv, const char* who) {
    std::size_t first = argv.size() > 1 && argv[1] == "--" ? 2 : 1;
    std::string spec = argv.size() > first ? argv[first] : "%%";
    std::string why;
    Job* job = sh.jobs->find(spec, &why);
    if (job == nullptr) sh.error(who, spec + ": " + why);
    return job;
}

}  // namespace

int builtin_fg(Shell& sh, Args argv) {
    if (!sh.options.monitor) {
        sh.error("fg", "no job control");
        return 1;
    }
    Job* job = job_argument(sh, argv, "fg");
    if (job == nullptr) return 1;
    sh.jobs->touch(*job);
    sh.out.write(job->command + "\n");
    sh.out.flush();
    // Without a terminal (a script with set -m), or for a job that has no group of its own,
    // the job is only continued and waited for.
    const bool hand_terminal = job->pgid != 0 && hands_terminal_to_jobs(sh);
    if (hand_terminal) give_terminal(sh, job->pgid);
    continue_job(*job);
    // Every process that has not ended, waited for together: the table records each status
    // as it comes (the job is in it), in whatever order the processes end or stop.
    std::vector<pid_t> running;
    for (const JobProcess& p : job->processes)
        if (!p.done && p.pid > 0) running.push_back(p.pid);
    const int id = job->id;
    std::vector<int> ended;  // Told once the shell has the terminal back.
    (void)sh.jobs->wait_all(running, true, job->pgid, [&ended](std::size_t, int wait_status) {
        if (!WIFSTOPPED(wait_status)) ended.push_back(wait_status);
    });
    if (hand_terminal) take_terminal_back(sh);
    // As for any foreground job: each process a signal killed is told (as dash), and a stop
    // is reported in the jobs form.
    for (int wait_status : ended) print_signal_death(sh, wait_status);
    end_interrupted_line(sh, ended);
    job = sh.jobs->find("%" + std::to_string(id));
    if (job == nullptr) return 0;
    int status = job->status();
    if (job->state() == JobState::Stopped) {
        sh.err.write(stop_notice_lead(sh) +
                     job_line(*job, sh.jobs->mark_of(*job), job_state_text(*job)));
        sh.err.flush();
    } else if (job->state() == JobState::Done) {
        sh.jobs->remove(job->id, KeepStatuses::No);
    }
    return status;
}

int builtin_bg(Shell& sh, Args argv) {
    if (!sh.options.monitor) {
        sh.error("bg", "no job control");
        return 1;
    }
    // XCU bg takes any number of job IDs (none means the current job); one that names no job
    // is reported and the others are still resumed, as bash and mksh do.
    std::size_t first = argv.size() > 1 && argv[1] == "--" ? 2 : 1;
    std::vector<std::string> specs(argv.begin() + static_cast<long>(first), argv.end());
    if (specs.empty()) specs.emplace_back("%%");
    int status = 0;
    for (const std::string& spec : specs) {
        std::string why;
        Job* job = sh.jobs->find(spec, &why);
        if (job == nullptr) {
            sh.error("bg", spec + ": " + why);
            status = 1;
            continue;
        }
        sh.jobs->touch(*job);
        // Said before the job runs on, so that what it writes comes after.
        sh.out.write("[" + std::to_string(job->id) + "] " + job->command + "\n");
        sh.out.flush();
        continue_job(*job);
    }
    return status;
}

int builtin_disown(Shell& sh, Args argv) {
    // -h keeps the job in the table but exempts it from the SIGHUP sent at exit; vsh sends
    // none at exit, so -h changes nothing and only checks that the jobs exist.
    enum class Disown : unsigned char { Remove, KeepInTable } what = Disown::Remove;
    bool every_job = false;
    OptionScanner options(sh, argv, "ah");
    for (char letter; (letter = options.next()) != 0;) {
        if (letter == '?') return usage_error(sh, "disown");
        if (letter == 'a') every_job = true;
        if (letter == 'h') what = Disown::KeepInTable;
    }
    sh.jobs->reap_nonblocking();
    std::vector<int> ids;
    int status = 0;
    if (every_job) {
        for (const Job& job : sh.jobs->all()) ids.push_back(job.id);
    } else {
        std::vector<std::string> specs(argv.begin() + static_cast<long>(options.operand_index()),
                                       argv.end());
        if (specs.empty()) specs.emplace_back("%%");
        for (const std::string& spec : specs) {
            std::string why;
            Job* job = sh.jobs->find(spec, &why);
            if (job == nullptr) {
                sh.error("disown", spec + ": " + why);
                status = 1;
                continue;
            }
            ids.push_back(job->id);
        }
    }
    // A disowned job's processes are no longer the shell's children as far as `wait` knows
    // (bash: "not a child of this shell").
    if (what == Disown::Remove)
        for (int id : ids) sh.jobs->remove(id, KeepStatuses::No);
    return status;
}

}  // namespace vsh
