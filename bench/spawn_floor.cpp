// spawn_floor: microseconds per spawn+wait of a tiny static program, through each vsh backend
// and through Boost.Process v2, as the parent grows (touched heap) and fragments (many
// mappings). Not built by default; from the repository root, after building vshcore in a
// Release tree (here build-release):
//
//   g++ -std=c++20 -O2 -I. bench/spawn_floor.cpp build-release/libvshcore.a -pthread -o /tmp/spawn_floor
//
// Usage: spawn_floor [spawns per cell (default 200)] [tiny program (default: built with cc)]
// Output (stdout, CSV): parent_heap_mib,mappings,launcher,spawns,us_per_spawn
// The 4 GiB row needs that much free memory; fork's figure grows with the heap (page tables
// are copied), the others should stay flat.
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/process/v2.hpp>
#include <boost/process/v2/posix/vfork_launcher.hpp>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "backends/backend.hpp"

namespace {

namespace backends = vsh::backends;
namespace bp2 = boost::process::v2;

constexpr const char* kDefaultTiny = "/tmp/vsh-spawn-floor-tiny";

char* kEmptyEnvironment[] = {nullptr};

// Builds `int main(void){return 0;}` statically with cc, through the fork backend.
bool build_tiny(const std::string& path) {
    const std::string source = path + ".c";
    FILE* file = std::fopen(source.c_str(), "w");
    if (file == nullptr) return false;
    std::fputs("int main(void) { return 0; }\n", file);
    std::fclose(file);
    backends::SpawnPlan plan;
    plan.path = "/usr/bin/cc";
    plan.args = {"cc", "-O2", "-static", "-o", path, source};
    char path_variable[] = "PATH=/usr/bin:/bin";
    char* environment[] = {path_variable, nullptr};
    plan.envp = environment;
    plan.finalize();
    backends::SpawnResult result = backends::fork_backend().spawn(plan);
    if (result.error != 0) return false;
    int status = 0;
    waitpid(result.pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

double microseconds_since(std::chrono::steady_clock::time_point start, int spawns) {
    auto elapsed = std::chrono::steady_clock::now() - start;
    return std::chrono::duration<double, std::micro>(elapsed).count() / spawns;
}

double time_backend(backends::Backend& backend, const std::string& tiny, int spawns) {
    backends::SpawnPlan plan;
    plan.path = tiny;
    plan.args = {"tiny"};
    plan.envp = kEmptyEnvironment;
    plan.finalize();
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < spawns; ++i) {
        backends::SpawnResult result = backend.spawn(plan);
        if (result.error != 0) {
            std::fprintf(stderr, "%s: %s\n", std::string(backend.name()).c_str(),
                         std::strerror(result.error));
            std::exit(1);
        }
        int status = 0;
        waitpid(result.pid, &status, 0);
    }
    return microseconds_since(start, spawns);
}

template <typename Launcher>
double time_boost(Launcher launcher, const std::string& tiny, int spawns) {
    boost::asio::io_context context;
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < spawns; ++i) {
        bp2::process child = launcher(context, tiny, std::vector<std::string>{});
        child.wait();
    }
    return microseconds_since(start, spawns);
}

// Touched memory: every page written, so fork has page tables to copy.
std::vector<char*> grow_heap(std::size_t mib) {
    std::vector<char*> blocks;
    for (std::size_t i = 0; i < mib / 64; ++i) {
        auto* block = static_cast<char*>(std::malloc(64u << 20));
        if (block == nullptr) break;
        std::memset(block, 1, 64u << 20);
        blocks.push_back(block);
    }
    return blocks;
}

// `count` separate mappings: alternate protections keep the kernel from merging neighbours.
void add_mappings(int count) {
    const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    for (int i = 0; i < count; ++i) {
        int protection = i % 2 == 0 ? PROT_READ | PROT_WRITE : PROT_READ;
        void* mapping = mmap(nullptr, page, protection, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (mapping == MAP_FAILED) break;
        if (i % 2 == 0) static_cast<char*>(mapping)[0] = 1;
    }
}

void run_row(std::size_t heap_mib, int mappings, const std::string& tiny, int spawns) {
    auto row = [&](const char* launcher, double us) {
        std::printf("%zu,%d,%s,%d,%.1f\n", heap_mib, mappings, launcher, spawns, us);
        std::fflush(stdout);
    };
    for (backends::Backend* backend : backends::all_backends())
        row(std::string(backend->name()).c_str(), time_backend(*backend, tiny, spawns));
    row("boost_v2_default",
        time_boost(
            [](auto& context, const std::string& exe, std::vector<std::string> args) {
                return bp2::process(context, exe, args);
            },
            tiny, spawns));
    // Boost 1.81's vfork_launcher throws EINVAL on Linux (its pidfd is not set up), so its
    // row reports NA there.
    try {
        row("boost_v2_vfork",
            time_boost(
                [](auto& context, const std::string& exe, std::vector<std::string> args) {
                    return bp2::posix::vfork_launcher{}(context, exe, args);
                },
                tiny, spawns));
    } catch (const std::exception& error) {
        std::printf("%zu,%d,boost_v2_vfork,%d,NA\n", heap_mib, mappings, spawns);
        std::fprintf(stderr, "boost_v2_vfork: %s\n", error.what());
    }
}

}  // namespace

int main(int argc, char** argv) {
    const int spawns = argc > 1 ? std::atoi(argv[1]) : 200;
    const std::string tiny = argc > 2 ? argv[2] : kDefaultTiny;
    if (access(tiny.c_str(), X_OK) != 0 && !build_tiny(tiny)) {
        std::fprintf(stderr, "cannot build %s (needs cc and a static libc)\n", tiny.c_str());
        return 1;
    }
    std::printf("parent_heap_mib,mappings,launcher,spawns,us_per_spawn\n");
    std::size_t grown = 0;
    std::vector<char*> heap;
    for (std::size_t target : {0u, 64u, 256u, 1024u, 4096u}) {
        auto more = grow_heap(target - grown);
        heap.insert(heap.end(), more.begin(), more.end());
        grown = target;
        run_row(grown, 0, tiny, spawns);
    }
    for (char* block : heap) std::free(block);
    add_mappings(10000);
    run_row(0, 10000, tiny, spawns);
    return 0;
}
