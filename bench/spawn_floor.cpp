// Spawn floor: microseconds per spawn+wait of a tiny static program through each vsh backend
// (the same Backend::spawn the shell calls), the `auto` policy and Boost.Process v2, while the
// parent holds 0, 64 MiB, 256 MiB, 1 GiB, 4 GiB of touched heap, or 10,000 separate mappings.
// fork copies the page tables of the whole parent, so its cost grows with the parent; vfork,
// clone(CLONE_VM) and posix_spawn share the parent's memory and should stay flat.
//
// Build (bench/run-all does this): g++ -O2 -std=c++20 -I<repo> spawn_floor.cpp
//   <build>/libvshcore.a -ldl -lpthread
// Run: spawn_floor TINY_PROGRAM [--max-spawns N] [--seconds S] [--sizes-mib 0,64,...]
// Output: CSV on stdout (config,parent_mib,method,spawns,mean_us,median_us,p95_us); progress
// on stderr.
#define BOOST_PROCESS_USE_STD_FS 1
#define BOOST_PROCESS_V2_SEPARATE_COMPILATION 1
// Boost 1.81's Process v2 uses these unqualified without including them itself (see
// tests/spec_runner/boost_process_prelude.hpp).
#include <boost/optional.hpp>
#include <boost/type_traits.hpp>
// Compiled into this one translation unit: the benchmark is a single file.
#include <boost/process/v2.hpp>
#include <boost/process/v2/src.hpp>

#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "backends/backend.hpp"
#include "backends/spawn_plan.hpp"

