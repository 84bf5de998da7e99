// The job table's bookkeeping of reaped statuses, mostly driven with made-up pids (nothing is
// spawned: remove_done() hands finished jobs' statuses to the table of unclaimed ones); the
// cases that reap fork children that exit at once.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <memory>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "shell/jobs/jobs.hpp"
#include "shell/timing/timing.hpp"

namespace {

// A finished one-process job whose process exited with `code`.
vsh::Job finished_job(pid_t pid, int code) {
    vsh::Job job;
    vsh::JobProcess& p = job.processes.emplace_back();
    p.pid = pid;
    p.done = true;
    p.wait_status = (code & 0xff) << 8;  // What wait4 reports for exit(code).
    return job;
}

}  // namespace

TEST_CASE("a finished job's status stays claimable after the job is removed", "[jobs]") {
    vsh::JobTable table;
    table.add(finished_job(4000001, 7));
    table.remove_done();
    CHECK(table.all().empty());
    auto status = table.take_reaped(4000001);
    REQUIRE(status.has_value());
    CHECK(WEXITSTATUS(*status) == 7);
    // Claimed once: gone.
    CHECK_FALSE(table.take_reaped(4000001).has_value());
}

TEST_CASE("unclaimed statuses are capped, the oldest forgotten first", "[jobs]") {
    vsh::JobTable table;
    const std::size_t cap = vsh::JobTable::max_reaped();
    REQUIRE(cap >= 1024);
    const pid_t base = 5000000;
    const std::size_t total = cap + 10;
    for (std::size_t i = 0; i < total; ++i) {
        table.add(finished_job(base + static_cast<pid_t>(i), static_cast<int>(i % 200)));
        table.remove_done();
    }
    CHECK(table.reaped_count() == cap);
    CHECK_FALSE(table.take_reaped(base).has_value());  // Among the 10 oldest: forgotten.
    CHECK_FALSE(table.take_reaped(base + 9).has_value());
    auto kept = table.take_reaped(base + 10);  // The oldest one kept.
    REQUIRE(kept.has_value());
    CHECK(WEXITSTATUS(*kept) == 10);
    auto newest = table.take_reaped(base + static_cast<pid_t>(total - 1));
    REQUIRE(newest.has_value());
    CHECK(WEXITSTATUS(*newest) == static_cast<int>((total - 1) % 200));
}

TEST_CASE("a reused pid's new status survives the eviction of its old entry", "[jobs]") {
    vsh::JobTable table;
    const std::size_t cap = vsh::JobTable::max_reaped();
    const pid_t reused = 6000000;
    table.add(finished_job(reused, 1));
    table.remove_done();
    // The same pid finishes again (pid reuse) with another status, then enough others to
    // push the first entry out of the order queue.
    table.add(finished_job(reused, 2));
    table.remove_done();
    for (std::size_t i = 0; i < cap - 1; ++i) {
        table.add(finished_job(6100000 + static_cast<pid_t>(i), 0));
        table.remove_done();
    }
    auto status = table.take_reaped(reused);
    REQUIRE(status.has_value());
    CHECK(WEXITSTATUS(*status) == 2);
}

namespace {

// A child that exits at once with `code` (or, with a signal, kills itself with it).
pid_t child_that_ends(int code, int signal = 0) {
    const pid_t pid = fork();
    if (pid == 0) {
        if (signal != 0) kill(getpid(), signal);
        _exit(code);
    }
    return pid;
}

}  // namespace

TEST_CASE("the death text is dash's, and silent for exits, stops, SIGINT and SIGPIPE", "[jobs]") {
    CHECK(vsh::signal_death_text(3 << 8).empty());  // exit(3)
    CHECK(vsh::signal_death_text(SIGKILL) == "Killed");
    CHECK(vsh::signal_death_text(SIGTERM) == "Terminated");
    CHECK(vsh::signal_death_text(SIGSEGV | 0x80) == "Segmentation fault (core dumped)");
    CHECK(vsh::signal_death_text(SIGINT).empty());
    CHECK(vsh::signal_death_text(SIGPIPE).empty());
    CHECK(vsh::signal_death_text((SIGTSTP << 8) | 0x7f).empty());  // stopped
}

