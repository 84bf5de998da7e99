// "[1] + Done    sleep 1": telling the user, before the next prompt, which background jobs
// have finished since the last one.
#pragma once

#include <string>

namespace vsh {
class Shell;
struct Job;
}  // namespace vsh

namespace vsh::interactive {

// The notice line for a finished job, with its newline, in the jobs utility's form: "Done",
// "Done(N)" or the signal that killed it ("Killed", "Terminated"...). `mark` is '+', '-' or ' '.
[[nodiscard]] std::string done_notice(const Job& job, char mark);

// Reaps finished children, and returns a notice for each job that is done and not yet
// reported, dropping those jobs from the table; the notices `wait` kept for the jobs it took
// from the table after a signal killed them (JobTable::keep_notice) come first.
[[nodiscard]] std::string take_finished_job_notices(Shell& sh);

// take_finished_job_notices, written to stderr.
void report_finished_jobs(Shell& sh);

}  // namespace vsh::interactive
