// Signal names and numbers, for `kill`, `trap` and status reports. Names are given without
// the SIG prefix ("INT"), as POSIX `kill -l` and `trap` print them; index 0 is EXIT.
#pragma once

#include <string_view>
#include <vector>

namespace vsh {

// The number of a signal given as a name ("INT", "SIGINT", "int", "RTMIN+3", "EXIT") or as a
// decimal number ("2", "0"). Returns -1 when `spec` names no signal. Numbers are accepted
// only in the range of real signals (0 to NSIG-1).
[[nodiscard]] int signal_number(std::string_view spec);

// The name of signal `number` without the SIG prefix ("INT", "RTMIN+2", "EXIT" for 0), or an
// empty view for a number with no name (glibc's reserved 32 and 33, or out of range). The
// view points into a table that lives as long as the program.
[[nodiscard]] std::string_view signal_name(int number);

// Every signal with a name, in numeric order, excluding EXIT (0): what `kill -l` and
// `trap -l` list.
struct SignalEntry {
    int number;
    std::string_view name;
};
[[nodiscard]] std::vector<SignalEntry> all_signals();

}  // namespace vsh
