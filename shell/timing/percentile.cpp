#include "shell/timing/percentile.hpp"

#include <cmath>

namespace vsh {

double percentile_of_sorted(std::span<const double> sorted, double p) {
    if (sorted.empty()) return 0;
    if (p < 0) p = 0;
    if (p > 100) p = 100;
    double rank = p / 100.0 * static_cast<double>(sorted.size() - 1);
    auto below = static_cast<std::size_t>(std::floor(rank));
    if (below + 1 >= sorted.size()) return sorted.back();
    double weight = rank - static_cast<double>(below);
    return sorted[below] + weight * (sorted[below + 1] - sorted[below]);
}

}  // namespace vsh
