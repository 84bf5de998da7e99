#include "shell/timing/duration_text.hpp"

#include <cstdio>

namespace vsh {

std::string duration_text(double microseconds) {
    char buf[48];
    if (microseconds < 1000) {
        std::snprintf(buf, sizeof buf, "%.0f us", microseconds);
    } else if (microseconds < 1e6) {
        std::snprintf(buf, sizeof buf, "%.2f ms", microseconds / 1e3);
    } else {
        std::snprintf(buf, sizeof buf, "%.2f s", microseconds / 1e6);
    }
    return buf;
}

std::string size_text(long kibibytes) {
    char buf[48];
    if (kibibytes < 1024) {
        std::snprintf(buf, sizeof buf, "%ld KiB", kibibytes);
    } else if (kibibytes < 1024L * 1024) {
        std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(kibibytes) / 1024);
    } else {
        std::snprintf(buf, sizeof buf, "%.1f GiB",
                      static_cast<double>(kibibytes) / (1024.0 * 1024));
    }
    return buf;
}

}  // namespace vsh
