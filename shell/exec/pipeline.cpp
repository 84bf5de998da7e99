#include "shell/exec/pipeline.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "shell/ast/format.hpp"
#include "shell/core/job_control.hpp"
#include "shell/core/shell.hpp"
#include "shell/exec/background.hpp"
#include "shell/exec/child_command.hpp"
#include "shell/exec/foreground.hpp"
#include "shell/jobs/jobs.hpp"

namespace vsh {

namespace {

// How the pipeline's processes relate to the terminal and to job control.
struct PipelineJob {
    bool job_control = false;    // In a process group of its own.
    bool hand_terminal = false;  // The group is given the terminal (foreground only).
    bool background = false;
    // Without job control a background pipeline ignores SIGINT and SIGQUIT, and its first
    // stage reads /dev/null (XCU 2.9.3.1, 2.11).
    bool detached = false;
};

struct StartedStages {
    std::vector<StartedProcess> processes;  // One per stage, in order.
    pid_t pgid = 0;                         // The job's group under job control.
};

// Starts every stage, each reading the pipe of the one before. When a pipe cannot be made,
// that stage and the ones after it never start; the pipeline fails with 2, as dash's does,
// whichever stage's status counts.
// With `capture` (a pipe's write and read ends), the last stage writes to it instead of fd 1.
StartedStages start_stages(Shell& sh, ChildRunner& runner, const ast::Pipeline& pipeline,
                           const PipelineJob& job, ErrExit errexit, const int* capture = nullptr) {
    const std::size_t n = pipeline.commands.size();
    StartedStages stages;
    stages.processes.reserve(n);
    ChildSetup setup;
    setup.async = !job.background ? Async::No
                  : job.detached  ? Async::Detached
                                  : Async::UnderJobControl;
    setup.errexit = errexit;
    int prev_read = -1;
    sh.flush_streams();
    for (std::size_t i = 0; i < n; ++i) {
        int pfd[2] = {-1, -1};
        if (i + 1 < n && pipe2(pfd, O_CLOEXEC) < 0) {
            sh.error(std::string("pipe: ") + std::strerror(errno));
            stages.processes.resize(n, StartedProcess{-1, 2, {}, {}});
            break;
        }
        setup.plumbing.clear();
        if (prev_read >= 0) setup.plumbing.push_back(dup_onto(prev_read, 0));
        if (pfd[1] >= 0) setup.plumbing.push_back(dup_onto(pfd[1], 1));
        setup.parent_end = pfd[0];
        // Into a pipe whose reader starts next: a builtin that changes nothing may run here.
        setup.pure_builtin_in_shell = pfd[1] >= 0 && !job.background;
        if (capture != nullptr) {
            const bool last = i + 1 == n;
            if (last) {
                setup.plumbing.push_back(dup_onto(capture[0], 1));
                setup.parent_end = capture[1];
            }
            setup.capture_ends[0] = last ? -1 : capture[0];
            setup.capture_ends[1] = last ? -1 : capture[1];
        }
        if (job.job_control) {
            const bool leader = stages.pgid == 0;
            setup.process_group =
                leader ? backends::ProcessGroup::NewGroup : backends::ProcessGroup::Join;
            setup.pgid = stages.pgid;
            setup.take_terminal =
                leader && job.hand_terminal ? TakeTerminal::Yes : TakeTerminal::No;
        }
        const StartedProcess& started =
            stages.processes.emplace_back(start_in_child(sh, runner, *pipeline.commands[i], setup));
        if (job.job_control && stages.pgid == 0 && started.pid > 0) stages.pgid = started.pid;
        if (pfd[1] >= 0) close(pfd[1]);
        if (prev_read >= 0) close(prev_read);
        prev_read = pfd[0];
    }
    if (prev_read >= 0) close(prev_read);
    return stages;
}

// A foreground pipeline's status from its processes' wait statuses: as in dash, a stopped
// job's is 128 + the signal that stopped the last stage that stopped; otherwise the last
// stage's, or with pipefail the last non-zero one.
int pipeline_status(const Shell& sh, const std::vector<int>& wait_statuses) {
    for (auto it = wait_statuses.rbegin(); it != wait_statuses.rend(); ++it)
        if (WIFSTOPPED(*it)) return 128 + WSTOPSIG(*it);
    if (sh.options.pipefail) {
        for (auto it = wait_statuses.rbegin(); it != wait_statuses.rend(); ++it)
            if (int status = exit_status_of(*it); status != 0) return status;
        return 0;
    }
    return exit_status_of(wait_statuses.back());
}

void enter_background_job(Shell& sh, const ast::Pipeline& pipeline, const PipelineJob& job,
                          const StartedStages& stages) {
    Job entry = background_job(sh, stages.processes);
    entry.pgid = job.job_control ? stages.pgid : 0;
    entry.command = ast::format_pipeline(pipeline);
    entry.pipefail = sh.options.pipefail;
    // $! is the last stage's pid (XCU 2.5.2), or the last one that started.
    pid_t last = 0;
    for (const StartedProcess& started : stages.processes)
        if (started.pid > 0) last = started.pid;
    add_background_job(sh, std::move(entry), last);
}

int wait_pipeline(Shell& sh, const ast::Pipeline& pipeline, const PipelineJob& job,
                  const StartedStages& stages) {
    ForegroundJob foreground;
    foreground.job_control = job.job_control;
    foreground.hand_terminal = job.hand_terminal;
    foreground.pgid = stages.pgid;
    foreground.text = [&pipeline] { return ast::format_pipeline(pipeline); };
    const std::vector<int> wait_statuses = wait_foreground(sh, stages.processes, foreground);
    const int status = pipeline_status(sh, wait_statuses);
    abandon_command_line_if_interrupted(sh, wait_statuses, status);
    return status;
}

}  // namespace

std::vector<StartedProcess> start_capture_stages(Shell& sh, ChildRunner& runner,
                                                 const ast::Pipeline& pipeline, int write_end,
                                                 int read_end) {
    // No job of its own: the stages are the substitution's, as they would be in its child,
    // which has no job control.
    const PipelineJob job;
    const int capture[2] = {write_end, read_end};
    return start_stages(sh, runner, pipeline, job, ErrExit::Active, capture).processes;
}

int pipeline_status_of(const Shell& sh, const std::vector<int>& wait_statuses) {
    return pipeline_status(sh, wait_statuses);
}

int run_pipeline_stages(Shell& sh, ChildRunner& runner, const ast::Pipeline& pipeline,
                        ErrExit errexit, PipelineRun run) {
    PipelineJob job;
    job.background = run == PipelineRun::Background;
    job.job_control = job_control_active(sh);
    job.hand_terminal = job.job_control && !job.background && hands_terminal_to_jobs(sh);
    job.detached = job.background && !job.job_control;
    const StartedStages stages = start_stages(sh, runner, pipeline, job, errexit);
    if (job.background) {
        enter_background_job(sh, pipeline, job, stages);
        return 0;
    }
    return wait_pipeline(sh, pipeline, job, stages);
}

}  // namespace vsh
