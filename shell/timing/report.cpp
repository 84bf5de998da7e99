#include "shell/timing/report.hpp"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>
#include <set>

#include "shell/base/output.hpp"
#include "shell/timing/duration_text.hpp"
#include "shell/timing/json_reader.hpp"
#include "shell/timing/json_writer.hpp"
#include "shell/timing/percentile.hpp"
#include "shell/timing/trace.hpp"

namespace vsh {

namespace {

constexpr std::string_view kShellCodeRow = "fork (shell code)";

// One valid log line, reduced to what the report uses.
struct ParsedRecord {
    std::int64_t start_us = 0;
    std::int64_t spawn_us = 0;
    std::int64_t wall_us = 0;
    std::int64_t shell_pid = 0;
    std::string host;             // Empty in logs from before the field.
    bool stopped = false;         // It has "stops": it stopped at least once.
    std::int64_t stopped_us = 0;  // How long it was stopped.
    std::string row;              // The backend, or kShellCodeRow.
    std::string fallback;         // Empty: none.
    std::int64_t child_pid = -1;  // -1: not given.
    std::string program;          // argv0 ("?" when absent).
    std::int64_t cpu_us = 0;      // user + sys.
    std::int64_t max_rss_kb = 0;
    std::string failure;  // "exit N" (N != 0) or the signal's name; empty for exit 0.
};

// a + b, or the largest value when the sum does not fit: a log is untrusted input, and a
// damaged record must not make the report's sums wrap around (or be undefined behaviour).
std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
    std::int64_t sum;
    return __builtin_add_overflow(a, b, &sum) ? std::numeric_limits<std::int64_t>::max() : sum;
}

bool integer_field(const JsonObject& object, std::string_view key, std::int64_t* out) {
    const JsonScalar* value = json_field(object, key);
    if (value == nullptr || value->kind != JsonScalar::Kind::Number) return false;
    if (value->number < 0 || value->number > 9.2e18) return false;
    *out = static_cast<std::int64_t>(value->number);
    return true;
}

bool parse_record(std::string_view line, ParsedRecord* record) {
    std::optional<JsonObject> object = parse_json_object(line);
    if (!object) return false;
    const JsonScalar* time = json_field(*object, "time");
    const JsonScalar* backend = json_field(*object, "backend");
    if (time == nullptr || time->kind != JsonScalar::Kind::Number) return false;
    const std::optional<std::int64_t> start = seconds_literal_to_us(time->text);
    if (!start) return false;
    record->start_us = *start;
    if (backend == nullptr || backend->kind != JsonScalar::Kind::String) return false;
    if (!integer_field(*object, "spawn_us", &record->spawn_us) ||
        !integer_field(*object, "wall_us", &record->wall_us))
        return false;
    if (!integer_field(*object, "shell_pid", &record->shell_pid)) record->shell_pid = 0;
    if (const JsonScalar* host = json_field(*object, "host");
        host != nullptr && host->kind == JsonScalar::Kind::String)
        record->host = host->text;
    record->stopped = json_field(*object, "stops") != nullptr;
    if (!integer_field(*object, "stopped_us", &record->stopped_us)) record->stopped_us = 0;
    // Stopped time beyond the wall time is a damaged record, not a negative run time.
    record->stopped_us = std::min(record->stopped_us, record->wall_us);
    const JsonScalar* shell_code = json_field(*object, "shell_code");
    bool is_shell_code = shell_code != nullptr && shell_code->kind == JsonScalar::Kind::Boolean &&
                         shell_code->boolean;
    record->row = is_shell_code ? std::string(kShellCodeRow) : backend->text;
    const JsonScalar* fallback = json_field(*object, "fallback");
    if (fallback != nullptr && fallback->kind == JsonScalar::Kind::String)
        record->fallback = fallback->text.empty() ? "(no reason given)" : fallback->text;
    if (!integer_field(*object, "child_pid", &record->child_pid)) record->child_pid = -1;
    const JsonScalar* argv0 = json_field(*object, "argv0");
    record->program =
        argv0 != nullptr && argv0->kind == JsonScalar::Kind::String && !argv0->text.empty()
            ? argv0->text
            : "?";
    std::int64_t user = 0, sys = 0;
    if (!integer_field(*object, "user_us", &user)) user = 0;
    if (!integer_field(*object, "sys_us", &sys)) sys = 0;
    record->cpu_us = saturating_add(user, sys);
    if (!integer_field(*object, "max_rss_kb", &record->max_rss_kb)) record->max_rss_kb = 0;
    const JsonScalar* status = json_field(*object, "status");
    if (status != nullptr && status->kind == JsonScalar::Kind::String) {
        record->failure = status->text;  // A signal: "SIGKILL", "SIGSEGV (core dumped)".
    } else if (status != nullptr && status->kind == JsonScalar::Kind::Number &&
               status->text != "0") {
        record->failure = "exit " + status->text;
    }
    return true;
}

struct ProgramAccumulator {
    std::vector<double> walls;
    std::int64_t wall_us = 0;
    std::int64_t spawn_us = 0;
    std::size_t fallbacks = 0;
};

struct LeafCandidate {
    std::string host;
    std::int64_t pid;
    std::int64_t start_us;
    std::int64_t wall_us;
    std::int64_t cpu_us;
    std::string program;
};

std::int64_t end_of(const LeafCandidate& leaf) {
    return saturating_add(leaf.start_us, leaf.wall_us);
}

// The chain of processes that determined when the build ended, as far as times can tell it:
// from the process that ended last, each step back is the process that ended last before that
// one started (in make, what a target waited for). Only processes that created none count: a
// shell's span holds its children's.
std::vector<CriticalStep> critical_path(std::vector<const LeafCandidate*> leaves,
                                        std::int64_t first_start) {
    std::vector<CriticalStep> path;
    if (leaves.empty()) return path;
    std::sort(leaves.begin(), leaves.end(), [](const LeafCandidate* a, const LeafCandidate* b) {
        return end_of(*a) < end_of(*b);
    });
    std::size_t at = leaves.size() - 1;
    for (;;) {
        const LeafCandidate& leaf = *leaves[at];
        path.push_back(CriticalStep{leaf.program, leaf.start_us - first_start, leaf.wall_us});
        // The latest end at or before this start: binary search on the sorted ends.
        auto it = std::upper_bound(
            leaves.begin(), leaves.begin() + static_cast<std::ptrdiff_t>(at), leaf.start_us,
            [](std::int64_t start, const LeafCandidate* q) { return start < end_of(*q); });
        if (it == leaves.begin()) break;
        at = static_cast<std::size_t>(it - leaves.begin()) - 1;
    }
    std::reverse(path.begin(), path.end());
    return path;
}

LatencyStats latency_stats(std::vector<double> spawn_us) {
    LatencyStats stats;
    std::sort(spawn_us.begin(), spawn_us.end());
    stats.spawns = spawn_us.size();
    for (double v : spawn_us)
        stats.total_us = saturating_add(stats.total_us, static_cast<std::int64_t>(v));
    stats.median_us = percentile_of_sorted(spawn_us, 50);
    stats.p95_us = percentile_of_sorted(spawn_us, 95);
    stats.p99_us = percentile_of_sorted(spawn_us, 99);
    return stats;
}

int row_rank(const std::string& row) {
    static constexpr std::string_view kOrder[] = {"fork", "vfork", "clone", "posix_spawn",
                                                  kShellCodeRow};
    for (int k = 0; k < 5; ++k) {
        if (row == kOrder[k]) return k;
    }
    return 5;
}

// Left-aligns the first column and right-aligns the others, two spaces apart.
std::string aligned_table(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        if (widths.size() < row.size()) widths.resize(row.size(), 0);
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
    }
    std::string out;
    for (const auto& row : rows) {
        std::string line = "  ";
        for (std::size_t c = 0; c < row.size(); ++c) {
            std::string pad(widths[c] - row[c].size(), ' ');
            if (c > 0) line += "  ";
            line += c == 0 ? row[c] + pad : pad + row[c];
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + '\n';
    }
    return out;
}

void append_stats_json(std::string& out, const LatencyStats& stats) {
    // Room for the largest values a damaged log can give (20 digits each, 9.2e18 in %.1f):
    // a cut-off object would not be JSON.
    char buf[320];
    std::snprintf(buf, sizeof buf,
                  "{\"spawns\":%zu,\"spawn_total_us\":%lld,\"spawn_median_us\":%.1f,"
                  "\"spawn_p95_us\":%.1f,\"spawn_p99_us\":%.1f}",
                  stats.spawns, static_cast<long long>(stats.total_us), stats.median_us,
                  stats.p95_us, stats.p99_us);
    out += buf;
}

}  // namespace

