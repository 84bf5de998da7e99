// Timing through the built shell: VSH_TIMING_LOG records every external command under every
// backend, and `time` prints its totals (and, in timing mode, a line per process).
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "shell/timing/json_reader.hpp"

namespace {

struct Run {
    int status = -1;
    std::string err;
};

// Runs VSH_BINARY with `args` and extra environment entries; returns its status and stderr
// (stdout goes to /dev/null).
Run run_vsh(std::vector<std::string> args, const std::vector<std::string>& extra_env) {
    std::vector<std::string> env_strings;
    for (char** e = environ; *e != nullptr; ++e) {
        std::string entry = *e;
        if (entry.starts_with("VSH_")) continue;
        env_strings.push_back(entry);
    }
    for (const auto& e : extra_env) env_strings.push_back(e);
    std::vector<char*> envp, argv;
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);
    args.insert(args.begin(), VSH_BINARY);
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    int err_pipe[2];
    REQUIRE(pipe2(err_pipe, O_CLOEXEC) == 0);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int null_fd = open("/dev/null", O_RDWR);
        dup2(null_fd, 0);
        dup2(null_fd, 1);
        dup2(err_pipe[1], 2);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    close(err_pipe[1]);
    Run run;
    char buf[4096];
    ssize_t n;
    while ((n = read(err_pipe[0], buf, sizeof buf)) > 0)
        run.err.append(buf, static_cast<std::size_t>(n));
    close(err_pipe[0]);
    int ws = 0;
    waitpid(pid, &ws, 0);
    run.status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
    return run;
}

std::vector<std::string> lines_of(const std::string& path) {
    std::vector<std::string> lines;
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return lines;
    std::string text;
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) text.append(buf, static_cast<std::size_t>(n));
    close(fd);
    std::size_t start = 0;
    for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
        lines.push_back(text.substr(start, nl - start));
    if (start < text.size()) lines.push_back(text.substr(start));  // unterminated: a bug
    return lines;
}

}  // namespace

TEST_CASE("VSH_TIMING_LOG gets one valid record per external command, under every backend") {
    char templ[] = "/tmp/vsh-timing-shell-XXXXXX";
    REQUIRE(mkdtemp(templ) != nullptr);
    const std::string dir = templ;
    // Simple commands, a failing one, one killed by a signal and a three-stage pipeline; the
    // trailing builtin keeps the last external command from being exec'd in place.
    const std::string script =
        "/bin/true; /bin/echo hi; /bin/sh -c 'exit 3'; /bin/sh -c 'kill -9 $$';"
        " /bin/echo a | /bin/cat | /bin/cat; :";
    const std::vector<std::string> expected_argv0 = {"/bin/true", "/bin/echo", "/bin/sh", "/bin/sh",
                                                     "/bin/echo", "/bin/cat",  "/bin/cat"};
    for (const char* backend : {"fork", "vfork", "clone", "posix_spawn", "auto"}) {
        INFO("backend " << backend);
        std::string log = dir + "/" + backend + ".log";
        Run run = run_vsh({"--backend", backend, "-c", script}, {"VSH_TIMING_LOG=" + log});
        CHECK(run.status == 0);
        CHECK(run.err.find("timing log") == std::string::npos);
        std::vector<std::string> lines = lines_of(log);
        REQUIRE(lines.size() == expected_argv0.size());
        for (std::size_t i = 0; i < lines.size(); ++i) {
            INFO(lines[i]);
            auto record = vsh::parse_json_object(lines[i]);
            REQUIRE(record.has_value());
            CHECK(vsh::json_field(*record, "argv0")->text == expected_argv0[i]);
            const std::string& used = vsh::json_field(*record, "backend")->text;
            if (std::string(backend) != "auto" &&
                vsh::json_field(*record, "fallback")->kind == vsh::JsonScalar::Kind::Null) {
                CHECK(used == backend);
            }
            CHECK(vsh::json_field(*record, "wall_us")->number >=
                  vsh::json_field(*record, "spawn_us")->number);
            CHECK(vsh::json_field(*record, "child_pid")->number > 0);
            CHECK(vsh::json_field(*record, "shell_rss_kb")->number > 0);
        }
        auto status_of = [&](std::size_t i) {
            return *vsh::json_field(*vsh::parse_json_object(lines[i]), "status");
        };
        CHECK(status_of(0).number == 0);
        CHECK(status_of(2).number == 3);
        CHECK(status_of(3).text == "SIGKILL");
    }
    std::string cleanup = "rm -rf '" + dir + "'";
    CHECK(system(cleanup.c_str()) == 0);
}

TEST_CASE("An unwritable VSH_TIMING_LOG warns once and fails no command") {
    Run run = run_vsh({"-c", "/bin/true; /bin/true; /bin/sh -c 'exit 4'"},
                      {"VSH_TIMING_LOG=/nonexistent-dir/t.log"});
    CHECK(run.status == 4);
    CHECK(run.err == "vsh: timing log /nonexistent-dir/t.log: No such file or directory\n");
}

TEST_CASE("time -p prints POSIX real/user/sys; timing mode adds a line per process") {
    Run posix = run_vsh({"-c", "time -p /bin/sh -c 'exit 5'"}, {});
    CHECK(posix.status == 5);
    CHECK(posix.err.starts_with("real "));
    CHECK(posix.err.find("\nuser ") != std::string::npos);
    CHECK(posix.err.find("\nsys ") != std::string::npos);
    CHECK(posix.err.find("/bin/sh") == std::string::npos);  // No breakdown outside timing mode.

    Run plain = run_vsh({"-c", "time /bin/true"}, {});
    CHECK(plain.err.starts_with("\nreal\t0m"));

    Run timed = run_vsh({"--backend", "vfork", "-c", "time /bin/echo x | /bin/sh -c 'kill -9 $$'"},
                        {"VSH_TIMING=1"});
    INFO(timed.err);
    CHECK(timed.err.find("command") != std::string::npos);
    CHECK(timed.err.find("/bin/echo  vfork") != std::string::npos);
    CHECK(timed.err.find("SIGKILL") != std::string::npos);
}