TEST_CASE("a disowned job's process still hands its timing record over when reaped", "[jobs]") {
    vsh::JobTable table;
    std::vector<vsh::ProcessRecord> records;
    table.timing_sink = [&records](vsh::ProcessRecord&& r) { records.push_back(std::move(r)); };
    const pid_t pid = child_that_ends(3);
    REQUIRE(pid > 0);
    vsh::Job job;
    vsh::JobProcess& p = job.processes.emplace_back();
    p.pid = pid;
    p.timing = std::make_shared<vsh::ProcessRecord>();
    p.timing->pid = pid;
    const int id = table.add(std::move(job));
    table.remove(id, vsh::KeepStatuses::No);  // disown, before the shell reaped it
    REQUIRE(table.wait_pid(pid).has_value());
    REQUIRE(records.size() == 1);
    CHECK(records[0].pid == pid);
    CHECK(WEXITSTATUS(records[0].wait_status) == 3);
    // A job forgotten by a subshell owes nothing: the parent's children are not its own.
    table.forget_all();
    CHECK(table.all().empty());
}

TEST_CASE("wait_all tells of each process once, one reaped before the wait included", "[jobs]") {
    vsh::JobTable table;
    const pid_t early = child_that_ends(0, SIGKILL);
    REQUIRE(early > 0);
    siginfo_t info{};
    REQUIRE(waitid(P_PID, static_cast<id_t>(early), &info, WEXITED | WNOWAIT) == 0);
    table.reap_nonblocking();  // Reaped while the shell was at something else: kept.
    const pid_t late = child_that_ends(5);
    REQUIRE(late > 0);
    std::vector<std::pair<std::size_t, int>> heard;
    const auto waits = table.wait_all({late, -1, early}, false, 0, [&heard](std::size_t i, int ws) {
        heard.emplace_back(i, ws);
    });
    REQUIRE(waits.size() == 3);
    REQUIRE(heard.size() == 2);
    CHECK(heard[0].first == 2);  // Found ended already, told first.
    CHECK(vsh::signal_death_text(heard[0].second) == "Killed");
    CHECK(heard[1].first == 0);
    CHECK(WEXITSTATUS(heard[1].second) == 5);
}

TEST_CASE("a waited-for pid's status is not kept; another child reaped meanwhile is", "[jobs]") {
    vsh::JobTable table;
    const pid_t other = child_that_ends(3);
    REQUIRE(other > 0);
    siginfo_t info{};
    REQUIRE(waitid(P_PID, static_cast<id_t>(other), &info, WEXITED | WNOWAIT) == 0);
    // wait4(-1) in wait_pid may reap `other` first: it is kept for a later `wait PID`.
    const pid_t waited = child_that_ends(4);
    REQUIRE(waited > 0);
    auto status = table.wait_pid(waited);
    REQUIRE(status.has_value());
    CHECK(WEXITSTATUS(*status) == 4);
    REQUIRE(table.wait_pid(other).has_value());  // Reaped now if it was not before.
    CHECK(table.reaped_count() == 0);
    const pid_t first = child_that_ends(5);
    const pid_t second = child_that_ends(6);
    REQUIRE(first > 0);
    REQUIRE(second > 0);
    const auto waits = table.wait_all({first, second}, false, 0, nullptr);
    CHECK(WEXITSTATUS(waits[0].wait_status) == 5);
    CHECK(WEXITSTATUS(waits[1].wait_status) == 6);
    CHECK(table.reaped_count() == 0);
}

TEST_CASE("kept notices come back once, in order", "[jobs]") {
    vsh::JobTable table;
    table.keep_notice("[1] + Killed  a\n");
    table.keep_notice("[2] - Terminated  b\n");
    CHECK(table.take_kept_notices() == "[1] + Killed  a\n[2] - Terminated  b\n");
    CHECK(table.take_kept_notices().empty());
}
