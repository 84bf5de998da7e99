// Durations and sizes as the timing report and the `time` breakdown print them.
#pragma once

#include <string>

namespace vsh {

// "85 us", "1.23 ms", "12.35 s": microseconds below 1 ms, milliseconds below 1 s, seconds
// from there on.
[[nodiscard]] std::string duration_text(double microseconds);

// "812 KiB", "13.4 MiB", "1.2 GiB".
[[nodiscard]] std::string size_text(long kibibytes);

}  // namespace vsh
