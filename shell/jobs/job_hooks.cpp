// The job-table side of builtins/job_hooks.hpp.
#include "builtins/job_hooks.hpp"

#include <string>

#include "shell/core/shell.hpp"
#include "shell/jobs/jobs.hpp"

namespace vsh {

std::optional<pid_t> job_process_group(Shell& sh, std::string_view spec) {
    Job* job = sh.jobs->find(std::string(spec));
    if (job == nullptr || job->processes.empty()) return std::nullopt;
    return job->pgid != 0 ? job->pgid : job->processes.front().pid;
}

}  // namespace vsh
