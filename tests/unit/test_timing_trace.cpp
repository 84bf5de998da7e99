// The Chrome Trace Event export of timing logs (vsh --timing-report --trace).
#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "shell/timing/json_reader.hpp"
#include "shell/timing/trace.hpp"

namespace {

// Shell 1 runs cc, then starts a vsh (pid 20) that runs ld; a damaged line and a torn last line
// in between.
const char* const kLog =
    R"LOG({"time":100.000000,"shell_pid":1,"child_pid":10,"backend":"vfork","fallback":null,"shell_code":false,"spawn_us":100,"wall_us":2000,"status":0,"argv0":"cc"}
not a record
{"time":100.003000,"shell_pid":1,"child_pid":20,"backend":"clone","fallback":null,"shell_code":false,"spawn_us":200,"wall_us":5000,"status":0,"argv0":"vsh"}
{"time":100.004000,"shell_pid":20,"child_pid":21,"backend":"fork","fallback":"tty handoff","shell_code":false,"spawn_us":900,"wall_us":300,"status":"SIGKILL","argv0":"ld"}
{"time":100.005,"shell_pid":20,"child_pid":22,"backe)LOG";

struct Event {
    std::string ph, name, cat;
    std::int64_t pid = -1, tid = -1, ts = -1, dur = -1;
    std::string args_name;  // For metadata events.
};

// The trace has one event per line between its first and last lines; each parses as a JSON
// object by itself once its trailing comma is dropped.
std::vector<Event> events_of(const std::string& json) {
    std::vector<Event> events;
    std::size_t start = json.find('\n') + 1;
    REQUIRE(json.rfind("{\"traceEvents\":[\n", 0) == 0);
    for (;;) {
        std::size_t end = json.find('\n', start);
        REQUIRE(end != std::string::npos);
        std::string line = json.substr(start, end - start);
        start = end + 1;
        if (line.rfind("],", 0) == 0) break;
        if (!line.empty() && line.back() == ',') line.pop_back();
        auto object = vsh::parse_json_object(line);
        REQUIRE(object.has_value());
        Event e;
        auto text = [&](const char* key, std::string& out) {
            const vsh::JsonScalar* v = vsh::json_field(*object, key);
            if (v != nullptr && v->kind == vsh::JsonScalar::Kind::String) out = v->text;
        };
        auto number = [&](const char* key, std::int64_t& out) {
            const vsh::JsonScalar* v = vsh::json_field(*object, key);
            if (v != nullptr) {
                REQUIRE(v->kind == vsh::JsonScalar::Kind::Number);
                out = static_cast<std::int64_t>(v->number);
            }
        };
        text("ph", e.ph);
        text("name", e.name);
        text("cat", e.cat);
        number("pid", e.pid);
        number("tid", e.tid);
        number("ts", e.ts);
        number("dur", e.dur);
        if (e.ph == "M") {
            // {"name":...} inside args: the flat reader keeps nested objects out; read it here.
            std::size_t at = line.find("\"args\":{\"name\":\"");
            REQUIRE(at != std::string::npos);
            at += 16;
            e.args_name = line.substr(at, line.find('"', at) - at);
        }
        events.push_back(e);
    }
    return events;
}

}  // namespace

TEST_CASE("A timing log becomes one slice per process, nested in its shell's track") {
    vsh::TraceExport trace = vsh::chrome_trace({{"build.log", kLog}});
    CHECK(trace.records == 3);
    CHECK(trace.skipped == 2);
    REQUIRE(trace.skipped_where.size() == 2);
    CHECK(trace.skipped_where[0] == "build.log:2");
    CHECK(trace.skipped_where[1] == "build.log:5");

    std::vector<Event> events = events_of(trace.json);
    std::map<std::int64_t, Event> process_of_tid;
    std::map<std::int64_t, Event> spawn_of_tid;
    std::map<std::int64_t, std::string> shell_names;
    for (const Event& e : events) {
        REQUIRE((e.ph == "X" || e.ph == "M"));
        CHECK(e.pid >= 0);
        CHECK(e.tid >= 0);
        if (e.ph == "M") {
            if (e.name == "process_name") shell_names[e.pid] = e.args_name;
            continue;
        }
        CHECK(e.ts >= 0);
        CHECK(e.dur >= 0);
        if (e.cat == "spawn")
            spawn_of_tid[e.tid] = e;
        else
            process_of_tid[e.tid] = e;
    }
    // One process slice per record, on the track of the shell that created it.
    REQUIRE(process_of_tid.size() == 3);
    CHECK(process_of_tid[10].pid == 1);
    CHECK(process_of_tid[10].name == "cc");
    CHECK(process_of_tid[10].cat == "vfork");
    CHECK(process_of_tid[10].ts == 0);  // The earliest record is time 0.
    CHECK(process_of_tid[20].ts == 3000);
    CHECK(process_of_tid[21].pid == 20);
    // The spawn slice starts with its process and ends within it (a spawn longer than the
    // process, a damaged record, is cut to it).
    REQUIRE(spawn_of_tid.size() == 3);
    for (const auto& [tid, spawn] : spawn_of_tid) {
        const Event& process = process_of_tid[tid];
        CHECK(spawn.pid == process.pid);
        CHECK(spawn.ts == process.ts);
        CHECK(spawn.dur <= process.dur);
    }
    CHECK(spawn_of_tid[21].dur == 300);
    // A shell's children lie inside the slice of the process that is that shell: ld ran within
    // the vsh (pid 20) that shell 1 started.
    const Event& shell = process_of_tid[20];
    for (const auto& [tid, process] : process_of_tid) {
        if (process.pid != 20) continue;
        CHECK(process.ts >= shell.ts);
        CHECK(process.ts + process.dur <= shell.ts + shell.dur);
    }
    // The vsh started by shell 1 is named after the record that created it.
    CHECK(shell_names[1] == "vsh 1");
    CHECK(shell_names[20] == "vsh 20: vsh");
    // The process's own figures travel in args.
    CHECK(trace.json.find("\"fallback\":\"tty handoff\"") != std::string::npos);
    CHECK(trace.json.find("\"status\":\"SIGKILL\"") != std::string::npos);
    CHECK(trace.json.find("\"epoch_unix_us\":100000000") != std::string::npos);
}

TEST_CASE("Several logs share one time axis and never share a track") {
    const char* a =
        R"({"time":200.000000,"shell_pid":7,"child_pid":8,"backend":"fork","fallback":null,"shell_code":false,"spawn_us":10,"wall_us":20,"status":0,"argv0":"a"})";
    const char* b =
        R"({"time":199.999000,"shell_pid":7,"child_pid":8,"backend":"fork","fallback":null,"shell_code":true,"spawn_us":10,"wall_us":20,"status":0,"argv0":"b"})";
    vsh::TraceExport trace = vsh::chrome_trace({{"host-a", a}, {"host-b", b}});
    CHECK(trace.records == 2);
    std::vector<Event> events = events_of(trace.json);
    std::map<std::string, Event> by_name;
    for (const Event& e : events)
        if (e.ph == "X" && e.cat != "spawn") by_name[e.name] = e;
    REQUIRE(by_name.size() == 2);
    CHECK(by_name["b"].ts == 0);  // The second log's record is the earliest.
    CHECK(by_name["a"].ts == 1000);
    CHECK(by_name["a"].pid != by_name["b"].pid);
    CHECK(by_name["b"].cat == "fork (shell code)");
}

TEST_CASE("An empty or damaged log still gives a valid trace") {
    vsh::TraceExport empty = vsh::chrome_trace({{"empty", ""}});
    CHECK(empty.records == 0);
    CHECK(events_of(empty.json).size() == 1);  // Only the closing metadata event.
    vsh::TraceExport junk = vsh::chrome_trace(
        {{"junk",
          "{\"time\":1e400,\"shell_pid\":1,\"child_pid\":2,\"spawn_us\":1,\"wall_us\":1}\n"
          "{\"time\":1.0,\"shell_pid\":-1,\"child_pid\":2,\"spawn_us\":1,\"wall_us\":1}\n"
          "{\"time\":1.0,\"shell_pid\":1,\"child_pid\":2,\"spawn_us\":1,\"wall_us\":1e300}\n"}});
    CHECK(junk.records == 0);
    CHECK(junk.skipped == 3);
    CHECK(events_of(junk.json).size() == 1);
}

TEST_CASE("Two hosts in one log keep their shells apart, named after their hosts") {
    const char* log =
        R"({"time":5.000000,"shell_pid":7,"child_pid":8,"backend":"vfork","fallback":null,"shell_code":false,"spawn_us":1,"wall_us":2,"status":0,"argv0":"cc","host":"alpha"}
{"time":5.000001,"shell_pid":7,"child_pid":8,"backend":"vfork","fallback":null,"shell_code":false,"spawn_us":1,"wall_us":2,"status":0,"argv0":"cc","host":"beta"})";
    vsh::TraceExport trace = vsh::chrome_trace({{"merged", log}});
    CHECK(trace.records == 2);
    std::map<std::int64_t, std::string> names;
    for (const Event& e : events_of(trace.json))
        if (e.name == "process_name") names[e.pid] = e.args_name;
    REQUIRE(names.size() == 2);
    CHECK(names.begin()->second == "vsh 7 on alpha");
    CHECK(names.rbegin()->second == "vsh 7 on beta");
}
