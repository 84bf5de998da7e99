// Where a finished timing record goes: the log VSH_TIMING_LOG names (one JSON line per
// process, DESIGN.md "Timing mode") and the collector `time` installs. The records
// themselves are shell/timing/'s; this is the part that reads the shell's state.
#pragma once

#include <string_view>

#include "shell/base/internal_fd.hpp"
#include "shell/timing/timing.hpp"

namespace vsh {

class Shell;

// Whether records are wanted at all: VSH_TIMING_LOG is set, or a collector is installed.
bool timing_wanted(const Shell& sh);

// Whether VSH_TIMING_LOG names a log (background jobs are logged, never collected by `time`).
bool timing_log_wanted(const Shell& sh);

// Hands a finished record to the log (if VSH_TIMING_LOG is set) and to the installed
// collector (if any).
void timing_record(Shell& sh, ProcessRecord&& record);

// Appends `record` to the log named by VSH_TIMING_LOG; does nothing when the variable is unset
// or empty. The file is opened on first use (O_APPEND|O_CREAT, mode 0600, close-on-exec) and
// the descriptor cached in sh.timing_log_fd; a new value of the variable opens the new file.
// Each record is one write(2), so concurrent shells appending to one file (make -j) never
// interleave inside a line. A log that cannot be opened or written gets one warning on stderr
// and is then left alone; it never changes a command's status.
void append_to_timing_log(Shell& sh, const ProcessRecord& record);

// The path the cached descriptor belongs to (empty when none is open). For tests.
[[nodiscard]] std::string_view timing_log_open_path();

}  // namespace vsh
