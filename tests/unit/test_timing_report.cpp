// The timing report: percentile math and the summary of a small synthetic log.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "shell/timing/json_reader.hpp"
#include "shell/timing/percentile.hpp"
#include "shell/timing/report.hpp"

TEST_CASE("Percentiles interpolate between the closest ranks") {
    std::vector<double> none;
    CHECK(vsh::percentile_of_sorted(none, 50) == 0);
    std::vector<double> one = {7};
    CHECK(vsh::percentile_of_sorted(one, 0) == 7);
    CHECK(vsh::percentile_of_sorted(one, 99) == 7);
    std::vector<double> four = {1, 2, 3, 4};
    CHECK(vsh::percentile_of_sorted(four, 50) == Approx(2.5));
    CHECK(vsh::percentile_of_sorted(four, 0) == 1);
    CHECK(vsh::percentile_of_sorted(four, 100) == 4);
    CHECK(vsh::percentile_of_sorted(four, 25) == Approx(1.75));
    CHECK(vsh::percentile_of_sorted(four, 150) == 4);  // clamped
    CHECK(vsh::percentile_of_sorted(four, -5) == 1);
    std::vector<double> hundred_and_one;
    for (int i = 0; i <= 100; ++i) hundred_and_one.push_back(i * 10.0);
    CHECK(vsh::percentile_of_sorted(hundred_and_one, 95) == Approx(950));
    CHECK(vsh::percentile_of_sorted(hundred_and_one, 99) == Approx(990));
    CHECK(vsh::percentile_of_sorted(hundred_and_one, 50) == Approx(500));
}

namespace {

// Two shells, three backends, one fallback, one shell-code child, one malformed line and a
// blank one. The build spans 100.000000 .. 100.010000 (the last child ends at 100.004 + 6 ms).
const char* const kLog =
    R"LOG({"time":100.000000,"shell_pid":1,"child_pid":10,"backend":"vfork","fallback":null,"shell_code":false,"spawn_us":100,"wall_us":2000,"status":0,"argv0":"cc"}
{"time":100.001000,"shell_pid":1,"child_pid":11,"backend":"vfork","fallback":null,"shell_code":false,"spawn_us":300,"wall_us":1000,"status":0,"argv0":"cc"}
this is not json
{"time":100.002000,"shell_pid":2,"child_pid":12,"backend":"fork","fallback":"tty handoff","shell_code":false,"spawn_us":1000,"wall_us":3000,"status":"SIGKILL","argv0":"ar"}

{"time":100.003000,"shell_pid":2,"child_pid":13,"backend":"fork","fallback":null,"shell_code":true,"spawn_us":0,"wall_us":500,"status":1,"argv0":"(subshell)"}
{"time":100.004000,"shell_pid":2,"child_pid":14,"backend":"posix_spawn","fallback":null,"shell_code":false,"spawn_us":600,"wall_us":6000,"status":0,"argv0":"ld"}
{"time":"late","backend":"vfork","spawn_us":1,"wall_us":1}
)LOG";

}  // namespace

TEST_CASE("The report summarises a log by backend, with fallbacks and the build's share") {
    vsh::TimingSummary s = vsh::summarise_timing_log(kLog);
    CHECK(s.records == 5);
    CHECK(s.shells == 2);
    CHECK(s.malformed_lines == 2);
    CHECK(s.first_malformed_line == 3);

    REQUIRE(s.by_backend.size() == 4);
    CHECK(s.by_backend[0].first == "fork");
    CHECK(s.by_backend[1].first == "vfork");
    CHECK(s.by_backend[2].first == "posix_spawn");
    CHECK(s.by_backend[3].first == "fork (shell code)");
    const vsh::LatencyStats& vfork = s.by_backend[1].second;
    CHECK(vfork.spawns == 2);
    CHECK(vfork.total_us == 400);
    CHECK(vfork.median_us == Approx(200));
    CHECK(s.by_backend[0].second.spawns == 1);

    CHECK(s.all.spawns == 5);
    CHECK(s.all.total_us == 2000);
    CHECK(s.all.median_us == Approx(300));  // of {0, 100, 300, 600, 1000}
    CHECK(s.all.p95_us == Approx(920));     // 600 + 0.8 * 400

    REQUIRE(s.fallbacks.size() == 1);
    CHECK(s.fallbacks[0].first == "tty handoff");
    CHECK(s.fallbacks[0].second == 1);

    CHECK(s.children_wall_us == 12500);
    CHECK(s.build_wall_us == 10000);
    CHECK(s.spawn_share == Approx(0.2));
}

