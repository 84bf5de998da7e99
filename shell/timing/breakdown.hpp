// The per-process table `time` prints in timing mode (set -o timing, VSH_TIMING=1).
#pragma once

#include <string>
#include <vector>

#include "shell/timing/timing.hpp"

namespace vsh {

// How a record's process was created: "vfork", "fork (fallback: REASON)", "fork (shell code)".
[[nodiscard]] std::string creation_text(const ProcessRecord& record);

// A header and one aligned line per record, in the order given: command, how it was created,
// spawn latency, wall, user, sys, max RSS, exit status or signal. Empty when there are none.
// When a fallback reason would make a line longer than 80 columns, the reasons go below the
// table as numbered notes ("[1] fallback: REASON"), referenced in the "created by" column
// ("fork [1]"), so each process stays on one line.
[[nodiscard]] std::string process_breakdown_text(const std::vector<ProcessRecord>& records);

}  // namespace vsh
