#include "shell/interactive/job_notices.hpp"

#include "shell/core/shell.hpp"
#include "shell/jobs/jobs.hpp"

namespace vsh::interactive {
std::string done_notice(const Job& job, char mark) {
    return job_line(job, mark, job_state_text(job));
}

std::string take_finished_job_notices(Shell& sh) {
    sh.jobs->reap_nonblocking();
    // Jobs that `wait` took from the table after a signal killed them come first: they
    // ended before any still in the table was found done.
    std::string notices = sh.jobs->take_kept_notices();
    for (Job& job : sh.jobs->all()) {
        if (job.state() != JobState::Done || job.reported) continue;
        notices += done_notice(job, sh.jobs->mark_of(job));
        job.reported = true;
    }
    sh.jobs->remove_done();
    return notices;
}

void report_finished_jobs(Shell& sh) {
    std::string notices = take_finished_job_notices(sh);
    if (!notices.empty()) {
        sh.err.write(notices);
        sh.err.flush();
    }
}

}  // namespace vsh::interactive
