// `time [-p] pipeline` (the reserved word): real/user/sys for the whole pipeline, and in
// timing mode a line per process it created.
#include <sys/resource.h>

#include <cstdio>
#include <optional>

#include "shell/core/shell.hpp"
#include "shell/exec/executor.hpp"
#include "shell/timing/breakdown.hpp"
#include "shell/timing/record_format.hpp"
#include "shell/timing/timing.hpp"

namespace vsh {

namespace {

// Installs a collector for the duration of one `time`, and on the way out (normal or a
// FatalError unwinding) puts the previous one back, handing it this one's records so that an
// enclosing `time` still sees every process.
class CollectorScope {
  public:
    explicit CollectorScope(Shell& sh) : sh_(sh), previous_(sh.timing_collector) {
        sh.timing_collector = &collector_;
    }
    ~CollectorScope() {
        sh_.timing_collector = previous_;
        if (previous_ != nullptr) {
            for (ProcessRecord& r : collector_.records) previous_->records.push_back(std::move(r));
        }
    }
    CollectorScope(const CollectorScope&) = delete;
    CollectorScope& operator=(const CollectorScope&) = delete;

    const std::vector<ProcessRecord>& records() const { return collector_.records; }

  private:
    Shell& sh_;
    TimingCollector* previous_;
    TimingCollector collector_;
};

struct Usage {
    std::int64_t user_us = 0;
    std::int64_t sys_us = 0;
};

// The shell's own CPU time plus that of the children it has waited for.
Usage usage_now() {
    struct rusage self, children;
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &children);
    return {timeval_us(self.ru_utime) + timeval_us(children.ru_utime),
            timeval_us(self.ru_stime) + timeval_us(children.ru_stime)};
}

// "0m1.234s", as bash and ksh print each line of the default format.
void append_minutes_seconds(std::string& out, const char* label, double seconds) {
    long minutes = static_cast<long>(seconds / 60);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s\t%ldm%.3fs\n", label, minutes, seconds - 60.0 * minutes);
    out += buf;
}

std::string totals_text(bool posix_format, double real, double user, double sys) {
    std::string out;
    if (posix_format) {
        // XCU time -p: "real %f\nuser %f\nsys %f\n"; two decimals as bash and ksh print.
        char buf[128];
        std::snprintf(buf, sizeof buf, "real %.2f\nuser %.2f\nsys %.2f\n", real, user, sys);
        out = buf;
    } else {
        out = "\n";
        append_minutes_seconds(out, "real", real);
        append_minutes_seconds(out, "user", user);
        append_minutes_seconds(out, "sys", sys);
    }
    return out;
}

}  // namespace

int run_time_command(Shell& sh, Executor& executor, const ast::Timed& node, ExecContext ctx) {
    // The report comes after the pipeline, so its last command must not replace the shell.
    ctx.last = LastCommand::No;
    std::string breakdown;
    Usage before = usage_now();
    std::int64_t start = monotonic_ns();
    int status = 0;
    {
        std::optional<CollectorScope> scope;
        if (sh.options.timing) scope.emplace(sh);
        if (node.pipeline) status = executor.run(*node.pipeline, ctx);
        if (scope) breakdown = process_breakdown_text(scope->records());
    }
    std::int64_t wall_ns = monotonic_ns() - start;
    Usage after = usage_now();
    std::string text = totals_text(node.posix_format, static_cast<double>(wall_ns) / 1e9,
                                   static_cast<double>(after.user_us - before.user_us) / 1e6,
                                   static_cast<double>(after.sys_us - before.sys_us) / 1e6);
    text += breakdown;
    sh.out.flush();
    sh.err.write(text);
    sh.err.flush();
    return status;
}

}  // namespace vsh