TEST_CASE("The text report is an aligned table that says what was skipped") {
    std::string text = vsh::timing_summary_text(vsh::summarise_timing_log(kLog), "build.log");
    INFO(text);
    CHECK(text.find("build.log: 5 processes from 2 shells") != std::string::npos);
    CHECK(text.find("skipped 2 malformed line(s), the first at line 3") != std::string::npos);
    CHECK(text.find("tty handoff") != std::string::npos);
    CHECK(text.find("20.00%") != std::string::npos);
    // Every row of the backend table ends in the same column.
    std::size_t header = text.find("  backend");
    REQUIRE(header != std::string::npos);
    std::size_t header_end = text.find('\n', header);
    std::size_t width = header_end - header;
    std::size_t row = header_end + 1;
    for (int k = 0; k < 5; ++k) {
        std::size_t end = text.find('\n', row);
        CHECK(end - row == width);
        row = end + 1;
    }
}

TEST_CASE("The JSON report is one object holding the same figures") {
    std::string json = vsh::timing_summary_json(vsh::summarise_timing_log(kLog));
    CHECK(json.back() == '\n');
    auto object = vsh::parse_json_object(json);
    REQUIRE(object.has_value());
    CHECK(vsh::json_field(*object, "records")->number == 5);
    CHECK(vsh::json_field(*object, "malformed_lines")->number == 2);
    CHECK(vsh::json_field(*object, "build_wall_us")->number == 10000);
    CHECK(vsh::json_field(*object, "spawn_share")->number == Approx(0.2));
    CHECK(vsh::json_field(*object, "backends")->kind == vsh::JsonScalar::Kind::Nested);
    CHECK(json.find("\"vfork\":{\"spawns\":2,\"spawn_total_us\":400") != std::string::npos);
    CHECK(json.find("\"fallbacks\":{\"tty handoff\":1}") != std::string::npos);
}

TEST_CASE("An empty log gives an empty summary, not a division by zero") {
    vsh::TimingSummary s = vsh::summarise_timing_log("");
    CHECK(s.records == 0);
    CHECK(s.spawn_share == 0);
    CHECK(vsh::parse_json_object(vsh::timing_summary_json(s)).has_value());
}

TEST_CASE("Stopped time is counted apart from running time") {
    // A job stopped for 9 s of its 10 s (stopped twice), and one process that never stopped;
    // a damaged record claiming more stopped time than wall time counts as all stopped.
    const char* log =
        R"LOG({"time":200.000000,"shell_pid":5,"child_pid":50,"backend":"clone","fallback":null,"shell_code":false,"spawn_us":80,"wall_us":10000000,"stops":2,"stopped_us":9000000,"early_stop":"caught","status":"SIGKILL","argv0":"sleep"}
{"time":200.500000,"shell_pid":5,"child_pid":51,"backend":"clone","fallback":null,"shell_code":false,"spawn_us":70,"wall_us":1000,"early_stop":"caught","status":0,"argv0":"true"}
{"time":201.000000,"shell_pid":5,"child_pid":52,"backend":"clone","fallback":null,"shell_code":false,"spawn_us":70,"wall_us":500,"stops":1,"stopped_us":700,"status":0,"argv0":"cat"}
)LOG";
    vsh::TimingSummary s = vsh::summarise_timing_log(log);
    CHECK(s.records == 3);
    CHECK(s.stopped_processes == 2);
    CHECK(s.children_wall_us == 10001500);
    CHECK(s.children_stopped_us == 9000500);
    std::string text = vsh::timing_summary_text(s, "jobs.log");
    INFO(text);
    CHECK(text.find("running") != std::string::npos);
    CHECK(text.find("stopped (2 processes)") != std::string::npos);
    auto object = vsh::parse_json_object(vsh::timing_summary_json(s));
    REQUIRE(object.has_value());
    CHECK(vsh::json_field(*object, "children_stopped_us")->number == 9000500);
    CHECK(vsh::json_field(*object, "stopped_processes")->number == 2);
}

