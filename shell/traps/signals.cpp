#include "shell/traps/signals.hpp"

#include <signal.h>

#include <array>
#include <cctype>
#include <charconv>
#include <string>

namespace vsh {
namespace {

struct FixedName {
    int number;
    const char* name;
};

// The classic signals. Real-time signals are named RTMIN+n / RTMAX-n relative to glibc's
// run-time SIGRTMIN/SIGRTMAX (glibc reserves the first two for its threads).
constexpr FixedName kFixedNames[] = {
    {SIGHUP, "HUP"},       {SIGINT, "INT"},       {SIGQUIT, "QUIT"}, {SIGILL, "ILL"},
    {SIGTRAP, "TRAP"},     {SIGABRT, "ABRT"},     {SIGBUS, "BUS"},   {SIGFPE, "FPE"},
    {SIGKILL, "KILL"},     {SIGUSR1, "USR1"},     {SIGSEGV, "SEGV"}, {SIGUSR2, "USR2"},
    {SIGPIPE, "PIPE"},     {SIGALRM, "ALRM"},     {SIGTERM, "TERM"},
#ifdef SIGSTKFLT
    {SIGSTKFLT, "STKFLT"},
#endif
    {SIGCHLD, "CHLD"},     {SIGCONT, "CONT"},     {SIGSTOP, "STOP"}, {SIGTSTP, "TSTP"},
    {SIGTTIN, "TTIN"},     {SIGTTOU, "TTOU"},     {SIGURG, "URG"},   {SIGXCPU, "XCPU"},
    {SIGXFSZ, "XFSZ"},     {SIGVTALRM, "VTALRM"}, {SIGPROF, "PROF"}, {SIGWINCH, "WINCH"},
    {SIGIO, "IO"},
#ifdef SIGPWR
    {SIGPWR, "PWR"},
#endif
    {SIGSYS, "SYS"},
};

// Index = signal number; an empty string means "no name".
using NameTable = std::array<std::string, NSIG>;

const NameTable& names() {
    static const NameTable table = [] {
        NameTable t;
        t[0] = "EXIT";
        for (const FixedName& f : kFixedNames) t[f.number] = f.name;
        const int lo = SIGRTMIN, hi = SIGRTMAX;
        const int mid = lo + (hi - lo) / 2;  // Same split as dash and bash: 15 up, 15 down.
        for (int s = lo; s <= hi && s < NSIG; ++s) {
            if (s == lo)
                t[s] = "RTMIN";
            else if (s == hi)
                t[s] = "RTMAX";
            else if (s <= mid)
                t[s] = "RTMIN+" + std::to_string(s - lo);
            else
                t[s] = "RTMAX-" + std::to_string(hi - s);
        }
        return t;
    }();
    return table;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::toupper(static_cast<unsigned char>(a[i])) !=
            std::toupper(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}

}  // namespace

int signal_number(std::string_view spec) {
    if (spec.empty()) return -1;
    if (std::isdigit(static_cast<unsigned char>(spec[0]))) {
        int n = 0;
        auto [end, ec] = std::from_chars(spec.data(), spec.data() + spec.size(), n);
        if (ec != std::errc{} || end != spec.data() + spec.size() || n >= NSIG) return -1;
        return n;
    }
    // "SIGINT" and "INT" are both accepted (bash, ksh); so is lower case (dash, bash).
    if (spec.size() > 3 && equal_ignoring_case(spec.substr(0, 3), "SIG")) spec.remove_prefix(3);
    const NameTable& t = names();
    for (int s = 0; s < NSIG; ++s) {
        if (!t[s].empty() && equal_ignoring_case(t[s], spec)) return s;
    }
    return -1;
}

std::string_view signal_name(int number) {
    if (number < 0 || number >= NSIG) return {};
    return names()[number];
}

std::vector<SignalEntry> all_signals() {
    std::vector<SignalEntry> list;
    const NameTable& t = names();
    for (int s = 1; s < NSIG; ++s) {
        if (!t[s].empty()) list.push_back({s, t[s]});
    }
    return list;
}

}  // namespace vsh
