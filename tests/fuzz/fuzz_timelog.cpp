// libFuzzer target: what `vsh --timing-report` does with a VSH_TIMING_LOG file
// (shell/timing/report.hpp, json_reader.hpp), on arbitrary lines: the summary, both of its
// renderings, the per-program view, the Chrome trace export (--trace), and the JSON reader on
// each line alone.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "shell/timing/json_reader.hpp"
#include "shell/timing/report.hpp"
#include "shell/timing/trace.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const vsh::TimingSummary summary = vsh::summarise_timing_log(text);
    (void)vsh::timing_summary_text(summary, "fuzz.log");
    const std::string json = vsh::timing_summary_json(summary);
    // The report's own JSON is one valid object, whatever the log held.
    if (!vsh::parse_json_object(json)) {
        std::fprintf(stderr, "fuzz_timelog: the JSON summary does not read back:\n%s",
                     json.c_str());
        std::abort();
    }
    if (!vsh::parse_json_object(vsh::timing_programs_json(summary))) {
        std::fprintf(stderr, "fuzz_timelog: the per-program JSON does not read back\n");
        std::abort();
    }
    (void)vsh::timing_programs_text(summary, "fuzz.log");
    // The trace: as one log, and as the second of two (pids offset), each event line of it a
    // JSON object by itself.
    const vsh::TraceExport trace = vsh::chrome_trace({{"a", text}, {"b", text}});
    std::string_view events = trace.json;
    events.remove_prefix(events.find('\n') + 1);
    while (!events.empty() && events.front() == '{') {
        std::size_t newline = events.find('\n');
        std::string_view line = events.substr(0, newline);
        if (line.back() == ',') line.remove_suffix(1);
        if (!vsh::parse_json_object(line)) {
            std::fprintf(stderr, "fuzz_timelog: a trace event is not JSON:\n%.*s\n",
                         static_cast<int>(line.size()), line.data());
            std::abort();
        }
        events.remove_prefix(newline + 1);
    }
    std::string_view rest = text;
    while (!rest.empty()) {
        const std::size_t newline = rest.find('\n');
        const std::optional<vsh::JsonObject> object =
            vsh::parse_json_object(rest.substr(0, newline));
        if (object) (void)vsh::json_field(*object, "time");
        rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
    }
    return 0;
}
