#include "shell/exec/background.hpp"

#include <memory>
#include <string>
#include <utility>

#include "shell/ast/format.hpp"
#include "shell/core/job_control.hpp"
#include "shell/core/shell.hpp"
#include "shell/core/timing_log.hpp"
#include "shell/exec/child_command.hpp"
#include "shell/exec/command_words.hpp"
#include "shell/exec/foreground.hpp"
#include "shell/exec/pipeline.hpp"
#include "shell/timing/timing.hpp"

namespace vsh {

int run_background(Shell& sh, ChildRunner& runner, const ast::Command& command) {
    // A pipeline's stages are started from here, as in the foreground, and are the job's
    // processes: `kill %1` and `kill $!` reach them, `wait` waits for each, and $! is the
    // last stage (XCU 2.5.2). (A negated one keeps the forked shell, which computes the `!`.)
    if (const auto* pipeline = std::get_if<ast::Pipeline>(&unwrap_command(command).node);
        pipeline != nullptr && pipeline->commands.size() > 1 && !pipeline->negated)
        return run_pipeline_stages(sh, runner, *pipeline, ErrExit::Active, PipelineRun::Background);
    sh.flush_streams();
    const bool job_control = job_control_active(sh);
    ChildSetup setup;
    // POSIX: without job control an asynchronous list ignores SIGINT and SIGQUIT, and its
    // standard input is /dev/null.
    setup.async = job_control ? Async::UnderJobControl : Async::Detached;
    if (job_control) setup.process_group = backends::ProcessGroup::NewGroup;
    // A program not found is still a job, a child that only exits with 127 (or 126), so that
    // $! and `wait $!` give that.
    setup.unstarted = Unstarted::ExitingChild;
    const StartedProcess started = start_in_child(sh, runner, command, setup);
    if (started.pid < 0) return started.fixed_status;  // No process at all (said already).
    Job job = background_job(sh, {started});
    job.pgid = job_control ? started.pid : 0;
    job.command = ast::format_command(command);
    add_background_job(sh, std::move(job), started.pid);
    return 0;
}

Job background_job(Shell& sh, const std::vector<StartedProcess>& processes) {
    Job job;
    const bool log_timing = timing_log_wanted(sh);
    for (const StartedProcess& started : processes) {
        JobProcess& p = job.processes.emplace_back();
        if (started.pid <= 0) {
            // It never started (not found, a redirection failed): done, with that status.
            p.done = true;
            p.wait_status = (started.fixed_status & 0xff) << 8;
            continue;
        }
        p.pid = started.pid;
        if (!log_timing) continue;
        auto record = std::make_shared<ProcessRecord>(
            start_record(started.outcome, started.pid, started.name));
        record->shell_rss_kb = shell_rss_kb();
        p.timing = std::move(record);
        p.timing_started_ns = started.outcome.started_ns;
    }
    return job;
}

void add_background_job(Shell& sh, Job job, pid_t pid) {
    int id = sh.jobs->add(std::move(job));
    if (sh.options.interactive && !sh.is_subshell) {
        sh.err.write("[" + std::to_string(id) + "] " + std::to_string(pid) + "\n");
        sh.err.flush();
    }
    sh.last_background = pid;
}

}  // namespace vsh
