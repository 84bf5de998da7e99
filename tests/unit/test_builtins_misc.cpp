// true, false, kill, times, ulimit and the signal table.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <regex>

#include "shell/traps/signals.hpp"
#include "test_shell.hpp"
#include "tests/unit/test_builtins_util.hpp"

using vsh::testing::run_builtin;

TEST_CASE("true and false", "[builtins]") {
    TestShell sh;
    CHECK(run_builtin(sh, vsh::builtin_true, {"true", "ignored"}).status == 0);
    CHECK(run_builtin(sh, vsh::builtin_false, {"false"}).status == 1);
}

TEST_CASE("signal names and numbers", "[signals]") {
    CHECK(vsh::signal_number("INT") == SIGINT);
    CHECK(vsh::signal_number("SIGINT") == SIGINT);
    CHECK(vsh::signal_number("int") == SIGINT);
    CHECK(vsh::signal_number("2") == 2);
    CHECK(vsh::signal_number("EXIT") == 0);
    CHECK(vsh::signal_number("0") == 0);
    CHECK(vsh::signal_number("RTMIN") == SIGRTMIN);
    CHECK(vsh::signal_number("RTMIN+1") == SIGRTMIN + 1);
    CHECK(vsh::signal_number("RTMAX") == SIGRTMAX);
    CHECK(vsh::signal_number("FOO") == -1);
    CHECK(vsh::signal_number("SIG") == -1);
    CHECK(vsh::signal_number("") == -1);
    CHECK(vsh::signal_number("2x") == -1);
    CHECK(vsh::signal_number("999") == -1);
    CHECK(vsh::signal_name(SIGTERM) == "TERM");
    CHECK(vsh::signal_name(0) == "EXIT");
    CHECK(vsh::signal_name(SIGRTMAX - 1) == "RTMAX-1");
    CHECK(vsh::signal_name(-1).empty());
    CHECK(vsh::signal_name(100000).empty());
    auto all = vsh::all_signals();
    REQUIRE(!all.empty());
    CHECK(all.front().number == SIGHUP);
    CHECK(all.front().name == "HUP");
    for (const auto& s : all) CHECK(vsh::signal_number(s.name) == s.number);
}

TEST_CASE("kill -l lists and translates", "[builtins][kill]") {
    TestShell sh;
    auto r = run_builtin(sh, vsh::builtin_kill, {"kill", "-l"});
    CHECK(r.status == 0);
    CHECK(r.out.starts_with("HUP\nINT\nQUIT\n"));
    CHECK(run_builtin(sh, vsh::builtin_kill, {"kill", "-l", "2", "143", "TERM", "0"}).out ==
          "INT\nTERM\n15\nEXIT\n");
    r = run_builtin(sh, vsh::builtin_kill, {"kill", "-l", "300"});
    CHECK(r.status == 1);
    CHECK(r.err.find("invalid signal number or exit status: 300") != std::string::npos);
}

TEST_CASE("kill sends the named signal", "[builtins][kill]") {
    TestShell sh;
    for (auto words : {std::initializer_list<std::string>{"kill", "-s", "USR1"},
                       std::initializer_list<std::string>{"kill", "-USR1"},
                       std::initializer_list<std::string>{"kill", "-n", "10"},
                       std::initializer_list<std::string>{"kill", "-SIGUSR1"},
                       std::initializer_list<std::string>{"kill"}}) {
        // Block the signals over the fork so the child can reset Catch2's SIGTERM handler
        // before any signal reaches it; sigsuspend then takes the signal with the default
        // action.
        sigset_t block, old;
        sigemptyset(&block);
        sigaddset(&block, SIGTERM);
        sigaddset(&block, SIGUSR1);
        sigprocmask(SIG_BLOCK, &block, &old);
        pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            signal(SIGTERM, SIG_DFL);
            signal(SIGUSR1, SIG_DFL);
            sigset_t none;
            sigemptyset(&none);
            for (;;) sigsuspend(&none);
        }
        sigprocmask(SIG_SETMASK, &old, nullptr);
        std::vector<std::string> argv(words);
        argv.push_back(std::to_string(child));
        sh.out.set_capture(nullptr);
        int status = vsh::builtin_kill(sh, argv);
        CHECK(status == 0);
        int wait_status = 0;
        REQUIRE(waitpid(child, &wait_status, 0) == child);
        REQUIRE(WIFSIGNALED(wait_status));
        CHECK(WTERMSIG(wait_status) == (argv.size() == 2 ? SIGTERM : SIGUSR1));
    }
}