TimingSummary summarise_timing_log(std::string_view log_text) {
    TimingSummary summary;
    std::map<std::string, std::vector<double>> latencies;
    std::map<std::string, std::size_t> fallbacks;
    std::map<std::pair<std::string, std::string>, std::size_t> failures;
    std::map<std::string, ProgramAccumulator> programs;
    std::vector<LeafCandidate> leaves;
    // Shells by host and pid: logs of several machines merge, and their pids may meet.
    std::set<std::pair<std::string, std::int64_t>> shells;
    std::vector<double> all_latencies;
    std::int64_t first_start = 0, last_end = 0;
    std::size_t line_number = 0;
    while (!log_text.empty()) {
        std::size_t newline = log_text.find('\n');
        std::string_view line = log_text.substr(0, newline);
        log_text.remove_prefix(newline == std::string_view::npos ? log_text.size() : newline + 1);
        ++line_number;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        ParsedRecord record;
        if (!parse_record(line, &record)) {
            if (summary.malformed_lines++ == 0) summary.first_malformed_line = line_number;
            continue;
        }
        std::int64_t end = saturating_add(record.start_us, record.wall_us);
        if (summary.records == 0 || record.start_us < first_start) first_start = record.start_us;
        if (summary.records == 0 || end > last_end) last_end = end;
        ++summary.records;
        shells.insert({record.host, record.shell_pid});
        latencies[record.row].push_back(static_cast<double>(record.spawn_us));
        all_latencies.push_back(static_cast<double>(record.spawn_us));
        summary.children_wall_us = saturating_add(summary.children_wall_us, record.wall_us);
        if (record.stopped) ++summary.stopped_processes;
        summary.children_stopped_us =
            saturating_add(summary.children_stopped_us, record.stopped_us);
        if (!record.fallback.empty()) ++fallbacks[record.fallback];
        if (!record.failure.empty()) ++failures[{record.program, record.failure}];
        ProgramAccumulator& program = programs[record.program];
        program.walls.push_back(static_cast<double>(record.wall_us));
        program.wall_us = saturating_add(program.wall_us, record.wall_us);
        program.spawn_us = saturating_add(program.spawn_us, record.spawn_us);
        if (!record.fallback.empty()) ++program.fallbacks;
        if (record.max_rss_kb > summary.peak_rss_kb) {
            summary.peak_rss_kb = record.max_rss_kb;
            summary.peak_rss_program = record.program;
        }
        leaves.push_back({record.host, record.child_pid, record.start_us, record.wall_us,
                          record.cpu_us, record.program});
    }
    // A process that created processes of its own (a shell: its pid is the shell_pid of other
    // records) has their time inside its own wall time and, once it reaped them, in its CPU
    // time too. The leaf figures count each piece of work once.
    std::vector<const LeafCandidate*> leaf_processes;
    for (const LeafCandidate& leaf : leaves) {
        if (leaf.pid >= 0 && shells.count({leaf.host, leaf.pid}) != 0) continue;
        summary.leaf_wall_us = saturating_add(summary.leaf_wall_us, leaf.wall_us);
        summary.leaf_cpu_us = saturating_add(summary.leaf_cpu_us, leaf.cpu_us);
        leaf_processes.push_back(&leaf);
    }
    summary.critical_path = critical_path(std::move(leaf_processes), first_start);
    for (const auto& [key, count] : failures)
        summary.failures.push_back({key.first, key.second, count});
    std::stable_sort(summary.failures.begin(), summary.failures.end(),
                     [](const auto& a, const auto& b) { return a.count > b.count; });
    for (auto& [name, acc] : programs) {
        std::sort(acc.walls.begin(), acc.walls.end());
        summary.programs.push_back(ProgramStats{name, acc.walls.size(), acc.wall_us,
                                                percentile_of_sorted(acc.walls, 50), acc.spawn_us,
                                                acc.fallbacks});
    }
    std::stable_sort(summary.programs.begin(), summary.programs.end(),
                     [](const ProgramStats& a, const ProgramStats& b) {
                         return a.total_wall_us > b.total_wall_us;
                     });
    summary.shells = shells.size();
    for (auto& [row, values] : latencies)
        summary.by_backend.emplace_back(row, latency_stats(std::move(values)));
    std::stable_sort(
        summary.by_backend.begin(), summary.by_backend.end(),
        [](const auto& a, const auto& b) { return row_rank(a.first) < row_rank(b.first); });
    summary.all = latency_stats(std::move(all_latencies));
    summary.fallbacks.assign(fallbacks.begin(), fallbacks.end());
    std::stable_sort(summary.fallbacks.begin(), summary.fallbacks.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (summary.records > 0) summary.build_wall_us = last_end - first_start;
    if (summary.build_wall_us > 0)
        summary.spawn_share =
            static_cast<double>(summary.all.total_us) / static_cast<double>(summary.build_wall_us);
    return summary;
}

std::string timing_summary_text(const TimingSummary& summary, std::string_view log_name) {
    std::string out = "timing report for ";
    out += log_name;
    out += ": " + std::to_string(summary.records) + " processes from " +
           std::to_string(summary.shells) + (summary.shells == 1 ? " shell\n" : " shells\n");
    if (summary.malformed_lines > 0) {
        out += "note: skipped " + std::to_string(summary.malformed_lines) +
               " malformed line(s), the first at line " +
               std::to_string(summary.first_malformed_line) + "\n";
    }
    if (summary.records == 0) {
        out += "the log holds no records (is VSH_TIMING_LOG set where the processes ran?)\n";
        return out;
    }

    out += "\nspawn latency (how long the shell was blocked creating each process):\n";
    std::vector<std::vector<std::string>> rows = {
        {"backend", "spawns", "total", "median", "p95", "p99"}};
    auto add_row = [&](const std::string& name, const LatencyStats& s) {
        rows.push_back({name, std::to_string(s.spawns),
                        duration_text(static_cast<double>(s.total_us)), duration_text(s.median_us),
                        duration_text(s.p95_us), duration_text(s.p99_us)});
    };
    for (const auto& [row, stats] : summary.by_backend) add_row(row, stats);
    add_row("all", summary.all);
    out += aligned_table(rows);

    out += "\nfallbacks (and auto's second choices):";
    if (summary.fallbacks.empty()) {
        out += " none\n";
    } else {
        out += '\n';
        std::vector<std::vector<std::string>> fallback_rows = {{"reason", "count"}};
        for (const auto& [reason, count] : summary.fallbacks)
            fallback_rows.push_back({reason, std::to_string(count)});
        out += aligned_table(fallback_rows);
    }

    char share[64];
    std::snprintf(share, sizeof share, "%.2f%%", summary.spawn_share * 100);
    out += '\n';
    out += aligned_table({
        {"build wall time (first spawn to last exit)",
         duration_text(static_cast<double>(summary.build_wall_us))},
        {"processes' wall time (sum; nested ones counted again in their shell's)",
         duration_text(static_cast<double>(summary.children_wall_us))},
        {"  running", duration_text(static_cast<double>(summary.children_wall_us -
                                                        summary.children_stopped_us))},
        {"  stopped (" + std::to_string(summary.stopped_processes) + " processes)",
         duration_text(static_cast<double>(summary.children_stopped_us))},
        {"programs' wall time (sum, each process once: those that created none)",
         duration_text(static_cast<double>(summary.leaf_wall_us))},
        {"programs' CPU time (user+sys, the same processes)",
         duration_text(static_cast<double>(summary.leaf_cpu_us))},
        {"largest peak memory (max RSS)",
         std::to_string(summary.peak_rss_kb) + " KiB (" + summary.peak_rss_program + ")"},
        {"time spent creating processes (sum)",
         duration_text(static_cast<double>(summary.all.total_us))},
        {"share of the build's wall time", share},
    });
    if (!summary.critical_path.empty()) {
        std::int64_t busy = 0;
        for (const CriticalStep& step : summary.critical_path)
            busy = saturating_add(busy, step.wall_us);
        out += "\ncritical path (what ended last, and what each step waited for): " +
               std::to_string(summary.critical_path.size()) + " processes, " +
               duration_text(static_cast<double>(busy)) + " of the build's " +
               duration_text(static_cast<double>(summary.build_wall_us)) + "\n";
        std::vector<std::vector<std::string>> steps = {{"program", "start", "wall"}};
        const std::size_t shown = 12;
        const std::size_t from =
            summary.critical_path.size() > shown ? summary.critical_path.size() - shown : 0;
        if (from > 0) steps.push_back({"(" + std::to_string(from) + " earlier)", "", ""});
        for (std::size_t i = from; i < summary.critical_path.size(); ++i) {
            const CriticalStep& step = summary.critical_path[i];
            steps.push_back({step.program, "+" + duration_text(static_cast<double>(step.start_us)),
                             duration_text(static_cast<double>(step.wall_us))});
        }
        out += aligned_table(steps);
    }
    out += "\nnon-zero exit statuses and signals:";
    if (summary.failures.empty()) {
        out += " none\n";
    } else {
        out += '\n';
        std::vector<std::vector<std::string>> failure_rows = {{"program", "status", "count"}};
        for (std::size_t i = 0; i < summary.failures.size() && i < 15; ++i) {
            const FailureCount& f = summary.failures[i];
            failure_rows.push_back({f.program, f.status, std::to_string(f.count)});
        }
        out += aligned_table(failure_rows);
        if (summary.failures.size() > 15)
            out += "(and " + std::to_string(summary.failures.size() - 15) + " more)\n";
    }
    return out;
}

std::string timing_summary_json(const TimingSummary& summary) {
    std::string out = "{\"records\":" + std::to_string(summary.records) +
                      ",\"shells\":" + std::to_string(summary.shells) +
                      ",\"malformed_lines\":" + std::to_string(summary.malformed_lines) +
                      ",\"backends\":{";
    bool first = true;
    for (const auto& [row, stats] : summary.by_backend) {
        if (!first) out += ',';
        first = false;
        append_json_string(out, row);
        out += ':';
        append_stats_json(out, stats);
    }
    out += "},\"all\":";
    append_stats_json(out, summary.all);
    out += ",\"fallbacks\":{";
    first = true;
    for (const auto& [reason, count] : summary.fallbacks) {
        if (!first) out += ',';
        first = false;
        append_json_string(out, reason);
        out += ':' + std::to_string(count);
    }
    char tail[512];  // As in append_stats_json: room for the largest values.
    std::snprintf(tail, sizeof tail,
                  "},\"children_wall_us\":%lld,\"children_stopped_us\":%lld,"
                  "\"stopped_processes\":%zu,\"build_wall_us\":%lld,\"spawn_share\":%.6f,"
                  "\"leaf_wall_us\":%lld,\"leaf_cpu_us\":%lld,\"peak_rss_kb\":%lld,",
                  static_cast<long long>(summary.children_wall_us),
                  static_cast<long long>(summary.children_stopped_us), summary.stopped_processes,
                  static_cast<long long>(summary.build_wall_us), summary.spawn_share,
                  static_cast<long long>(summary.leaf_wall_us),
                  static_cast<long long>(summary.leaf_cpu_us),
                  static_cast<long long>(summary.peak_rss_kb));
    out += tail;
    out += "\"peak_rss_program\":";
    append_json_string(out, summary.peak_rss_program);
    out += ",\"failures\":[";
    for (std::size_t i = 0; i < summary.failures.size(); ++i) {
        if (i > 0) out += ',';
        out += "{\"program\":";
        append_json_string(out, summary.failures[i].program);
        out += ",\"status\":";
        append_json_string(out, summary.failures[i].status);
        out += ",\"count\":" + std::to_string(summary.failures[i].count) + "}";
    }
    out += "],\"critical_path\":[";
    for (std::size_t i = 0; i < summary.critical_path.size(); ++i) {
        const CriticalStep& step = summary.critical_path[i];
        if (i > 0) out += ',';
        out += "{\"program\":";
        append_json_string(out, step.program);
        out += ",\"start_us\":" + std::to_string(step.start_us) +
               ",\"wall_us\":" + std::to_string(step.wall_us) + "}";
    }
    out += "]}\n";
    return out;
}

std::string timing_programs_text(const TimingSummary& summary, std::string_view log_name) {
    std::string out = "processes by program in ";
    out += log_name;
    out += " (" + std::to_string(summary.records) + " processes)\n";
    if (summary.records == 0) return out;
    std::vector<std::vector<std::string>> rows = {
        {"program", "count", "total wall", "median wall", "total spawn", "fallbacks"}};
    for (const ProgramStats& p : summary.programs) {
        rows.push_back(
            {p.program, std::to_string(p.count),
             duration_text(static_cast<double>(p.total_wall_us)), duration_text(p.median_wall_us),
             duration_text(static_cast<double>(p.total_spawn_us)), std::to_string(p.fallbacks)});
    }
    return out + aligned_table(rows);
}

std::string timing_programs_json(const TimingSummary& summary) {
    std::string out = "{\"records\":" + std::to_string(summary.records) + ",\"programs\":[";
    for (std::size_t i = 0; i < summary.programs.size(); ++i) {
        const ProgramStats& p = summary.programs[i];
        if (i > 0) out += ',';
        out += "{\"program\":";
        append_json_string(out, p.program);
        char buf[256];
        std::snprintf(buf, sizeof buf,
                      ",\"count\":%zu,\"total_wall_us\":%lld,\"median_wall_us\":%.1f,"
                      "\"total_spawn_us\":%lld,\"fallbacks\":%zu}",
                      p.count, static_cast<long long>(p.total_wall_us), p.median_wall_us,
                      static_cast<long long>(p.total_spawn_us), p.fallbacks);
        out += buf;
    }
    out += "]}\n";
    return out;
}

std::string timing_compare_text(const TimingSummary& old_summary, std::string_view old_name,
                                const TimingSummary& new_summary, std::string_view new_name) {
    auto ratio = [](double a, double b) {
        if (a <= 0 || b <= 0) return std::string("-");
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2fx", b / a);
        return std::string(buf);
    };
    auto dur = [](double us) { return duration_text(us); };
    std::string out = "old: ";
    out += old_name;
    out += " (" + std::to_string(old_summary.records) + " processes)\nnew: ";
    out += new_name;
    out += " (" + std::to_string(new_summary.records) + " processes)\n\n";
    std::vector<std::vector<std::string>> rows = {{"", "old", "new", "new/old"}};
    auto add = [&](const std::string& what, double a, double b, bool time) {
        rows.push_back({what, time ? dur(a) : std::to_string(static_cast<long long>(a)),
                        time ? dur(b) : std::to_string(static_cast<long long>(b)), ratio(a, b)});
    };
    add("processes", static_cast<double>(old_summary.records),
        static_cast<double>(new_summary.records), false);
    add("build wall time", static_cast<double>(old_summary.build_wall_us),
        static_cast<double>(new_summary.build_wall_us), true);
    add("programs' wall time (once each)", static_cast<double>(old_summary.leaf_wall_us),
        static_cast<double>(new_summary.leaf_wall_us), true);
    add("programs' CPU time", static_cast<double>(old_summary.leaf_cpu_us),
        static_cast<double>(new_summary.leaf_cpu_us), true);
    add("time creating processes", static_cast<double>(old_summary.all.total_us),
        static_cast<double>(new_summary.all.total_us), true);
    add("median spawn", old_summary.all.median_us, new_summary.all.median_us, true);
    add(
        "fallbacks",
        [&] {
            std::size_t n = 0;
            for (const auto& f : old_summary.fallbacks) n += f.second;
            return static_cast<double>(n);
        }(),
        [&] {
            std::size_t n = 0;
            for (const auto& f : new_summary.fallbacks) n += f.second;
            return static_cast<double>(n);
        }(),
        false);
    out += aligned_table(rows);

    // Per backend: spawns and their median latency.
    std::vector<std::string> backends;
    for (const auto& [row, stats] : old_summary.by_backend) backends.push_back(row);
    for (const auto& [row, stats] : new_summary.by_backend)
        if (std::find(backends.begin(), backends.end(), row) == backends.end())
            backends.push_back(row);
    auto stats_of = [](const TimingSummary& s, const std::string& row) {
        for (const auto& [name, stats] : s.by_backend)
            if (name == row) return stats;
        return LatencyStats{};
    };
    std::vector<std::vector<std::string>> backend_rows = {
        {"backend", "spawns old", "spawns new", "median old", "median new", "new/old"}};
    for (const std::string& row : backends) {
        LatencyStats a = stats_of(old_summary, row), b = stats_of(new_summary, row);
        backend_rows.push_back({row, std::to_string(a.spawns), std::to_string(b.spawns),
                                a.spawns ? dur(a.median_us) : "-",
                                b.spawns ? dur(b.median_us) : "-",
                                ratio(a.median_us, b.median_us)});
    }
    out += "\nspawn latency per backend:\n" + aligned_table(backend_rows);

    // Per program: total wall time, the programs that weigh most in either log first.
    std::map<std::string, std::pair<const ProgramStats*, const ProgramStats*>> programs;
    for (const ProgramStats& p : old_summary.programs) programs[p.program].first = &p;
    for (const ProgramStats& p : new_summary.programs) programs[p.program].second = &p;
    std::vector<std::pair<std::string, std::pair<const ProgramStats*, const ProgramStats*>>> order(
        programs.begin(), programs.end());
    auto weight = [](const auto& entry) {
        std::int64_t a = entry.second.first ? entry.second.first->total_wall_us : 0;
        std::int64_t b = entry.second.second ? entry.second.second->total_wall_us : 0;
        return std::max(a, b);
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](const auto& x, const auto& y) { return weight(x) > weight(y); });
    std::vector<std::vector<std::string>> program_rows = {
        {"program", "count old", "count new", "wall old", "wall new", "new/old"}};
    for (std::size_t i = 0; i < order.size() && i < 15; ++i) {
        const ProgramStats* a = order[i].second.first;
        const ProgramStats* b = order[i].second.second;
        const double wa = a ? static_cast<double>(a->total_wall_us) : 0;
        const double wb = b ? static_cast<double>(b->total_wall_us) : 0;
        program_rows.push_back({order[i].first, a ? std::to_string(a->count) : "0",
                                b ? std::to_string(b->count) : "0", a ? dur(wa) : "-",
                                b ? dur(wb) : "-", ratio(wa, wb)});
    }
    out += "\nwall time per program (the heaviest first):\n" + aligned_table(program_rows);
    return out;
}

