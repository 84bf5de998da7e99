// VSH_TIMING_LOG=FILE: one JSON line per process (DESIGN.md "Timing mode").
#pragma once

#include <string_view>

#include "shell/timing/timing.hpp"

namespace vsh {

// Descriptors the shell keeps for itself sit at or above this number, clear of the 0-9 a
// script may redirect (XCU 2.7 only promises those to scripts).
inline constexpr int kFirstInternalFd = 10;

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
