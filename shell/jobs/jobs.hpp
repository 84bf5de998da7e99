// The job table: background jobs (`cmd &`), and the bookkeeping of every child the shell
// waits for. All reaping goes through here so that a status reaped while waiting for one
// child is kept for whoever asks for it later (`wait $!`).
#pragma once

#include <sys/resource.h>
#include <sys/types.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vsh {

struct ProcessRecord;

struct JobProcess {
    pid_t pid = 0;
    int wait_status = 0;  // Raw status from wait4 (valid when done).
    bool done = false;
    bool stopped = false;
    // With timing wanted at spawn time: the record so far (how it was created), finished and
    // handed to the timing sink when the process is reaped. Shared so that a Job stays
    // copyable.
    std::shared_ptr<ProcessRecord> timing;
    std::int64_t timing_started_ns = 0;  // Monotonic time of the spawn, for the wall time.
    // Stop accounting for the timing record: how often the process stopped, since when it has
    // been stopped (monotonic ns, 0 while it runs) and the stopped time before that.
    int stops = 0;
    std::int64_t stopped_since_ns = 0;
    std::int64_t stopped_total_ns = 0;

    // The process stopped (a wait status said so) or was continued (SIGCONT sent, or a wait
    // status said so): keeps `stopped` and the stop accounting in step.
    void mark_stopped(int wait_status);
    void mark_continued();
};

// How a process of a foreground job ended its wait (JobTable::wait_all).
struct ProcessWait {
    int wait_status = 0;     // Raw status: exited, killed, or (waited for with untraced) stopped.
    struct rusage usage {};  // The child's resource usage, when it was reaped here.
    std::int64_t settled_ns = 0;  // Monotonic time the status came in.
};

enum class JobState : unsigned char { Running, Stopped, Done };

// Whether removing a job keeps its processes' statuses for a later `wait PID`.
enum class KeepStatuses : unsigned char { Yes, No };

struct Job {
    int id = 0;      // %N
    pid_t pgid = 0;  // Process group (0 without job control).
    std::vector<JobProcess> processes;
    std::string command;    // Text shown by `jobs`.
    bool pipefail = false;  // The status is pipefail's, computed at the end.
    bool reported = false;  // `Done` already shown (interactive notification).
    // When the job was last started, stopped, or resumed by fg/bg (a JobTable serial): the
    // current job (%+) is the most recent stopped one, else the most recent one.
    std::uint64_t recency = 0;

    JobState state() const;
    // The job's exit status as $? would show it (last process, or pipefail's rule).
    int status() const;
};

// Converts a raw wait status to a shell exit status (128+signal for a signal).
int exit_status_of(int wait_status);

// A job's state as `jobs` shows it: Running, Stopped, Done, Done(N), or the description of
// the signal that killed it (POSIX wants that visibly distinct), "(core dumped)" added.
std::string job_state_text(const Job& job);

// Whether a finished job counts as killed by a signal: its last process was (pipefail jobs
// show Done(N) instead).
bool job_killed_by_signal(const Job& job);

// A process's death by a signal as dash reports it on stderr when the shell waits for it
// ("Killed", "Terminated", "Segmentation fault (core dumped)"); empty for an exit, a stop,
// SIGINT (the user typed the Ctrl-C and saw it) and SIGPIPE (a reader went away, as readers
// of pipelines do).
std::string signal_death_text(int wait_status);

// Called by JobTable::wait_all once for each process as it ends or stops: its index in the
// pids waited for, and its raw wait status.
using SettledHook = std::function<void(std::size_t index, int wait_status)>;

// The job's line as the jobs utility writes it, POSIX's "[%d] %c %s %s\n": number, mark ('+'
// the current job, '-' the previous one, ' ' any other), state (padded so that the commands
// line up) and command. With `long_format` (jobs -l) the process group (or first pid) goes
// before the state. Background-job notices and Ctrl-Z's "Stopped" use the same line.
std::string job_line(const Job& job, char mark, const std::string& state, bool long_format = false);

class JobTable {
  public:
    // Adds a background job; returns its number.
    int add(Job job);

    // Blocks until `pid` has exited (or stopped, when `untraced`). Statuses of other children
    // reaped meanwhile are recorded. Returns the raw wait status; `usage` gets the child's
    // resource usage when not null. EINTR from a trapped signal does not end the wait unless
    // `interruptible` is set, in which case std::nullopt is returned.
    std::optional<int> wait_pid(pid_t pid, struct rusage* usage = nullptr,
                                bool interruptible = false, bool untraced = false);

    // Blocks until every process in `pids` (entries <= 0 are skipped) has exited, or stopped
    // when `untraced`: a foreground job, whose processes may end or stop in any order. Every
    // status that comes in meanwhile is recorded, also those of the job's own processes when
    // it is in the table (fg). Trapped signals do not end the wait (XCU 2.11: their actions
    // run once the foreground job is done). With `untraced` and a `job_group`, the first stop
    // of one of the processes is sent to the whole group: a Ctrl-Z that came before the later
    // stages of a pipeline had joined the group must not leave them running, with the shell
    // waiting for them behind a stopped first stage (dash and bash wait there for good).
    // `settled` (when set) hears of each process as soon as it ends or stops, also one found
    // ended already, so that a death is reported while the rest of the job runs on (as dash).
    std::vector<ProcessWait> wait_all(const std::vector<pid_t>& pids, bool untraced,
                                      pid_t job_group = 0, const SettledHook& settled = {});

