// libFuzzer target: what `vsh --timing-report` does with a VSH_TIMING_LOG file
// (shell/timing/report.hpp, json_reader.hpp), on arbitrary lines: the summary, both of its
// renderings, and the JSON reader on each line alone.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "shell/timing/json_reader.hpp"
#include "shell/timing/report.hpp"

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
