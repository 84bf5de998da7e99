// Each backend creates processes with the system call it is named for, seen from outside with
// strace: the test re-runs this test binary under strace, where a hidden case spawns /bin/true
// through the backend named in VSH_TEST_BACKEND.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "test_backend_helpers.hpp"

using namespace vsh::test_backend;

extern char** environ;

namespace {

constexpr const char* kStrace = "/usr/bin/strace";
constexpr const char* kHiddenCase = "[.backend_strace_child]";

// The process-creation calls strace recorded, one line each (a call split by -f into
// "unfinished" and "resumed" halves counts once).
std::vector<std::string> creation_calls(const std::string& trace_file) {
    std::vector<std::string> calls;
    std::ifstream trace(trace_file);
    std::string line;
    while (std::getline(trace, line)) {
        // Threads (a sanitizer's, say) are not processes.
        if (line.find("resumed>") != std::string::npos ||
            line.find("CLONE_THREAD") != std::string::npos)
            continue;
        for (const char* call : {"fork(", "vfork(", "clone(", "clone3("}) {
            std::size_t at = line.find(call);
            // A whole name: "vfork(" also contains "fork(".
            if (at != std::string::npos && (at == 0 || line[at - 1] == ' ')) {
                calls.push_back(line);
                break;
            }
        }
    }
    return calls;
}

bool contains(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}

// Runs `program args` under strace (through the fork backend) and returns the process-creation
// calls it made; `skipped` is set (with a WARN) when strace cannot trace here.
std::vector<std::string> traced_creations(std::vector<std::string> program_and_args,
                                          std::vector<std::string> extra_env, bool* skipped) {
    *skipped = false;
    ScratchDir scratch;
    const std::string trace_file = scratch.path + "/trace";
    std::vector<std::string> env;
    for (char** entry = environ; *entry != nullptr; ++entry) env.emplace_back(*entry);
    for (std::string& entry : extra_env) env.push_back(std::move(entry));
    // LeakSanitizer cannot run under ptrace (ASan builds).
    env.push_back("ASAN_OPTIONS=detect_leaks=0");
    std::vector<std::string> args = {
        "strace", "-f", "-qq", "-e", "trace=fork,vfork,clone,clone3", "-o", trace_file};
    for (std::string& arg : program_and_args) args.push_back(std::move(arg));
    TestCommand command(kStrace, std::move(args), std::move(env));
    command.plan.fd_actions = {open_action(1, "/dev/null", O_WRONLY)};
    command.finalize();
    SpawnResult result = vsh::backends::fork_backend().spawn(command.plan);
    REQUIRE(result.error == 0);
    int status = wait_status(result.pid);
    std::vector<std::string> calls = creation_calls(trace_file);
    if (status != 0 && calls.empty()) {
        WARN("strace could not trace here (no ptrace?); system calls not checked");
        *skipped = true;
    } else {
        CHECK(status == 0);
    }
    return calls;
}

// The one call a spawn through `backend` makes.
void check_call_matches(const std::string& backend, const std::string& call) {
    INFO("traced: " << call);
    if (backend == "fork") {
        CHECK((contains(call, "clone(") || contains(call, "fork(")));
        CHECK_FALSE(contains(call, "CLONE_VM"));
        CHECK_FALSE(contains(call, "vfork("));
    } else if (backend == "vfork") {
        CHECK(contains(call, "vfork("));
    } else {
        // clone: the clone wrapper; posix_spawn: glibc's clone3 (clone on older kernels).
        CHECK(contains(call, backend == "clone" ? "clone(" : "clone"));
        CHECK(contains(call, "CLONE_VM|CLONE_VFORK"));
    }
}

}  // namespace

TEST_CASE("backend strace child", kHiddenCase) {
    const char* name = std::getenv("VSH_TEST_BACKEND");
    if (name == nullptr) return;
    TestCommand command("/bin/true", {"true"});
    command.finalize();
    SpawnResult result = resolve(name, command.plan).spawn(command.plan);
    REQUIRE(result.error == 0);
    CHECK(wait_status(result.pid) == 0);
}

TEST_CASE("each backend uses its own system call", "[backend][strace]") {
    if (access(kStrace, X_OK) != 0) {
        WARN("strace is not installed; system calls not checked");
        return;
    }
    const std::string backend =
        GENERATE(as<std::string>{}, "fork", "vfork", "clone", "posix_spawn");
    INFO("backend: " << backend);
    char self[4096];
    ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
    REQUIRE(length > 0);
    self[length] = '\0';
    bool skipped = false;
    std::vector<std::string> calls =
        traced_creations({self, kHiddenCase}, {"VSH_TEST_BACKEND=" + backend}, &skipped);
    if (skipped) return;
    REQUIRE(calls.size() == 1);
    check_call_matches(backend, calls[0]);
}

TEST_CASE("vsh --backend=NAME spawns a command with that backend's call", "[backend][strace]") {
    if (access(kStrace, X_OK) != 0 || access(VSH_BINARY, X_OK) != 0) {
        WARN("strace or the vsh binary is missing; not checked");
        return;
    }
    const std::string backend =
        GENERATE(as<std::string>{}, "fork", "vfork", "clone", "posix_spawn");
    INFO("backend: " << backend);
    // `/bin/true` is not the last command, so it is spawned, not exec'd in place.
    bool skipped = false;
    std::vector<std::string> calls =
        traced_creations({VSH_BINARY, "--backend=" + backend, "-c", "/bin/true; :"}, {}, &skipped);
    if (skipped) return;
    REQUIRE(calls.size() == 1);
    check_call_matches(backend, calls[0]);
}