    // Reaps whatever children have finished, without blocking.
    void reap_nonblocking();

    // Looks up a job by `%N`, `%%`, `%+`, `%-`, `%prefix`, `%?text` or a pid. When there is
    // none, `why` (if given) gets the reason for the message: "no such job", or "ambiguous
    // job spec" when a prefix or text matches more than one job (as dash, bash and mksh).
    Job* find(const std::string& spec, std::string* why = nullptr);
    Job* find_by_pid(pid_t pid);
    Job* current();
    // The job `%-` names: the most recent other than the current one (stopped ones first).
    Job* previous();
    // Makes `job` the most recent (fg and bg do; a job that stops is made so too).
    void touch(Job& job) { job.recency = ++recency_clock_; }
    // '+', '-' or ' ' for job_line().
    char mark_of(const Job& job);
    std::vector<Job>& all() { return jobs_; }
    // What `kill %job` signals for the job `spec` names: -pgid for a job with its own process
    // group (job control), otherwise the pid of each of its processes not yet reaped. nullopt
    // if there is no such job, with `why` set to the reason ("no such job", "ambiguous job
    // spec").
    std::optional<std::vector<pid_t>> signal_targets(const std::string& spec, std::string& why);
    // After `kill` sent `signal` to `target` (a pid, or -pgid): a stopped job process that
    // SIGKILL or SIGCONT reached is no longer taken as stopped, so that `wait` waits for what
    // it does next instead of returning at once with the stale stop status.
    void note_signal_sent(pid_t target, int signal);
    // A job waited for in the background keeps its statuses (KeepStatuses::Yes); one that
    // fg brought to the foreground is no longer an asynchronous list, so its pids become
    // unknown to `wait` (KeepStatuses::No), as in dash.
    void remove(int id, KeepStatuses keep = KeepStatuses::Yes);
    // Removes jobs that are done (after they have been reported/waited for).
    void remove_done();
    // Forgets every job, and the processes kept for their timing records: a subshell's
    // table, where the parent's children are not its own.
    void forget_all();

    // The status of a pid that was reaped but not claimed (for `wait PID` after it exited).
    std::optional<int> take_reaped(pid_t pid);

    // How many unclaimed statuses are kept: CHILD_MAX, within 1024..32768.
    static std::size_t max_reaped();
    // How many are kept now (for tests).
    std::size_t reaped_count() const { return reaped_.size(); }

    // Receives the finished timing record of a job's process when it is reaped (the shell
    // passes them to its timing log; see shell/timing/timing.hpp).
    std::function<void(ProcessRecord&&)> timing_sink;

    // A notice line ("[1] + Killed  sleep 100") for a job that left the table before the
    // interactive shell could report it (`wait` took it), shown with the next notices.
    void keep_notice(std::string line) { kept_notices_ += line; }
    // The kept notice lines, in the order they were kept; none are kept afterwards.
    std::string take_kept_notices() { return std::exchange(kept_notices_, {}); }

  private:
    std::vector<Job> jobs_;
    // pid -> raw status, for pids not in a job, until claimed. The oldest are forgotten
    // beyond kMaxReaped (POSIX asks that the last CHILD_MAX be remembered; bash caps it too),
    // so a long-running script that never waits does not grow without bound.
    struct Reaped {
        int wait_status;
        std::uint64_t serial;  // Tells a reused pid's entry from its old one in reaped_order_.
    };
    std::unordered_map<pid_t, Reaped> reaped_;
    std::deque<std::pair<pid_t, std::uint64_t>> reaped_order_;
    std::uint64_t reaped_serial_ = 0;
    void keep_reaped(pid_t pid, int wait_status);
    // Processes whose job left the table before they ended (disown), kept only for the timing
    // record they still owe: every process the shell created gets one, when it really ends.
    std::vector<JobProcess> detached_;
    std::string kept_notices_;
    int next_id_ = 1;
    std::uint64_t recency_clock_ = 0;
    // The most recent job other than `except`, preferring stopped ones.
    Job* most_recent(const Job* except);
    // Whether an ended pid's status is kept for a later `wait PID`: not when the caller is
    // waiting for that very pid (a foreground command, a $(...)); keeping it would write to
    // the table, and so fault in a copied page, after every fork.
    enum class KeepStatus : unsigned char { Yes, No };
    void record(pid_t pid, int wait_status, const struct rusage* usage,
                KeepStatus keep = KeepStatus::Yes);
    // Brings one process up to date with a wait status (stopped, continued or ended); an end
    // finishes its timing record.
    void update(JobProcess& process, int wait_status, const struct rusage* usage);
};

}  // namespace vsh
