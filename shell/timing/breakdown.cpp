#include "shell/timing/breakdown.hpp"

#include <algorithm>

#include "shell/timing/duration_text.hpp"
#include "shell/timing/record_format.hpp"

namespace vsh {

std::string creation_text(const ProcessRecord& record) {
    std::string text =
        record.backend != nullptr && record.backend[0] != '\0' ? record.backend : "fork";
    if (record.shell_code) {
        text += " (shell code)";
    } else if (record.fallback != nullptr) {
        text += " (fallback: ";
        text += record.fallback;
        text += ')';
    }
    return text;
}

std::string process_breakdown_text(const std::vector<ProcessRecord>& records) {
    if (records.empty()) return {};
    std::vector<std::vector<std::string>> rows = {
        {"command", "created by", "spawn", "wall", "user", "sys", "max RSS", "status"}};
    for (const ProcessRecord& r : records) {
        // A shell-code child's spawn is not measured separately from its wall time.
        std::string spawn = r.shell_code && r.spawn_ns == 0
                                ? "-"
                                : duration_text(static_cast<double>(r.spawn_ns) / 1e3);
        rows.push_back({r.command, creation_text(r), spawn,
                        duration_text(static_cast<double>(r.wall_ns) / 1e3),
                        duration_text(static_cast<double>(timeval_us(r.usage.ru_utime))),
                        duration_text(static_cast<double>(timeval_us(r.usage.ru_stime))),
                        size_text(r.usage.ru_maxrss), wait_status_text(r.wait_status)});
    }
    // The first two columns are text (left-aligned), the figures right-aligned.
    std::vector<std::size_t> widths(rows[0].size(), 0);
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
    }
    std::string out;
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            std::string pad(widths[c] - row[c].size(), ' ');
            if (c > 0) line += "  ";
            line += c < 2 ? row[c] + pad : pad + row[c];
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + '\n';
    }
    return out;
}

}  // namespace vsh
