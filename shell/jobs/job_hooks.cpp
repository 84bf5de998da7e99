// The job-table side of builtins/job_hooks.hpp.
#include "builtins/job_hooks.hpp"

#include <signal.h>

#include <string>

#include "shell/core/shell.hpp"
#include "shell/jobs/jobs.hpp"

namespace vsh {

std::optional<std::vector<pid_t>> job_signal_targets(Shell& sh, std::string_view spec,
                                                     std::string& why) {
    Job* job = sh.jobs->find(std::string(spec), &why);
    if (job == nullptr || job->processes.empty()) return std::nullopt;
    if (job->pgid != 0) return std::vector<pid_t>{-job->pgid};
    std::vector<pid_t> pids;
    for (const JobProcess& p : job->processes)
        if (p.pid > 0 && !p.done) pids.push_back(p.pid);
    return pids;
}

void note_signal_sent(Shell& sh, pid_t target, int signal) {
    if (signal != SIGKILL && signal != SIGCONT) return;
    for (Job& job : sh.jobs->all()) {
        const bool whole_group = job.pgid != 0 && target == -job.pgid;
        for (JobProcess& p : job.processes)
            if (whole_group || p.pid == target) p.mark_continued();
    }
}

}  // namespace vsh
