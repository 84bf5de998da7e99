#include "tests/spec_runner/line_diff.hpp"

#include <sstream>
#include <vector>

namespace vsh::spec {
namespace {

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::string line;
    std::istringstream in(text);
    while (std::getline(in, line)) lines.push_back(line);
    // A missing final newline is a difference worth seeing.
    if (!text.empty() && text.back() != '\n') lines.back() += "\\ (no newline at end)";
    return lines;
}

}  // namespace

std::string unified_diff(const std::string& expected, const std::string& actual) {
    const auto left = split_lines(expected);
    const auto right = split_lines(actual);
    const std::size_t n = left.size(), m = right.size();
    // Longest common subsequence table, filled from the end so the walk below goes forward.
    std::vector<std::vector<int>> common(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            common[i][j] = left[i] == right[j] ? common[i + 1][j + 1] + 1
                                               : std::max(common[i + 1][j], common[i][j + 1]);
    std::ostringstream out;
    out << "--- expected\n+++ actual\n@@ -1," << n << " +1," << m << " @@\n";
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && left[i] == right[j]) {
            out << ' ' << left[i++] << '\n';
            ++j;
        } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
            out << '-' << left[i++] << '\n';
        } else {
            out << '+' << right[j++] << '\n';
        }
    }
    return out.str();
}

}  // namespace vsh::spec
