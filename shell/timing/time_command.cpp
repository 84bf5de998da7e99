// `time [-p] pipeline` (the reserved word): real/user/sys for the whole pipeline.
#include <sys/resource.h>

#include <cstdio>

#include "shell/core/shell.hpp"
#include "shell/exec/spawn.hpp"
#include "shell/timing/timing.hpp"

namespace vsh {

int run_time_command(Shell& sh, Executor& executor, const ast::Timed& node, ExecContext ctx) {
    struct rusage self_before, children_before, self_after, children_after;
    getrusage(RUSAGE_SELF, &self_before);
    getrusage(RUSAGE_CHILDREN, &children_before);
    std::int64_t start = monotonic_ns();
    int status = node.pipeline ? executor.run(*node.pipeline, ctx) : 0;
    std::int64_t wall = monotonic_ns() - start;
    getrusage(RUSAGE_SELF, &self_after);
    getrusage(RUSAGE_CHILDREN, &children_after);
    auto micros = [](const struct timeval& tv) {
        return static_cast<std::int64_t>(tv.tv_sec) * 1000000 + tv.tv_usec;
    };
    std::int64_t user = micros(self_after.ru_utime) - micros(self_before.ru_utime) +
                        micros(children_after.ru_utime) - micros(children_before.ru_utime);
    std::int64_t sys = micros(self_after.ru_stime) - micros(self_before.ru_stime) +
                       micros(children_after.ru_stime) - micros(children_before.ru_stime);
    char buf[256];
    auto secs = [](std::int64_t us) { return static_cast<double>(us) / 1e6; };
    if (node.posix_format) {
        std::snprintf(buf, sizeof buf, "real %.2f\nuser %.2f\nsys %.2f\n",
                      static_cast<double>(wall) / 1e9, secs(user), secs(sys));
    } else {
        auto fmt = [](char* out, std::size_t size, const char* label, double s) {
            long minutes = static_cast<long>(s / 60);
            std::snprintf(out, size, "%s\t%ldm%.3fs\n", label, minutes, s - 60.0 * minutes);
        };
        char r[64], u[64], y[64];
        fmt(r, sizeof r, "real", static_cast<double>(wall) / 1e9);
        fmt(u, sizeof u, "user", secs(user));
        fmt(y, sizeof y, "sys", secs(sys));
        std::snprintf(buf, sizeof buf, "\n%s%s%s", r, u, y);
    }
    sh.out.flush();
    sh.err.write(buf);
    sh.err.flush();
    return status;
}

}  // namespace vsh
