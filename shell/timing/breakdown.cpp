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

namespace {

// The table is read in a terminal: past this width a line wraps and the columns are lost.
constexpr std::size_t kTableWidth = 80;

using Row = std::vector<std::string>;

// The first two columns are text (left-aligned), the figures right-aligned.
std::vector<std::string> aligned_lines(const std::vector<Row>& rows) {
    std::vector<std::size_t> widths(rows[0].size(), 0);
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
    }
    std::vector<std::string> lines;
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            std::string pad(widths[c] - row[c].size(), ' ');
            if (c > 0) line += "  ";
            line += c < 2 ? row[c] + pad : pad + row[c];
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        lines.push_back(std::move(line));
    }
    return lines;
}

bool fits(const std::vector<std::string>& lines) {
    return std::all_of(lines.begin(), lines.end(),
                       [](const std::string& line) { return line.size() <= kTableWidth; });
}

// Moves each fallback reason out of the "created by" column into a numbered note ("fork [1]"
// in the column, "[1] fallback: REASON" below); one note per distinct reason.
std::vector<std::string> move_reasons_to_notes(const std::vector<ProcessRecord>& records,
                                               std::vector<Row>& rows) {
    std::vector<std::string> reasons;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const ProcessRecord& record = records[i];
        if (record.shell_code || record.fallback == nullptr) continue;
        auto found = std::find(reasons.begin(), reasons.end(), record.fallback);
        if (found == reasons.end()) found = reasons.insert(reasons.end(), record.fallback);
        const std::string number = std::to_string(found - reasons.begin() + 1);
        ProcessRecord without_reason = record;
        without_reason.fallback = nullptr;
        rows[i + 1][1] = creation_text(without_reason) + " [" + number + "]";
    }
    std::vector<std::string> notes;
    for (std::size_t n = 0; n < reasons.size(); ++n)
        notes.push_back("[" + std::to_string(n + 1) + "] fallback: " + reasons[n]);
    return notes;
}

}  // namespace

std::string process_breakdown_text(const std::vector<ProcessRecord>& records) {
    if (records.empty()) return {};
    std::vector<Row> rows = {
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
    std::vector<std::string> lines = aligned_lines(rows);
    std::vector<std::string> notes;
    if (!fits(lines)) {
        notes = move_reasons_to_notes(records, rows);
        lines = aligned_lines(rows);
    }
    std::string out;
    for (const std::string& line : lines) out += line + '\n';
    for (const std::string& note : notes) out += note + '\n';
    return out;
}

}  // namespace vsh