namespace {

bool read_log(const char* path, std::string* text) {
    const bool from_stdin = std::string_view(path) == "-";
    int fd = from_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || !read_to_end(fd, *text)) {
        write_all(
            2, "vsh: --timing-report: " + std::string(path) + ": " + std::strerror(errno) + "\n");
        if (fd > 0) close(fd);
        return false;
    }
    if (!from_stdin) close(fd);
    return true;
}

}  // namespace

int timing_report_main(int argc, char** argv) {
    if (argc > 0 && std::string_view(argv[0]) == "--trace")
        return timing_trace_main(argc - 1, argv + 1);
    if (argc > 0 && std::string_view(argv[0]) == "--compare") {
        const bool json = argc == 4 && std::string_view(argv[1]) == "--json";
        if (argc != 3 && !json) {
            write_all(2, "usage: vsh --timing-report --compare [--json] OLD NEW\n");
            return 2;
        }
        const char* old_path = argv[json ? 2 : 1];
        const char* new_path = argv[json ? 3 : 2];
        std::string old_text, new_text;
        if (!read_log(old_path, &old_text) || !read_log(new_path, &new_text)) return 1;
        const TimingSummary a = summarise_timing_log(old_text);
        const TimingSummary b = summarise_timing_log(new_text);
        if (json) {
            std::string out = "{\"old\":" + timing_summary_json(a);
            out.pop_back();  // Its newline.
            out += ",\"new\":" + timing_summary_json(b);
            out.pop_back();
            write_all(1, out + "}\n");
        } else {
            write_all(1, timing_compare_text(a, old_path, b, new_path));
        }
        return 0;
    }
    static constexpr std::string_view kUsage =
        "usage: vsh --timing-report [--json] [--by-program] FILE...\n"
        "       vsh --timing-report --trace FILE...\n"
        "       vsh --timing-report --compare [--json] OLD NEW\n";
    bool json = false;
    bool by_program = false;
    std::vector<const char*> paths;
    for (int i = 0; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--json") {
            json = true;
        } else if (arg == "--by-program") {
            by_program = true;
        } else if (arg == "-" || !arg.starts_with("-")) {
            paths.push_back(argv[i]);
        } else {
            write_all(2, kUsage);
            return 2;
        }
    }
    if (paths.empty()) {
        write_all(2, kUsage);
        return 2;
    }
    // Several logs (several hosts, or runs) are summarised as one: records carry their host,
    // so shells of different machines stay apart.
    std::string text;
    std::string joined_names;
    for (const char* path : paths) {
        if (!read_log(path, &text)) return 1;
        if (!text.empty() && text.back() != '\n') text += '\n';
        if (!joined_names.empty()) joined_names += ", ";
        joined_names += std::string_view(path) == "-" ? "standard input" : path;
    }
    TimingSummary summary = summarise_timing_log(text);
    if (summary.malformed_lines > 0 && json) {
        // The JSON carries the count; say it on stderr too so a pipeline into jq notices.
        write_all(2, "vsh: --timing-report: skipped " + std::to_string(summary.malformed_lines) +
                         " malformed line(s)\n");
    }
    const std::string_view name = joined_names;
    if (by_program) {
        write_all(1, json ? timing_programs_json(summary) : timing_programs_text(summary, name));
    } else {
        write_all(1, json ? timing_summary_json(summary) : timing_summary_text(summary, name));
    }
    return 0;
}

}  // namespace vsh