TEST_CASE("A time too large for 64-bit microseconds is a malformed line, not an overflow") {
    // Found by fuzz_timelog (tests/fuzz/regressions/fuzz_timelog/time-overflows-microseconds):
    // 17966433555172 s is past 2^63 µs.
    vsh::TimingSummary s = vsh::summarise_timing_log(
        "{\"time\":17966433555172,\"backend\":\"fork\",\"spawn_us\":1,\"wall_us\":1}\n"
        "{\"time\":99999999999999999999999.5,\"backend\":\"fork\",\"spawn_us\":1,\"wall_us\":1}\n"
        "{\"time\":9223372036854.775806,\"backend\":\"fork\",\"spawn_us\":1,\"wall_us\":1}\n");
    CHECK(s.malformed_lines == 2);
    CHECK(s.first_malformed_line == 1);
    CHECK(s.records == 1);  // A time that fits, one microsecond short of the largest.
    CHECK(s.build_wall_us == 1);
}

TEST_CASE("Sums over damaged records stop at the largest value instead of wrapping") {
    // Two records near the end of time, each with a wall time of 9e18 µs: every sum and the
    // end of the build would overflow a 64-bit count.
    const char* log =
        R"LOG({"time":9223372036854.000000,"backend":"fork","spawn_us":9000000000000000000,"wall_us":9000000000000000000,"stopped_us":9000000000000000000,"stops":1}
{"time":9223372036854.000000,"backend":"fork","spawn_us":9000000000000000000,"wall_us":9000000000000000000,"stopped_us":9000000000000000000,"stops":1}
)LOG";
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    vsh::TimingSummary s = vsh::summarise_timing_log(log);
    CHECK(s.records == 2);
    CHECK(s.all.total_us == kMax);
    CHECK(s.children_wall_us == kMax);
    CHECK(s.children_stopped_us == kMax);
    CHECK(s.build_wall_us == kMax - 9223372036854000000);
    // The JSON report holds every figure in full: an object cut short would not parse.
    CHECK(vsh::parse_json_object(vsh::timing_summary_json(s)).has_value());
    CHECK(!vsh::timing_summary_text(s, "damaged.log").empty());
}