TEST_CASE("kill errors", "[builtins][kill]") {
    TestShell sh;
    CHECK(run_builtin(sh, vsh::builtin_kill, {"kill", "-0", std::to_string(getpid())}).status == 0);
    CHECK(run_builtin(sh, vsh::builtin_kill, {"kill"}).status == 2);
    CHECK(run_builtin(sh, vsh::builtin_kill, {"kill", "-s"}).status == 2);
    auto r = run_builtin(sh, vsh::builtin_kill, {"kill", "-s", "FOO", "1"});
    CHECK(r.status == 1);
    CHECK(r.err.find("invalid signal number or name: FOO") != std::string::npos);
    r = run_builtin(sh, vsh::builtin_kill, {"kill", "abc"});
    CHECK(r.status == 1);
    CHECK(r.err.find("abc: arguments must be process or job IDs") != std::string::npos);
    // A pid that cannot exist (above pid_max's ceiling of 2^22).
    r = run_builtin(sh, vsh::builtin_kill, {"kill", "-0", "99999999"});
    CHECK(r.status == 1);
    CHECK(r.err.find("No such process") != std::string::npos);
}

TEST_CASE("times prints two lines of minutes and seconds", "[builtins][times]") {
    TestShell sh;
    auto r = run_builtin(sh, vsh::builtin_times, {"times"});
    CHECK(r.status == 0);
    std::regex line("[0-9]+m[0-9]+\\.[0-9]{6}s [0-9]+m[0-9]+\\.[0-9]{6}s\n");
    std::regex two_lines("([0-9]+m[0-9]+\\.[0-9]{6}s [0-9]+m[0-9]+\\.[0-9]{6}s\n){2}");
    CHECK(std::regex_match(r.out, two_lines));
}

TEST_CASE("ulimit reports and sets limits", "[builtins][ulimit]") {
    TestShell sh;
    rlimit saved{};
    getrlimit(RLIMIT_CORE, &saved);
    // Soft limits can move freely below the hard one; -c counts 512-byte blocks.
    REQUIRE(run_builtin(sh, vsh::builtin_ulimit, {"ulimit", "-S", "-c", "0"}).status == 0);
    CHECK(run_builtin(sh, vsh::builtin_ulimit, {"ulimit", "-c"}).out == "0\n");
    if (saved.rlim_max == RLIM_INFINITY || saved.rlim_max >= 1024 * 512) {
        REQUIRE(run_builtin(sh, vsh::builtin_ulimit, {"ulimit", "-Sc", "1024"}).status == 0);
        rlimit now{};
        getrlimit(RLIMIT_CORE, &now);
        CHECK(now.rlim_cur == 1024 * 512);
        CHECK(run_builtin(sh, vsh::builtin_ulimit, {"ulimit", "-S", "-c"}).out == "1024\n");
    }
    setrlimit(RLIMIT_CORE, &saved);

    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    CHECK(run_builtin(sh, vsh::builtin_ulimit, {"ulimit", "-n"}).out ==
          std::to_string(files.rlim_cur) + "\n");
    CHECK(run_builtin(sh, vsh::builtin_ulimit, {"ulimit", "-Hn"}).out ==
          std::to_string(files.rlim_max) + "\n");

    auto all = run_builtin(sh, vsh::builtin_ulimit, {"ulimit", "-a"}).out;
    CHECK(all.find("file(blocks)         ") != std::string::npos);
    CHECK(all.find("nofiles              " + std::to_string(files.rlim_cur) + "\n") !=
          std::string::npos);

    rlimit fsize{};
    getrlimit(RLIMIT_FSIZE, &fsize);
    std::string expected_f = fsize.rlim_cur == RLIM_INFINITY
                                 ? "unlimited\n"
                                 : std::to_string(fsize.rlim_cur / 512) + "\n";
    CHECK(run_builtin(sh, vsh::builtin_ulimit, {"ulimit"}).out == expected_f);
}

TEST_CASE("ulimit errors", "[builtins][ulimit]") {
    TestShell sh;
    CHECK(run_builtin(sh, vsh::builtin_ulimit, {"ulimit", "-x"}).status == 2);
    auto r = run_builtin(sh, vsh::builtin_ulimit, {"ulimit", "-c", "abc"});
    CHECK(r.status == 1);
    CHECK(r.err.find("bad number") != std::string::npos);
    CHECK(run_builtin(sh, vsh::builtin_ulimit, {"ulimit", "-c", "1", "2"}).status == 2);
}
