#include "shell/jobs/jobs.hpp"

#include "shell/timing/timing.hpp"
#include "shell/traps/traps.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace vsh {

namespace {

// strsignal's words for the signal that killed a process, "(core dumped)" added.
std::string signal_description(int wait_status) {
    const char* description = strsignal(WTERMSIG(wait_status));
    std::string text = description != nullptr ? description : "Signal";
    if (WCOREDUMP(wait_status)) text += " (core dumped)";
    return text;
}

}  // namespace

int exit_status_of(int wait_status) {
    if (WIFEXITED(wait_status)) return WEXITSTATUS(wait_status);
    if (WIFSIGNALED(wait_status)) return 128 + WTERMSIG(wait_status);
    if (WIFSTOPPED(wait_status)) return 128 + WSTOPSIG(wait_status);
    return 1;
}

std::string job_state_text(const Job& job) {
    switch (job.state()) {
        case JobState::Running:
            return "Running";
        case JobState::Stopped:
            return "Stopped";
        case JobState::Done:
            break;
    }
    if (job_killed_by_signal(job)) return signal_description(job.processes.back().wait_status);
    int status = job.status();
    return status == 0 ? "Done" : "Done(" + std::to_string(status) + ")";
}

bool job_killed_by_signal(const Job& job) {
    return !job.pipefail && !job.processes.empty() && WIFSIGNALED(job.processes.back().wait_status);
}

std::string signal_death_text(int wait_status) {
    if (!WIFSIGNALED(wait_status)) return {};
    const int signal = WTERMSIG(wait_status);
    if (signal == SIGINT || signal == SIGPIPE) return {};
    return signal_description(wait_status);
}

std::string job_line(const Job& job, char mark, const std::string& state, bool long_format) {
    std::string line = "[" + std::to_string(job.id) + "] " + mark + " ";
    if (long_format) {
        pid_t group = job.pgid != 0 ? job.pgid : job.processes.empty() ? 0 : job.processes[0].pid;
        line += std::to_string(group) + " ";
    }
    std::string padded = state;
    if (padded.size() < 24) padded.resize(24, ' ');
    line += padded + job.command + "\n";
    return line;
}

JobState Job::state() const {
    bool any_stopped = false;
    for (const JobProcess& p : processes) {
        if (!p.done && !p.stopped) return JobState::Running;
        if (p.stopped) any_stopped = true;
    }
    return any_stopped ? JobState::Stopped : JobState::Done;
}

int Job::status() const {
    if (processes.empty()) return 0;
    if (pipefail) {
        for (auto it = processes.rbegin(); it != processes.rend(); ++it) {
            int s = exit_status_of(it->wait_status);
            if (s != 0) return s;
        }
        return 0;
    }
    return exit_status_of(processes.back().wait_status);
}

int JobTable::add(Job job) {
    if (jobs_.empty()) next_id_ = 1;
    job.id = next_id_++;
    touch(job);
    jobs_.push_back(std::move(job));
    return jobs_.back().id;
}

void JobProcess::mark_stopped(int status) {
    wait_status = status;
    if (stopped) return;
    stopped = true;
    ++stops;
    stopped_since_ns = monotonic_ns();
}

void JobProcess::mark_continued() {
    stopped = false;
    if (stopped_since_ns != 0) stopped_total_ns += monotonic_ns() - stopped_since_ns;
    stopped_since_ns = 0;
}

void JobTable::update(JobProcess& p, int wait_status, const struct rusage* usage) {
    if (WIFSTOPPED(wait_status)) {
        p.mark_stopped(wait_status);
    } else if (WIFCONTINUED(wait_status)) {
        p.mark_continued();
    } else {
        p.wait_status = wait_status;
        p.done = true;
        p.mark_continued();  // A stopped process killed ends its stopped time.
        if (p.timing && timing_sink) {
            p.timing->wall_ns = monotonic_ns() - p.timing_started_ns;
            p.timing->wait_status = wait_status;
            p.timing->stops = p.stops;
            p.timing->stopped_ns = p.stopped_total_ns;
            if (usage != nullptr) p.timing->usage = *usage;
            ProcessRecord finished = std::move(*p.timing);
            p.timing.reset();
            timing_sink(std::move(finished));
        }
    }
}

void JobTable::record(pid_t pid, int wait_status, const struct rusage* usage, KeepStatus keep) {
    for (Job& job : jobs_) {
        for (JobProcess& p : job.processes) {
            if (p.pid != pid) continue;
            update(p, wait_status, usage);
            if (WIFSTOPPED(wait_status)) touch(job);
            return;
        }
    }
    for (auto it = detached_.begin(); it != detached_.end(); ++it) {
        if (it->pid != pid) continue;
        update(*it, wait_status, usage);
        if (it->done) detached_.erase(it);
        break;
    }
    if (keep == KeepStatus::Yes && (WIFEXITED(wait_status) || WIFSIGNALED(wait_status)))
        keep_reaped(pid, wait_status);
}

