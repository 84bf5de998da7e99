// A unified diff of two small texts, line by line (spec outputs are a few lines long).
#pragma once

#include <string>

namespace vsh::spec {

// Returns "--- expected\n+++ actual\n@@ ... @@\n" followed by every line of the texts marked
// ' ', '-' or '+'; the whole text is one hunk, since a case's output is short.
[[nodiscard]] std::string unified_diff(const std::string& expected, const std::string& actual);

}  // namespace vsh::spec
