// The job table's bookkeeping of reaped statuses, driven with made-up pids (nothing is
// spawned: remove_done() hands finished jobs' statuses to the table of unclaimed ones).
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include "shell/jobs/jobs.hpp"

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
