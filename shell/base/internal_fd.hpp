// Where the shell's own descriptors live.
#pragma once

namespace vsh {

// Descriptors the shell keeps for itself (the timing log, the terminal, saved descriptors)
// sit at or above this number, clear of the 0-9 a script may redirect (XCU 2.7 only promises
// those to scripts).
inline constexpr int kFirstInternalFd = 10;

}  // namespace vsh
