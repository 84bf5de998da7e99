// Quoting a word for `set -x` traces and for the command text of jobs, so that it reads back
// as the same single word.
#pragma once

#include <string>
#include <vector>

namespace vsh {

// Where a word stands in a `set -x` trace line, which decides what reads back differently.
enum class TracePosition : unsigned char { CommandName, Argument, AssignmentValue };

// Quotes `s` ('...', each ' as '\'') when it would not read back as itself in `position`.
std::string trace_quote(const std::string& s, TracePosition position);

// A command's words as `jobs` and `fg` show them: joined by spaces, each quoted as a trace
// would quote it (`sh -c 'kill $$'`, not `sh -c kill $$`).
std::string job_text(const std::vector<std::string>& argv);

}  // namespace vsh
