#include "shell/timing/trace.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "shell/base/output.hpp"
#include "shell/timing/json_reader.hpp"
#include "shell/timing/json_writer.hpp"

namespace vsh {

namespace {

constexpr std::int64_t kPidSpan = 4194304;  // PID_MAX_LIMIT on 64-bit Linux.
constexpr std::size_t kSkippedShown = 5;

struct TraceRecord {
    std::int64_t start_us = 0;
    std::int64_t spawn_us = 0;
    std::int64_t wall_us = 0;
    std::int64_t shell_pid = 0;  // Offset by the log's index.
    std::int64_t child_pid = 0;  // Offset by the log's index.
    const JsonObject* fields = nullptr;
};

std::optional<std::int64_t> integer(const JsonObject& object, std::string_view key) {
    const JsonScalar* value = json_field(object, key);
    if (value == nullptr || value->kind != JsonScalar::Kind::Number) return std::nullopt;
    // Damaged records must not overflow the arithmetic below: a day is plenty for one process.
    if (!(value->number >= 0 && value->number <= 1e15)) return std::nullopt;
    return static_cast<std::int64_t>(value->number);
}

std::string text_field(const JsonObject& object, std::string_view key) {
    const JsonScalar* value = json_field(object, key);
    if (value == nullptr) return {};
    if (value->kind == JsonScalar::Kind::String || value->kind == JsonScalar::Kind::Number)
        return value->text;
    if (value->kind == JsonScalar::Kind::Boolean) return value->boolean ? "true" : "false";
    return {};
}

bool shell_code(const JsonObject& object) {
    const JsonScalar* value = json_field(object, "shell_code");
    return value != nullptr && value->kind == JsonScalar::Kind::Boolean && value->boolean;
}

// The copied scalar fields of a record, as the event's "args".
void append_args(std::string& out, const JsonObject& object) {
    out += ",\"args\":{";
    bool first = true;
    for (const char* key : {"backend", "fallback", "shell_code", "status", "user_us", "sys_us",
                            "max_rss_kb", "shell_rss_kb", "spawn_us", "wall_us", "stops",
                            "stopped_us", "early_stop", "argv0", "job"}) {
        const JsonScalar* value = json_field(object, key);
        if (value == nullptr || value->kind == JsonScalar::Kind::Nested) continue;
        if (!first) out += ',';
        first = false;
        append_json_string(out, key);
        out += ':';
        switch (value->kind) {
            case JsonScalar::Kind::Null:
                out += "null";
                break;
            case JsonScalar::Kind::Boolean:
                out += value->boolean ? "true" : "false";
                break;
            case JsonScalar::Kind::Number:
                out += value->text;  // As written: a valid JSON number.
                break;
            case JsonScalar::Kind::String:
            case JsonScalar::Kind::Nested:
                append_json_string(out, value->text);
                break;
        }
    }
    out += '}';
}

void append_event_head(std::string& out, std::string_view name, std::string_view category,
                       std::int64_t pid, std::int64_t tid) {
    out += "{\"name\":";
    append_json_string(out, name);
    out += ",\"cat\":";
    append_json_string(out, category);
    out += ",\"pid\":";
    append_json_integer(out, pid);
    out += ",\"tid\":";
    append_json_integer(out, tid);
}

void append_metadata(std::string& out, const char* what, std::int64_t pid, std::int64_t tid,
                     std::string_view name) {
    out += "{\"name\":";
    append_json_string(out, what);
    out += ",\"ph\":\"M\",\"pid\":";
    append_json_integer(out, pid);
    out += ",\"tid\":";
    append_json_integer(out, tid);
    out += ",\"args\":{\"name\":";
    append_json_string(out, name);
    out += "}},\n";
}

std::string real_pid(std::int64_t pid) {
    return std::to_string(pid % kPidSpan);
}

}  // namespace

TraceExport chrome_trace(const std::vector<TimingLogText>& logs) {
    TraceExport result;
    std::vector<JsonObject> objects;
    std::vector<TraceRecord> records;
    // Each log, and each host within a log, gets its own range of track ids.
    std::map<std::pair<std::size_t, std::string>, std::int64_t> groups;
    std::map<std::int64_t, std::string> group_host;
    for (std::size_t index = 0; index < logs.size(); ++index) {
        std::string_view text = logs[index].text;
        std::size_t line_number = 0;
        while (!text.empty()) {
            std::size_t newline = text.find('\n');
            std::string_view line = text.substr(0, newline);
            text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
            ++line_number;
            if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
            std::optional<JsonObject> object = parse_json_object(line);
            std::optional<std::int64_t> start, spawn, wall, shell, child;
            if (object) {
                const JsonScalar* time = json_field(*object, "time");
                if (time != nullptr && time->kind == JsonScalar::Kind::Number)
                    start = seconds_literal_to_us(time->text);
                spawn = integer(*object, "spawn_us");
                wall = integer(*object, "wall_us");
                shell = integer(*object, "shell_pid");
                child = integer(*object, "child_pid");
            }
            if (!start || !spawn || !wall || !shell || !child || *shell >= kPidSpan ||
                *child >= kPidSpan) {
                if (result.skipped++ < kSkippedShown)
                    result.skipped_where.push_back(logs[index].name + ":" +
                                                   std::to_string(line_number));
                continue;
            }
            const std::string host = text_field(*object, "host");
            auto [group, added] =
                groups.try_emplace({index, host}, static_cast<std::int64_t>(groups.size()));
            if (added) group_host[group->second] = host;
            const std::int64_t offset = group->second * kPidSpan;
            objects.push_back(std::move(*object));
            records.push_back(TraceRecord{*start, std::min(*spawn, *wall), *wall, *shell + offset,
                                          *child + offset, nullptr});
        }
    }
    for (std::size_t i = 0; i < records.size(); ++i) records[i].fields = &objects[i];
    result.records = records.size();
    std::stable_sort(
        records.begin(), records.end(),
        [](const TraceRecord& a, const TraceRecord& b) { return a.start_us < b.start_us; });
    const std::int64_t epoch = records.empty() ? 0 : records.front().start_us;

    std::string& out = result.json;
    out.reserve(records.size() * 420 + 256);
    out += "{\"traceEvents\":[\n";
    // Metadata first: a name for every shell's track and every child's.
    std::map<std::int64_t, std::string> created_by;  // A process's pid -> its command.
    for (const TraceRecord& r : records)
        created_by.emplace(r.child_pid, text_field(*r.fields, "argv0"));
    std::set<std::int64_t> shells;
    for (const TraceRecord& r : records) {
        if (shells.insert(r.shell_pid).second) {
            std::string name = "vsh " + real_pid(r.shell_pid);
            if (groups.size() > 1 && !group_host[r.shell_pid / kPidSpan].empty())
                name += " on " + group_host[r.shell_pid / kPidSpan];
            if (auto it = created_by.find(r.shell_pid);
                it != created_by.end() && !it->second.empty())
                name += ": " + it->second;
            append_metadata(out, "process_name", r.shell_pid, r.shell_pid, name);
        }
        std::string command = text_field(*r.fields, "argv0");
        append_metadata(
            out, "thread_name", r.shell_pid, r.child_pid,
            (command.empty() ? std::string("process") : command) + " " + real_pid(r.child_pid));
    }
    for (const TraceRecord& r : records) {
        const JsonObject& fields = *r.fields;
        std::string command = text_field(fields, "argv0");
        const bool code = shell_code(fields);
        std::string backend = code ? "fork (shell code)" : text_field(fields, "backend");
        append_event_head(out, command.empty() ? "process" : command, backend, r.shell_pid,
                          r.child_pid);
        out += ",\"ph\":\"X\",\"ts\":";
        append_json_integer(out, r.start_us - epoch);
        out += ",\"dur\":";
        append_json_integer(out, r.wall_us);
        append_args(out, fields);
        out += "},\n";
        // The shell blocked creating it: a slice at the start of the process's own.
        append_event_head(out, "spawn (" + backend + ")", "spawn", r.shell_pid, r.child_pid);
        out += ",\"ph\":\"X\",\"ts\":";
        append_json_integer(out, r.start_us - epoch);
        out += ",\"dur\":";
        append_json_integer(out, r.spawn_us);
        out += "},\n";
    }
    // A last metadata event closes the list without a dangling comma.
    out +=
        "{\"name\":\"trace_source\",\"ph\":\"M\",\"pid\":0,\"tid\":0,\"args\":{\"name\":\"vsh "
        "timing log\"}}\n";
    out += "],\"displayTimeUnit\":\"ms\",\"otherData\":{\"epoch_unix_us\":";
    append_json_integer(out, epoch);
    out += ",\"records\":";
    append_json_integer(out, static_cast<std::int64_t>(result.records));
    out += ",\"skipped_lines\":";
    append_json_integer(out, static_cast<std::int64_t>(result.skipped));
    out += "}}\n";
    return result;
}

int timing_trace_main(int argc, char** argv) {
    if (argc == 0) {
        write_all(2, "usage: vsh --timing-report --trace LOG...\n");
        return 2;
    }
    std::vector<std::string> texts(static_cast<std::size_t>(argc));
    std::vector<TimingLogText> logs;
    for (int i = 0; i < argc; ++i) {
        const std::string_view path = argv[i];
        const bool from_stdin = path == "-";
        int fd = from_stdin ? 0 : open(argv[i], O_RDONLY | O_CLOEXEC);
        if (fd < 0 || !read_to_end(fd, texts[static_cast<std::size_t>(i)])) {
            write_all(2, "vsh: --timing-report: " + std::string(path) + ": " +
                             std::strerror(errno) + "\n");
            return 1;
        }
        if (!from_stdin) close(fd);
        logs.push_back(TimingLogText{from_stdin ? "standard input" : std::string(path),
                                     texts[static_cast<std::size_t>(i)]});
    }
    TraceExport trace = chrome_trace(logs);
    if (trace.skipped > 0) {
        std::string message = "vsh: --timing-report: skipped " + std::to_string(trace.skipped) +
                              " line(s) that are not records (";
        for (std::size_t i = 0; i < trace.skipped_where.size(); ++i) {
            if (i > 0) message += ", ";
            message += trace.skipped_where[i];
        }
        if (trace.skipped > trace.skipped_where.size()) message += ", ...";
        write_all(2, message + ")\n");
    }
    if (trace.records == 0) write_all(2, "vsh: --timing-report: no records: the trace is empty\n");
    return write_all(1, trace.json) ? 0 : 1;
}

}  // namespace vsh