std::size_t JobTable::max_reaped() {
    static const std::size_t limit = [] {
        long child_max = sysconf(_SC_CHILD_MAX);
        if (child_max < 1024) return std::size_t{1024};
        return std::min(static_cast<std::size_t>(child_max), std::size_t{32768});
    }();
    return limit;
}

void JobTable::keep_reaped(pid_t pid, int wait_status) {
    const std::uint64_t serial = ++reaped_serial_;
    reaped_[pid] = Reaped{wait_status, serial};
    reaped_order_.emplace_back(pid, serial);
    while (reaped_order_.size() > max_reaped()) {
        auto [old_pid, old_serial] = reaped_order_.front();
        reaped_order_.pop_front();
        auto it = reaped_.find(old_pid);
        if (it != reaped_.end() && it->second.serial == old_serial) reaped_.erase(it);
    }
}

std::optional<int> JobTable::take_reaped(pid_t pid) {
    auto it = reaped_.find(pid);
    if (it == reaped_.end()) return std::nullopt;
    int s = it->second.wait_status;
    reaped_.erase(it);
    return s;
}

std::optional<int> JobTable::wait_pid(pid_t pid, struct rusage* usage, bool interruptible,
                                      bool untraced) {
    if (auto s = take_reaped(pid)) return s;
    for (;;) {
        // A trapped signal may have arrived while another child was being reaped (no EINTR
        // then): look before blocking again.
        if (interruptible && TrapTable::pending()) return std::nullopt;
        int status = 0;
        struct rusage ru;
        pid_t got = wait4(-1, &status, untraced ? WUNTRACED : 0, &ru);
        if (got < 0) {
            if (errno == EINTR) {
                if (interruptible) return std::nullopt;
                continue;
            }
            // ECHILD: nothing left to wait for; the pid was reaped elsewhere.
            return take_reaped(pid).value_or(0);
        }
        if (got == pid) {
            if (usage != nullptr) *usage = ru;
            // Keep job bookkeeping in step if the pid belongs to a job.
            record(pid, status, &ru, KeepStatus::No);
            reaped_.erase(pid);  // An older status of a reused pid is not this one's.
            return status;
        }
        record(got, status, &ru);
    }
}

std::vector<ProcessWait> JobTable::wait_all(const std::vector<pid_t>& pids, bool untraced,
                                            pid_t job_group, const SettledHook& settled_hook) {
    bool group_stopped = false;
    std::vector<ProcessWait> waits(pids.size());
    std::vector<bool> settled(pids.size(), false);
    std::size_t pending = 0;
    for (std::size_t i = 0; i < pids.size(); ++i) {
        if (pids[i] <= 0) {
            settled[i] = true;
        } else if (auto status = take_reaped(pids[i])) {
            waits[i].wait_status = *status;
            settled[i] = true;
            if (settled_hook) settled_hook(i, *status);
        } else {
            ++pending;
        }
    }
    // wait4 on any child, not on each pid in turn: a stop is reported once, and a stage that
    // stops while the shell waits on another must not have its stop lost (that left the
    // shell blocked on a stopped pipeline for good).
    while (pending > 0) {
        int status = 0;
        struct rusage usage;
        pid_t got = wait4(-1, &status, untraced ? WUNTRACED : 0, &usage);
        if (got < 0) {
            if (errno == EINTR) continue;
            // ECHILD: nothing left to wait for; what was reaped elsewhere is in reaped_.
            for (std::size_t i = 0; i < pids.size(); ++i) {
                if (settled[i]) continue;
                waits[i].wait_status = take_reaped(pids[i]).value_or(0);
                if (settled_hook) settled_hook(i, waits[i].wait_status);
            }
            break;
        }
        const bool waited_for = std::find(pids.begin(), pids.end(), got) != pids.end();
        record(got, status, &usage, waited_for ? KeepStatus::No : KeepStatus::Yes);
        for (std::size_t i = 0; i < pids.size(); ++i) {
            if (settled[i] || pids[i] != got) continue;
            waits[i] = ProcessWait{status, usage, monotonic_ns()};
            settled[i] = true;
            --pending;
            reaped_.erase(got);
            if (WIFSTOPPED(status) && job_group > 0 && !group_stopped && pending > 0) {
                group_stopped = true;
                kill(-job_group, WSTOPSIG(status));
            }
            if (settled_hook) settled_hook(i, status);
        }
    }
    return waits;
}

