// Percentiles for the timing report.
#pragma once

#include <span>

namespace vsh {

// The p-th percentile (0..100) of `sorted` (ascending), interpolating linearly between the two
// closest ranks (Hyndman & Fan type 7, what numpy and most spreadsheets do): p=50 of {1,2,3,4}
// is 2.5, p=0 is the minimum, p=100 the maximum. 0 for an empty input; p is clamped to 0..100.
[[nodiscard]] double percentile_of_sorted(std::span<const double> sorted, double p);

}  // namespace vsh
