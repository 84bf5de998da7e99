#include "shell/interactive/job_notices.hpp"

#include <string.h>
#include <sys/wait.h>

#include "shell/core/shell.hpp"
#include "shell/jobs/jobs.hpp"

namespace vsh::interactive {
namespace {

std::string state_word(const Job& job) {
    int raw = job.processes.empty() ? 0 : job.processes.back().wait_status;
    if (!job.pipefail && WIFSIGNALED(raw)) {
        const char* description = strsignal(WTERMSIG(raw));
        std::string word = description != nullptr ? description : "Signal";
        if (WCOREDUMP(raw)) word += " (core dumped)";
        return word;
    }
    int status = job.status();
    return status == 0 ? "Done" : "Done(" + std::to_string(status) + ")";
}

}  // namespace

std::string done_notice(const Job& job, bool is_current) {
    std::string line = "[" + std::to_string(job.id) + "]" + (is_current ? "+  " : "   ");
    std::string state = state_word(job);
    if (state.size() < 24) state.resize(24, ' ');
    line += state;
    line += job.command;
    line += '\n';
    return line;
}

void report_finished_jobs(Shell& sh) {
    sh.jobs->reap_nonblocking();
    const Job* current = sh.jobs->current();
    std::string notices;
    for (Job& job : sh.jobs->all()) {
        if (job.state() != JobState::Done || job.reported) continue;
        notices += done_notice(job, &job == current);
        job.reported = true;
    }
    if (!notices.empty()) {
        sh.err.write(notices);
        sh.err.flush();
    }
    sh.jobs->remove_done();
}

}  // namespace vsh::interactive
