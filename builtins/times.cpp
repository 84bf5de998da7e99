// times (XCU times): user and system CPU time of the shell, then of its waited-for children,
// in the "%dm%fs %dm%fs\n" format POSIX gives (six decimals, as dash prints).
#include <sys/resource.h>

#include <cstdio>

#include "builtins/declarations.hpp"
#include "shell/core/shell.hpp"

namespace vsh {
namespace {

void append_time(std::string& out, const timeval& tv) {
    long minutes = static_cast<long>(tv.tv_sec / 60);
    double seconds = static_cast<double>(tv.tv_sec % 60) + static_cast<double>(tv.tv_usec) / 1e6;
    char text[64];
    std::snprintf(text, sizeof text, "%ldm%fs", minutes, seconds);
    out += text;
}

}  // namespace

int builtin_times(Shell& sh, Args) {
    std::string out;
    for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
        rusage usage{};
        getrusage(who, &usage);
        append_time(out, usage.ru_utime);
        out += ' ';
        append_time(out, usage.ru_stime);
        out += '\n';
    }
    sh.out.write(out);
    return 0;
}

}  // namespace vsh