void JobTable::reap_nonblocking() {
    for (;;) {
        int status = 0;
        struct rusage ru;
        pid_t got = wait4(-1, &status, WNOHANG | WUNTRACED | WCONTINUED, &ru);
        if (got <= 0) return;
        record(got, status, &ru);
    }
}

Job* JobTable::find_by_pid(pid_t pid) {
    for (Job& job : jobs_)
        for (const JobProcess& p : job.processes)
            if (p.pid == pid) return &job;
    return nullptr;
}

Job* JobTable::most_recent(const Job* except) {
    Job* best = nullptr;
    for (bool stopped_only : {true, false}) {
        for (Job& job : jobs_) {
            if (&job == except || (stopped_only && job.state() != JobState::Stopped)) continue;
            if (best == nullptr || job.recency > best->recency) best = &job;
        }
        if (best != nullptr) return best;
    }
    return nullptr;
}

Job* JobTable::current() {
    return most_recent(nullptr);
}

Job* JobTable::previous() {
    Job* cur = current();
    return cur == nullptr ? nullptr : most_recent(cur);
}

char JobTable::mark_of(const Job& job) {
    if (&job == current()) return '+';
    if (&job == previous()) return '-';
    return ' ';
}

Job* JobTable::find(const std::string& spec, std::string* why) {
    if (why != nullptr) *why = "no such job";
    if (spec.empty()) return nullptr;
    if (spec[0] != '%') {
        char* end = nullptr;
        long pid = std::strtol(spec.c_str(), &end, 10);
        if (end == spec.c_str() || *end != '\0') return nullptr;
        return find_by_pid(static_cast<pid_t>(pid));
    }
    std::string rest = spec.substr(1);
    if (rest.empty() || rest == "%" || rest == "+") return current();
    if (rest == "-") return previous();
    if (rest[0] >= '0' && rest[0] <= '9') {
        int id = std::atoi(rest.c_str());
        for (Job& job : jobs_)
            if (job.id == id) return &job;
        return nullptr;
    }
    bool contains = rest[0] == '?';
    std::string text = contains ? rest.substr(1) : rest;
    Job* found = nullptr;
    for (Job& job : jobs_) {
        if (contains ? job.command.find(text) == std::string::npos
                     : job.command.compare(0, text.size(), text) != 0)
            continue;
        if (found != nullptr) {
            if (why != nullptr) *why = "ambiguous job spec";
            return nullptr;
        }
        found = &job;
    }
    return found;
}

void JobTable::remove(int id, KeepStatuses keep) {
    // Keep the statuses of processes that finished, so `wait PID` still finds them.
    for (const Job& j : jobs_)
        if (j.id == id)
            for (const JobProcess& p : j.processes) {
                if (keep == KeepStatuses::No)
                    reaped_.erase(p.pid);
                else if (p.done)
                    keep_reaped(p.pid, p.wait_status);
                // A process still running (disown) still gets its timing record when it ends.
                if (!p.done && p.pid > 0 && p.timing) detached_.push_back(p);
            }
    jobs_.erase(
        std::remove_if(jobs_.begin(), jobs_.end(), [id](const Job& j) { return j.id == id; }),
        jobs_.end());
}

void JobTable::remove_done() {
    for (const Job& j : jobs_)
        if (j.state() == JobState::Done)
            for (const JobProcess& p : j.processes) keep_reaped(p.pid, p.wait_status);
    jobs_.erase(std::remove_if(jobs_.begin(), jobs_.end(),
                               [](const Job& j) { return j.state() == JobState::Done; }),
                jobs_.end());
}

void JobTable::forget_all() {
    jobs_.clear();
    detached_.clear();
}

std::optional<std::vector<pid_t>> JobTable::signal_targets(const std::string& spec,
                                                           std::string& why) {
    Job* job = find(spec, &why);
    if (job == nullptr || job->processes.empty()) return std::nullopt;
    if (job->pgid != 0) return std::vector<pid_t>{-job->pgid};
    std::vector<pid_t> pids;
    for (const JobProcess& p : job->processes)
        if (p.pid > 0 && !p.done) pids.push_back(p.pid);
    return pids;
}

void JobTable::note_signal_sent(pid_t target, int signal) {
    if (signal != SIGKILL && signal != SIGCONT) return;
    for (Job& job : jobs_) {
        const bool whole_group = job.pgid != 0 && target == -job.pgid;
        for (JobProcess& p : job.processes)
            if (whole_group || p.pid == target) p.mark_continued();
    }
}

}  // namespace vsh
