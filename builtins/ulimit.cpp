// ulimit (XCU ulimit, with dash's extra resources): reports or sets one resource limit, the
// file size (-f, in 512-byte blocks) by default. Without -H or -S a new value sets both the
// soft and the hard limit, as POSIX asks; a report shows the soft limit unless -H is given.
#include <sys/resource.h>

#include <cerrno>
#include <cstring>
#include <limits>
#include <string>

#include "builtins/declarations.hpp"
#include "builtins/number_util.hpp"
#include "builtins/option_util.hpp"
#include "shell/base/stack_guard.hpp"
#include "shell/core/shell.hpp"

namespace vsh {
namespace {

struct Resource {
    char option;
    int resource;
    rlim_t unit;  // Bytes (or seconds, or items) per unit shown to the user.
    const char* label;
};

// dash's table and labels, in `ulimit -a` order.
constexpr Resource kResources[] = {
    {'t', RLIMIT_CPU, 1, "time(seconds)"},
    {'f', RLIMIT_FSIZE, 512, "file(blocks)"},
    {'d', RLIMIT_DATA, 1024, "data(kbytes)"},
    {'s', RLIMIT_STACK, 1024, "stack(kbytes)"},
    {'c', RLIMIT_CORE, 512, "coredump(blocks)"},
    {'m', RLIMIT_RSS, 1024, "memory(kbytes)"},
    {'l', RLIMIT_MEMLOCK, 1024, "locked memory(kbytes)"},
    {'p', RLIMIT_NPROC, 1, "process"},
    {'n', RLIMIT_NOFILE, 1, "nofiles"},
    {'v', RLIMIT_AS, 1024, "vmemory(kbytes)"},
    {'w', RLIMIT_LOCKS, 1, "locks"},
    {'r', RLIMIT_RTPRIO, 1, "rtprio"},
};

const Resource* find_resource(char option) {
    if (option == 'u') option = 'p';  // bash and ksh call the process limit -u.
    for (const Resource& r : kResources)
        if (r.option == option) return &r;
    return nullptr;
}

enum class Which : unsigned char { Soft, Hard, Both };

std::string show(rlim_t value, rlim_t unit) {
    if (value == RLIM_INFINITY) return "unlimited";
    return std::to_string(value / unit);
}

}  // namespace

int builtin_ulimit(Shell& sh, Args argv) {
    Which which = Which::Both;
    bool hard = false, soft = false;
    bool all = false;
    const Resource* resource = find_resource('f');
    OptionScanner options(sh, argv, "HSatfdscmlpnvwru");
    while (char letter = options.next()) {
        if (letter == '?') return 2;
        if (letter == 'H')
            hard = true;
        else if (letter == 'S')
            soft = true;
        else if (letter == 'a')
            all = true;
        else
            resource = find_resource(letter);  // The last resource named wins (dash).
    }
    // -H and -S together set both limits (and report the soft one), as bash, ksh93 and
    // busybox sh do: each asks for its limit to be set.
    if (hard != soft) which = hard ? Which::Hard : Which::Soft;
    std::size_t operand = options.operand_index();
    // -a only reports: a limit to set would be silently dropped, so it is refused (dash).
    if (argv.size() - operand > (all ? 0 : 1)) {
        sh.error("ulimit", "too many arguments");
        return 2;
    }

    if (all) {
        std::string out;
        for (const Resource& r : kResources) {
            rlimit limit{};
            getrlimit(r.resource, &limit);
            std::string label = r.label;
            if (label.size() < 20) label.resize(20, ' ');
            out += label + " " +
                   show(which == Which::Hard ? limit.rlim_max : limit.rlim_cur, r.unit) + "\n";
        }
        sh.out.write(out);
        return 0;
    }

    rlimit limit{};
    if (getrlimit(resource->resource, &limit) != 0) {
        sh.error("ulimit", std::string("error getting limit (") + std::strerror(errno) + ")");
        return 1;
    }
    if (operand == argv.size()) {
        sh.out.write(show(which == Which::Hard ? limit.rlim_max : limit.rlim_cur, resource->unit));
        sh.out.put('\n');
        return 0;
    }

    const std::string& text = argv[operand];
    rlim_t value = RLIM_INFINITY;
    if (text != "unlimited") {
        auto number = parse_unsigned(text);
        if (!number || *number > std::numeric_limits<rlim_t>::max() / resource->unit) {
            sh.error("ulimit", "bad number: " + text);
            return 1;
        }
        value = static_cast<rlim_t>(*number) * resource->unit;
    }
    if (which != Which::Soft) limit.rlim_max = value;
    if (which != Which::Hard) limit.rlim_cur = value;
    if (setrlimit(resource->resource, &limit) != 0) {
        sh.error("ulimit", std::string("error setting limit (") + std::strerror(errno) + ")");
        return 1;
    }
    if (resource->resource == RLIMIT_STACK) stack_limit_changed();
    return 0;
}

}  // namespace vsh