TEST_CASE("The report counts each process's own work once, and sums failures and programs") {
    // Shell 1 runs cc twice and a vsh (pid 20) that runs ld; ld is killed, one cc fails.
    const char* log =
        R"({"time":1.000000,"shell_pid":1,"child_pid":10,"backend":"vfork","fallback":null,"shell_code":false,"spawn_us":10,"wall_us":1000,"user_us":600,"sys_us":100,"max_rss_kb":5000,"status":0,"argv0":"cc"}
{"time":1.001000,"shell_pid":1,"child_pid":11,"backend":"vfork","fallback":"why","shell_code":false,"spawn_us":30,"wall_us":3000,"user_us":900,"sys_us":100,"max_rss_kb":7000,"status":1,"argv0":"cc"}
{"time":1.002000,"shell_pid":1,"child_pid":20,"backend":"clone","fallback":null,"shell_code":false,"spawn_us":20,"wall_us":5000,"user_us":2000,"sys_us":500,"max_rss_kb":3000,"status":0,"argv0":"vsh"}
{"time":1.003000,"shell_pid":20,"child_pid":21,"backend":"fork","fallback":null,"shell_code":false,"spawn_us":40,"wall_us":2000,"user_us":1500,"sys_us":300,"max_rss_kb":9000,"status":"SIGKILL","argv0":"ld"}
)";
    vsh::TimingSummary s = vsh::summarise_timing_log(log);
    REQUIRE(s.records == 4);
    CHECK(s.children_wall_us == 11000);  // The vsh's 5 ms hold ld's 2 ms: counted twice.
    CHECK(s.leaf_wall_us == 6000);       // cc, cc, ld: the vsh created processes.
    CHECK(s.leaf_cpu_us == 3500);
    CHECK(s.peak_rss_kb == 9000);
    CHECK(s.peak_rss_program == "ld");
    REQUIRE(s.failures.size() == 2);
    CHECK(((s.failures[0].program == "cc" && s.failures[0].status == "exit 1") ||
           (s.failures[0].program == "ld" && s.failures[0].status == "SIGKILL")));
    REQUIRE(s.programs.size() == 3);
    CHECK(s.programs[0].program == "vsh");  // Largest total wall time first.
    CHECK(s.programs[1].program == "cc");
    CHECK(s.programs[1].count == 2);
    CHECK(s.programs[1].total_wall_us == 4000);
    CHECK(s.programs[1].median_wall_us == Approx(2000));
    CHECK(s.programs[1].total_spawn_us == 40);
    CHECK(s.programs[1].fallbacks == 1);

    std::string text = vsh::timing_summary_text(s, "log");
    CHECK(text.find("exit 1") != std::string::npos);
    CHECK(text.find("SIGKILL") != std::string::npos);
    CHECK(text.find("9000 KiB (ld)") != std::string::npos);
    std::string json = vsh::timing_summary_json(s);
    CHECK(json.find("\"leaf_wall_us\":6000") != std::string::npos);
    CHECK(json.find("\"critical_path\":[{\"program\":\"cc\",\"start_us\":0,\"wall_us\":1000},"
                    "{\"program\":\"ld\",\"start_us\":3000,\"wall_us\":2000}]") !=
          std::string::npos);
    CHECK(json.find("{\"program\":\"ld\",\"status\":\"SIGKILL\",\"count\":1}") !=
          std::string::npos);
    CHECK(vsh::parse_json_object(vsh::timing_programs_json(s)).has_value());
    // The last to end was ld (1.003 .. 1.005); before its start, cc (1.000 .. 1.001) had ended;
    // the vsh holding ld is not a step (its span is its children's).
    REQUIRE(s.critical_path.size() == 2);
    CHECK(s.critical_path[0].program == "cc");
    CHECK(s.critical_path[0].start_us == 0);
    CHECK(s.critical_path[1].program == "ld");
    CHECK(s.critical_path[1].start_us == 3000);
    CHECK(text.find("critical path") != std::string::npos);
    // Side by side with itself but one cc slower: ratios per total and per program.
    std::string slower = log;
    const std::string from = "\"wall_us\":3000", to = "\"wall_us\":7000";
    slower.replace(slower.find(from), from.size(), to);
    std::string compare =
        vsh::timing_compare_text(s, "old.log", vsh::summarise_timing_log(slower), "new.log");
    CHECK(compare.find("old: old.log (4 processes)") != std::string::npos);
    auto line_of = [&](const std::string& start) {
        std::size_t at = compare.find("\n" + start);
        REQUIRE(at != std::string::npos);
        return compare.substr(at + 1, compare.find('\n', at + 1) - at - 1);
    };
    const std::string cc = line_of("  cc ");
    CHECK(cc.find("4.00 ms") != std::string::npos);
    CHECK(cc.find("8.00 ms") != std::string::npos);
    CHECK(cc.find("2.00x") != std::string::npos);
    CHECK(line_of("  vfork ").find("1.00x") != std::string::npos);
    std::string programs = vsh::timing_programs_text(s, "log");
    CHECK(programs.find("cc") != std::string::npos);
}

TEST_CASE("Shells of different hosts with the same pid are different shells") {
    const char* log =
        R"({"time":5.000000,"shell_pid":7,"child_pid":8,"backend":"vfork","fallback":null,"shell_code":false,"spawn_us":1,"wall_us":2,"status":0,"argv0":"cc","host":"alpha"}
{"time":5.000001,"shell_pid":7,"child_pid":9,"backend":"vfork","fallback":null,"shell_code":false,"spawn_us":1,"wall_us":2,"status":0,"argv0":"cc","host":"beta"}
{"time":5.000002,"shell_pid":8,"child_pid":10,"backend":"vfork","fallback":null,"shell_code":false,"spawn_us":1,"wall_us":2,"status":0,"argv0":"ld","host":"beta"})";
    vsh::TimingSummary s = vsh::summarise_timing_log(log);
    CHECK(s.shells == 3);
    // alpha's process 8 created nothing there (beta's shell 8 is another machine's): a leaf.
    CHECK(s.leaf_wall_us == 6);
}