namespace {

namespace bp = boost::process::v2;
using vsh::backends::Backend;
using vsh::backends::SpawnPlan;

double now_us() {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

// Memory the parent holds while spawning: touched, so every page has a page-table entry
// that fork must copy.
class ParentMemory {
  public:
    ~ParentMemory() { release(); }

    void grow_heap(std::size_t mib) {
        release();
        if (mib == 0) return;
        size_ = mib << 20;
        heap_ = static_cast<char*>(std::malloc(size_));
        if (heap_ == nullptr) {
            std::fprintf(stderr, "spawn_floor: cannot allocate %zu MiB\n", mib);
            std::exit(1);
        }
        for (std::size_t off = 0; off < size_; off += 4096) heap_[off] = 1;
    }

    // `count` one-page read-write mappings, each fenced by a PROT_NONE page so the kernel
    // cannot merge them into one.
    void make_mappings(std::size_t count) {
        release();
        const std::size_t page = 4096;
        map_size_ = 2 * count * page;
        void* base = mmap(nullptr, map_size_, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (base == MAP_FAILED) {
            std::perror("spawn_floor: mmap");
            std::exit(1);
        }
        map_ = static_cast<char*>(base);
        for (std::size_t k = 0; k < count; ++k) {
            char* p = map_ + 2 * k * page;
            if (mprotect(p, page, PROT_READ | PROT_WRITE) != 0) {
                std::perror("spawn_floor: mprotect");
                std::exit(1);
            }
            *p = 1;
        }
    }

    void release() {
        std::free(heap_);
        heap_ = nullptr;
        if (map_ != nullptr) munmap(map_, map_size_);
        map_ = nullptr;
    }

  private:
    char* heap_ = nullptr;
    std::size_t size_ = 0;
    char* map_ = nullptr;
    std::size_t map_size_ = 0;
};

struct Method {
    std::string name;
    std::function<bool()> spawn_and_wait;  // false: the spawn failed.
};

struct Stats {
    std::size_t spawns = 0;
    double mean_us = 0, median_us = 0, p95_us = 0;
};

// Spawns until `max_spawns` or `seconds` have passed (at least 5 spawns), after 3 warm-ups.
Stats measure(const Method& method, std::size_t max_spawns, double seconds) {
    for (int k = 0; k < 3; ++k) method.spawn_and_wait();
    std::vector<double> samples;
    double deadline = now_us() + seconds * 1e6;
    while (samples.size() < max_spawns && (samples.size() < 5 || now_us() < deadline)) {
        double start = now_us();
        if (!method.spawn_and_wait()) {
            std::fprintf(stderr, "spawn_floor: %s: spawn failed\n", method.name.c_str());
            std::exit(1);
        }
        samples.push_back(now_us() - start);
    }
    std::sort(samples.begin(), samples.end());
    Stats stats;
    stats.spawns = samples.size();
    double total = 0;
    for (double s : samples) total += s;
    stats.mean_us = total / static_cast<double>(samples.size());
    stats.median_us = samples[samples.size() / 2];
    stats.p95_us = samples[std::min(samples.size() - 1, samples.size() * 95 / 100)];
    return stats;
}

bool wait_for(pid_t pid) {
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return false;
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::vector<std::size_t> parse_sizes(const char* text) {
    std::vector<std::size_t> sizes;
    for (const char* p = text; *p != '\0';) {
        char* end;
        sizes.push_back(std::strtoull(p, &end, 10));
        p = *end == ',' ? end + 1 : end;
        if (*end != ',' && *end != '\0') break;
    }
    return sizes;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr,
                     "usage: spawn_floor TINY_PROGRAM [--max-spawns N] [--seconds S] "
                     "[--sizes-mib 0,64,256,1024,4096] [--mappings N]\n");
        return 2;
    }
    std::string tiny = argv[1];
    std::size_t max_spawns = 2000;
    double seconds = 2.0;
    std::vector<std::size_t> sizes = {0, 64, 256, 1024, 4096};
    std::size_t mappings = 10000;
    for (int i = 2; i + 1 < argc; i += 2) {
        std::string opt = argv[i];
        if (opt == "--max-spawns")
            max_spawns = std::strtoull(argv[i + 1], nullptr, 10);
        else if (opt == "--seconds")
            seconds = std::strtod(argv[i + 1], nullptr);
        else if (opt == "--sizes-mib")
            sizes = parse_sizes(argv[i + 1]);
        else if (opt == "--mappings")
            mappings = std::strtoull(argv[i + 1], nullptr, 10);
    }

    // The plan the shell would build for `tiny` with no redirections: empty environment,
    // nothing to reset, the mask the benchmark runs with.
    SpawnPlan plan;
    plan.path = tiny;
    plan.args = {"tiny"};
    char* empty_env[] = {nullptr};
    plan.envp = empty_env;
    sigprocmask(SIG_SETMASK, nullptr, &plan.child_mask);
    plan.finalize();

    std::vector<Method> methods;
    for (Backend* backend : vsh::backends::all_backends()) {
        if (!backend->supported()) continue;
        const char* why = nullptr;
        if (!backend->can_spawn(plan, &why)) continue;
        methods.push_back({"vsh " + std::string(backend->name()), [backend, &plan] {
                               vsh::backends::SpawnResult r = backend->spawn(plan);
                               return r.error == 0 && wait_for(r.pid);
                           }});
    }
    Backend* chosen = vsh::backends::choose_auto(plan);
    methods.push_back({"vsh auto (" + std::string(chosen->name()) + ")", [&plan] {
                           vsh::backends::SpawnResult r =
                               vsh::backends::choose_auto(plan)->spawn(plan);
                           return r.error == 0 && wait_for(r.pid);
                       }});
    boost::asio::io_context io;
    methods.push_back({"boost.process v2", [&io, &tiny] {
                           boost::system::error_code ec;
                           bp::process child(io, tiny, std::vector<std::string>{}, ec);
                           if (ec) return false;
                           return child.wait(ec) == 0 && !ec;
                       }});

    struct Config {
        std::string label;
        std::size_t mib;
        bool mappings;
    };
    std::vector<Config> configs;
    for (std::size_t mib : sizes) {
        configs.push_back({mib == 0                         ? "0"
                           : mib >= 1024 && mib % 1024 == 0 ? std::to_string(mib / 1024) + " GiB"
                                                            : std::to_string(mib) + " MiB",
                           mib, false});
    }
    if (mappings > 0) configs.push_back({std::to_string(mappings) + " mappings", 0, true});

    std::printf("config,parent_mib,method,spawns,mean_us,median_us,p95_us\n");
    ParentMemory memory;
    for (const Config& config : configs) {
        if (config.mappings) {
            memory.make_mappings(mappings);
        } else {
            memory.grow_heap(config.mib);
        }
        for (const Method& method : methods) {
            std::fprintf(stderr, "  spawn floor: parent %-16s %-24s ", config.label.c_str(),
                         method.name.c_str());
            Stats s = measure(method, max_spawns, seconds);
            std::fprintf(stderr, "%9.1f us/spawn (%zu spawns)\n", s.mean_us, s.spawns);
            std::printf("%s,%zu,%s,%zu,%.1f,%.1f,%.1f\n", config.label.c_str(), config.mib,
                        method.name.c_str(), s.spawns, s.mean_us, s.median_us, s.p95_us);
            std::fflush(stdout);
        }
    }
    return 0;
}
