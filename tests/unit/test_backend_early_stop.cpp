// The window between a child's creation and its exec: a stop signal that reaches a job's
// process there (Ctrl-Z typed at that moment) must not stop it before its exec, or the shell,
// waiting for that exec (suspended in vfork/clone, reading fork's error pipe), would wait for
// good. fork, vfork and clone catch such a stop and the parent passes it on to the program;
// posix_spawn cannot (glibc's child), and says so.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <climits>
#include <string>

#include "tests/unit/test_backend_helpers.hpp"

using namespace vsh::test_backend;
using vsh::backends::ProcessGroup;

namespace {

// Where /proc says the process's program is, or "".
std::string program_of(pid_t pid) {
    char target[PATH_MAX];
    const std::string link = "/proc/" + std::to_string(pid) + "/exe";
    const ssize_t length = readlink(link.c_str(), target, sizeof target - 1);
    if (length <= 0) return {};
    return std::string(target, static_cast<std::size_t>(length));
}

// In a copy of the test process: a job's process group, a second process that sends SIGTSTP
// to that group without pause, and `rounds` spawns of /bin/true into the group through
// `backend`. Returns 0 when every spawn came back and every process that stopped had exec'd;
// a spawn that never comes back is ended by a watchdog (SIGKILL, 137: the spawn blocks every
// signal, so an alarm would not do).
int spawn_under_stop_storm(const std::string& backend, int rounds) {
    return in_forked_process([&] {
        const pid_t tester = getpid();
        const pid_t watchdog = fork();
        if (watchdog == 0) {
            sleep(60);
            kill(tester, SIGKILL);
            _exit(0);
        }
        const pid_t leader = fork();
        if (leader == 0) {
            setpgid(0, 0);
            for (;;) pause();
        }
        setpgid(leader, leader);
        const pid_t storm = fork();
        if (storm == 0) {
            for (;;) kill(-leader, SIGTSTP);
        }
        int code = 0;
        for (int i = 0; i < rounds && code == 0; ++i) {
            TestCommand command("/bin/true", {"true"});
            command.plan.process_group = ProcessGroup::Join;
            command.plan.pgid = leader;
            command.finalize();
            SpawnResult result = resolve(backend, command.plan).spawn(command.plan);
            if (result.error != 0) {
                code = 30;
                break;
            }
            int status = 0;
            while (waitpid(result.pid, &status, WUNTRACED) < 0 && errno == EINTR) {
            }
            if (WIFSTOPPED(status)) {
                const std::string program = program_of(result.pid);
                if (program.size() < 5 || program.compare(program.size() - 5, 5, "/true") != 0)
                    code = 31;  // Stopped before its exec: the stop was not caught.
                kill(result.pid, SIGKILL);
                while (waitpid(result.pid, &status, 0) < 0 && errno == EINTR) {
                }
            }
        }
        for (pid_t helper : {storm, leader, watchdog}) {
            kill(helper, SIGKILL);
            waitpid(helper, nullptr, 0);
        }
        return code;
    });
}

}  // namespace

TEST_CASE("a stop before the exec reaches the program, and the spawn comes back", "[backend]") {
    for (const char* backend : {"fork", "vfork", "clone", "auto"}) {
        DYNAMIC_SECTION(backend) {
            CHECK(resolve(backend, SpawnPlan{}).catches_early_stops());
            CHECK(spawn_under_stop_storm(backend, 100) == 0);
        }
    }
}

TEST_CASE("posix_spawn says it cannot catch a stop before the exec", "[backend]") {
    CHECK_FALSE(vsh::backends::find_backend("posix_spawn")->catches_early_stops());
}
