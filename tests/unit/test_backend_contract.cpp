// The backend contract (DESIGN.md), one set of cases run over every registered backend and
// over `auto`. Each case states what a command must see, whichever way it was created.
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <termios.h>

#include <catch2/catch.hpp>

#include "test_backend_helpers.hpp"

using namespace vsh::test_backend;
using vsh::backends::kUnknownFailedStep;
using vsh::backends::ProcessGroup;
using vsh::backends::Terminal;

#define FOR_EACH_BACKEND(variable)                                      \
    const std::string variable = GENERATE(from_range(backend_names())); \
    INFO("backend: " << variable)

TEST_CASE("argv and environment arrive byte for byte", "[backend]") {
    FOR_EACH_BACKEND(backend);
    const std::string not_utf8 = "\xff\xfe\x80 x";

    SECTION("argv, with empty strings and bytes that are not UTF-8") {
        TestCommand command("/usr/bin/printf",
                            {"printf", "<%s>\\n", "", "two words", not_utf8, ""});
        Outcome outcome = run_capturing_stdout(backend, command);
        REQUIRE(outcome.result.error == 0);
        CHECK(outcome.status == 0);
        CHECK(outcome.out == "<>\n<two words>\n<" + not_utf8 + ">\n<>\n");
    }
    SECTION("argv[0] is the caller's, not the path") {
        TestCommand command("/bin/sh", {"custom-zero", "-c", "printf %s \"$0\""});
        Outcome outcome = run_capturing_stdout(backend, command);
        REQUIRE(outcome.result.error == 0);
        CHECK(outcome.out == "custom-zero");
    }
    SECTION("the environment is exactly envp") {
        TestCommand command("/usr/bin/env", {"env"},
                            {"EMPTY=", "SPACES=a b  c", "BYTES=" + not_utf8, "Z=last"});
        Outcome outcome = run_capturing_stdout(backend, command);
        REQUIRE(outcome.result.error == 0);
        CHECK(outcome.out == "EMPTY=\nSPACES=a b  c\nBYTES=" + not_utf8 + "\nZ=last\n");
    }
    SECTION("an empty environment") {
        TestCommand command("/usr/bin/env", {"env"}, {});
        Outcome outcome = run_capturing_stdout(backend, command);
        REQUIRE(outcome.result.error == 0);
        CHECK(outcome.out.empty());
    }
}

TEST_CASE("fd actions are applied in order", "[backend]") {
    FOR_EACH_BACKEND(backend);
    ScratchDir scratch;

    SECTION("the child sees exactly the descriptors it was given") {
        // Descriptors the test process itself lets children inherit (e.g. from ctest) count
        // as given; the capture pipe, the backends' own pipes and files are CLOEXEC.
        std::set<int> expected = inheritable_descriptors();
        expected.insert(1);
        TestCommand command("/bin/ls", {"ls", "-l", "/proc/self/fd"});
        Outcome outcome = run_capturing_stdout(backend, command);
        REQUIRE(outcome.result.error == 0);
        CHECK(descriptors_in_listing(outcome.out) == expected);
    }
    SECTION("dup2 onto itself clears close-on-exec, at a high descriptor") {
        int high = fcntl(1, F_DUPFD_CLOEXEC, 200);
        REQUIRE(high >= 200);
        TestCommand command("/bin/ls", {"ls", "-l", "/proc/self/fd"});
        command.plan.fd_actions.push_back(dup2_action(high, high));
        Outcome outcome = run_capturing_stdout(backend, command);
        close(high);
        REQUIRE(outcome.result.error == 0);
        CHECK(descriptors_in_listing(outcome.out).count(high) == 1);
    }
    SECTION("dup2, then close: order matters") {
        Capture capture;
        TestCommand command("/bin/ls", {"ls", "-l", "/proc/self/fd"});
        command.plan.fd_actions = {dup2_action(capture.write_fd, 150), dup2_action(150, 1),
                                   close_action(150)};
        command.finalize();
        Backend& chosen = resolve(backend, command.plan);
        SpawnResult result = chosen.spawn(command.plan);
        std::string out = capture.finish();
        REQUIRE(result.error == 0);
        CHECK(wait_status(result.pid) == 0);
        std::set<int> seen = descriptors_in_listing(out);
        CHECK(seen.count(1) == 1);
        CHECK(seen.count(150) == 0);
    }
    SECTION("closing a descriptor that is not open is not an error") {
        TestCommand command("/bin/true", {"true"});
        command.plan.fd_actions.push_back(close_action(177));
        Outcome outcome = run_capturing_stdout(backend, command);
        CHECK(outcome.result.error == 0);
        CHECK(outcome.status == 0);
    }
    SECTION("open read-write (<>) onto a descriptor") {
        std::string file = scratch.file("rw", "hello\n", 0644);
        TestCommand command("/bin/cat", {"cat", "/proc/self/fdinfo/4"});
        command.plan.fd_actions.push_back(open_action(4, file, O_RDWR));
        Outcome outcome = run_capturing_stdout(backend, command);
        REQUIRE(outcome.result.error == 0);
        // fdinfo's flags are octal; the access mode is the low two bits.
        std::size_t at = outcome.out.find("flags:");
        REQUIRE(at != std::string::npos);
        long flags = std::strtol(outcome.out.c_str() + at + 6, nullptr, 8);
        CHECK((flags & O_ACCMODE) == O_RDWR);
        CHECK((flags & O_CLOEXEC) == 0);
    }
    SECTION("open that lands on its own target (stdin closed first) keeps it") {
        std::string file = scratch.file("in", "from the file\n", 0644);
        TestCommand command("/bin/cat", {"cat"});
        command.plan.fd_actions = {close_action(0), open_action(0, file, O_RDONLY)};
        Outcome outcome = run_capturing_stdout(backend, command);
        REQUIRE(outcome.result.error == 0);
        CHECK(outcome.out == "from the file\n");
    }
    SECTION("open with O_CREAT honours the mode, and writes go to the file") {
        std::string file = scratch.path + "/created";
        TestCommand command("/bin/echo", {"echo", "written"});
        command.plan.fd_actions.push_back(open_action(1, file, O_WRONLY | O_CREAT | O_TRUNC, 0600));
        Outcome outcome = run_capturing_stdout(backend, command);
        REQUIRE(outcome.result.error == 0);
        CHECK(outcome.out.empty());
        struct stat info;
        REQUIRE(stat(file.c_str(), &info) == 0);
        const mode_t mask = umask(0);
        umask(mask);
        CHECK((info.st_mode & 0777) == (0600 & ~mask));
        CHECK(info.st_size == 8);
    }
    SECTION("a failing open fails the spawn and names the action") {
        TestCommand command("/bin/true", {"true"});
        command.plan.fd_actions.push_back(open_action(3, scratch.path + "/missing", O_RDONLY));
        Outcome outcome = run_capturing_stdout(backend, command);
        CHECK(outcome.result.error == ENOENT);
        CHECK(outcome.result.pid == -1);
        // Action 0 is the capture's dup2; posix_spawn cannot say which step failed.
        CHECK((outcome.result.failed_action == 1 ||
               outcome.result.failed_action == kUnknownFailedStep));
    }
}

TEST_CASE("a parent with descriptors 0-2 closed", "[backend]") {
    FOR_EACH_BACKEND(backend);
    Capture capture;
    // In a copy of the test process: the fork backend's error pipe and open()'s temporaries
    // then land on 0-2, where fd actions could clobber them.
    int status = in_forked_process([&] {
        close(0);
        close(1);
        close(2);
        TestCommand command("/bin/ls", {"ls", "-l", "/proc/self/fd"});
        command.plan.fd_actions = {open_action(0, "/dev/null", O_RDONLY),
                                   dup2_action(capture.write_fd, 1)};
        command.finalize();
        SpawnResult result = resolve(backend, command.plan).spawn(command.plan);
        if (result.error != 0) return 10;
        return wait_status(result.pid);
    });
    std::string out = capture.finish();
    CHECK(status == 0);
    std::set<int> expected = inheritable_descriptors();  // What the test process was given.
    expected.erase(2);
    expected.insert({0, 1});
    CHECK(descriptors_in_listing(out) == expected);
}

TEST_CASE("signal mask and dispositions start at the plan's values", "[backend]") {
    FOR_EACH_BACKEND(backend);
    // The test process blocks some signals, catches some and ignores some, as a shell does.
    struct sigaction caught = {};
    caught.sa_handler = [](int) {};
    struct sigaction ignored = {};
    ignored.sa_handler = SIG_IGN;
    struct sigaction old_int, old_usr2, old_quit, old_pipe;
    sigaction(SIGINT, &caught, &old_int);
    sigaction(SIGUSR2, &caught, &old_usr2);
    sigaction(SIGQUIT, &ignored, &old_quit);
    sigaction(SIGPIPE, &ignored, &old_pipe);
    sigset_t blocked, old_mask;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGUSR1);
    sigaddset(&blocked, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &blocked, &old_mask);

    TestCommand command("/bin/cat", {"cat", "/proc/self/status"});
    // The shell lists what it catches and the ignored job-control signals it resets; SIGUSR2
    // is caught but left out, and must reach the program as default anyway (exec resets it).
    sigaddset(&command.plan.default_signals, SIGINT);
    sigaddset(&command.plan.default_signals, SIGQUIT);
    std::uint64_t expected_mask = 0;
    SECTION("an empty mask") {}
    SECTION("a mask the plan asks for") {
        sigaddset(&command.plan.child_mask, SIGHUP);
        expected_mask = signal_bit(SIGHUP);
    }
    Outcome outcome = run_capturing_stdout(backend, command);

    pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
    sigaction(SIGINT, &old_int, nullptr);
    sigaction(SIGUSR2, &old_usr2, nullptr);
    sigaction(SIGQUIT, &old_quit, nullptr);
    sigaction(SIGPIPE, &old_pipe, nullptr);

    REQUIRE(outcome.result.error == 0);
    CHECK(signal_field(outcome.out, "SigBlk") == expected_mask);
    CHECK(signal_field(outcome.out, "SigCgt") == 0);
    // Ignored and not in default_signals: stays ignored (POSIX exec semantics).
    CHECK(signal_field(outcome.out, "SigIgn") == signal_bit(SIGPIPE));
}

TEST_CASE("a plan's ignored signals start ignored", "[backend]") {
    FOR_EACH_BACKEND(backend);
    // The shell catches SIGINT (a trap); a background command must start with it ignored.
    struct sigaction caught = {};
    caught.sa_handler = [](int) {};
    struct sigaction old_int;
    sigaction(SIGINT, &caught, &old_int);
    TestCommand command("/bin/cat", {"cat", "/proc/self/status"});
    sigaddset(&command.plan.ignored_signals, SIGINT);
    sigaddset(&command.plan.ignored_signals, SIGQUIT);
    const char* why = nullptr;
    command.finalize();
    bool refused = backend == "posix_spawn" &&
                   !vsh::backends::find_backend(backend)->can_spawn(command.plan, &why);
    Outcome outcome;
    if (!refused) outcome = run_capturing_stdout(backend, command);
    sigaction(SIGINT, &old_int, nullptr);
    if (refused) {
        // posix_spawn can only reset signals to default: it says so, and the shell uses fork.
        REQUIRE(why != nullptr);
        CHECK(std::string(why).find("ignore") != std::string::npos);
        return;
    }
    REQUIRE(outcome.result.error == 0);
    CHECK(signal_field(outcome.out, "SigIgn") == (signal_bit(SIGINT) | signal_bit(SIGQUIT)));
    CHECK(signal_field(outcome.out, "SigCgt") == 0);
}

TEST_CASE("posix_spawn takes a plan whose ignored signals the shell already ignores", "[backend]") {
    struct sigaction ignored = {};
    ignored.sa_handler = SIG_IGN;
    struct sigaction old_int;
    sigaction(SIGINT, &ignored, &old_int);
    TestCommand command("/bin/cat", {"cat", "/proc/self/status"});
    sigaddset(&command.plan.ignored_signals, SIGINT);
    command.finalize();
    const char* why = nullptr;
    bool accepted = vsh::backends::find_backend("posix_spawn")->can_spawn(command.plan, &why);
    Outcome outcome;
    if (accepted) outcome = run_capturing_stdout("posix_spawn", command);
    sigaction(SIGINT, &old_int, nullptr);
    REQUIRE(accepted);
    REQUIRE(outcome.result.error == 0);
    CHECK(signal_field(outcome.out, "SigIgn") == signal_bit(SIGINT));
}

TEST_CASE("process groups: a new group, then joining it", "[backend]") {
    FOR_EACH_BACKEND(backend);
    // Two cats that wait on a pipe, so their groups can be read while they run.
    int hold[2];
    REQUIRE(pipe2(hold, O_CLOEXEC) == 0);
    TestCommand leader("/bin/cat", {"cat"});
    leader.plan.process_group = ProcessGroup::NewGroup;
    leader.plan.fd_actions = {dup2_action(hold[0], 0)};
    leader.finalize();
    SpawnResult first = resolve(backend, leader.plan).spawn(leader.plan);
    REQUIRE(first.error == 0);

    TestCommand member("/bin/cat", {"cat"});
    member.plan.process_group = ProcessGroup::Join;
    member.plan.pgid = first.pid;
    member.plan.fd_actions = {dup2_action(hold[0], 0)};
    member.finalize();
    SpawnResult second = resolve(backend, member.plan).spawn(member.plan);

    CHECK(getpgid(first.pid) == first.pid);
    if (second.error == 0) CHECK(getpgid(second.pid) == first.pid);
    CHECK(second.error == 0);
    close(hold[1]);
    close(hold[0]);
    CHECK(wait_status(first.pid) == 0);
    if (second.error == 0) CHECK(wait_status(second.pid) == 0);
}

TEST_CASE("a foreground job takes the terminal", "[backend]") {
    FOR_EACH_BACKEND(backend);
    // In a copy of the test process that leads a new session with a pty as its terminal.
    int status = in_forked_process([&] {
        int master = -1;
        int slave = -1;
        if (openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) return 20;
        if (setsid() < 0) return 21;
        if (ioctl(slave, TIOCSCTTY, 0) < 0) return 22;
        int hold[2];
        if (pipe2(hold, O_CLOEXEC) != 0) return 23;
        TestCommand command("/bin/cat", {"cat"});
        command.plan.process_group = ProcessGroup::NewGroup;
        command.plan.terminal = Terminal::Foreground;
        command.plan.tty_fd = slave;
        command.plan.fd_actions = {dup2_action(hold[0], 0)};
        command.finalize();
        SpawnResult result = resolve(backend, command.plan).spawn(command.plan);
        if (result.error != 0) return 24;
        int code = tcgetpgrp(slave) == result.pid ? 0 : 25;
        close(hold[1]);
        if (wait_status(result.pid) != 0 && code == 0) code = 26;
        return code;
    });
    CHECK(status == 0);
}

TEST_CASE("exec errors come back as errno values", "[backend]") {
    FOR_EACH_BACKEND(backend);
    ScratchDir scratch;

    SECTION("a missing file is ENOENT, and no fd action is blamed") {
        TestCommand command(scratch.path + "/no-such-program", {"no-such-program"});
        Outcome outcome = run_capturing_stdout(backend, command);
        CHECK(outcome.result.error == ENOENT);
        CHECK(outcome.result.pid == -1);
        CHECK(outcome.result.failed_action == -1);
    }
    SECTION("a failing dup2 is EBADF and names the action") {
        TestCommand command("/bin/true", {"true"});
        command.plan.fd_actions.push_back(dup2_action(555, 3));
        Outcome outcome = run_capturing_stdout(backend, command);
        CHECK(outcome.result.error == EBADF);
        CHECK((outcome.result.failed_action == 1 ||
               outcome.result.failed_action == kUnknownFailedStep));
    }
    SECTION("a file without execute permission is EACCES (even for root)") {
        std::string file = scratch.file("not-executable", "#!/bin/sh\n", 0644);
        TestCommand command(file, {"not-executable"});
        CHECK(run_capturing_stdout(backend, command).result.error == EACCES);
    }
    SECTION("a directory is EACCES") {
        TestCommand command(scratch.path, {"dir"});
        CHECK(run_capturing_stdout(backend, command).result.error == EACCES);
    }
    SECTION("a file the kernel cannot run is ENOEXEC without a fallback shell") {
        std::string file = scratch.file("script", "echo ran\n", 0755);
        TestCommand command(file, {"script"});
        CHECK(run_capturing_stdout(backend, command).result.error == ENOEXEC);
    }
    SECTION("... and runs through enoexec_shell with one") {
        std::string file = scratch.file("script", "echo \"ran with $# args: $1\"\n", 0755);
        TestCommand command(file, {"script", "first arg"});
        command.plan.enoexec_shell = "/bin/sh";
        Outcome outcome = run_capturing_stdout(backend, command);
        REQUIRE(outcome.result.error == 0);
        CHECK(outcome.status == 0);
        CHECK(outcome.out == "ran with 1 args: first arg\n");
    }
    SECTION("an argument list over the kernel's limit is E2BIG") {
        // One argument longer than MAX_ARG_STRLEN (32 pages).
        TestCommand command("/bin/true", {"true", std::string(300 * 1024, 'x')});
        CHECK(run_capturing_stdout(backend, command).result.error == E2BIG);
    }
}

TEST_CASE("EAGAIN when the process limit is reached", "[backend]") {
    FOR_EACH_BACKEND(backend);
    // root is exempt from RLIMIT_NPROC, so a copy of the test process becomes `nobody`
    // (65534) with a limit of 0 processes first.
    int status = in_forked_process([&] {
        struct rlimit none = {0, 0};
        if (setrlimit(RLIMIT_NPROC, &none) != 0) return 30;
        if (getuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) return 31;
        TestCommand command("/bin/true", {"true"});
        command.finalize();
        SpawnResult result = resolve(backend, command.plan).spawn(command.plan);
        if (result.error == EAGAIN && result.pid == -1) return 0;
        if (result.error == 0) wait_status(result.pid);
        return 32;
    });
    if (status == 31) {
        WARN("cannot become an unprivileged user here; EAGAIN not tested");
        return;
    }
    CHECK(status == 0);
}

TEST_CASE("2000 spawns leave no zombie and no descriptor behind", "[backend][slow]") {
    FOR_EACH_BACKEND(backend);
    // Relative counts: other tests in this binary may have children of their own.
    const int children_before = count_children();
    const std::size_t descriptors_before = count_open_descriptors();
    // Successes and the three kinds of failure: a failing fd action, a failing exec, and
    // an exec that succeeds through the ENOEXEC shell.
    TestCommand ok("/bin/true", {"true"});
    ok.plan.fd_actions = {open_action(5, "/dev/null", O_RDONLY), dup2_action(5, 6), close_action(5),
                          dup2_action(1, 7)};
    ok.finalize();
    TestCommand bad_open("/bin/true", {"true"});
    bad_open.plan.fd_actions = {open_action(5, "/nonexistent/file", O_RDONLY)};
    bad_open.finalize();
    TestCommand bad_exec("/nonexistent/program", {"program"});
    bad_exec.plan.fd_actions = {open_action(5, "/dev/null", O_RDONLY)};
    bad_exec.finalize();

    int unexpected = 0;
    for (int i = 0; i < 2000; ++i) {
        TestCommand& command = i % 4 == 1 ? bad_open : i % 4 == 3 ? bad_exec : ok;
        SpawnResult result = resolve(backend, command.plan).spawn(command.plan);
        if (&command == &ok) {
            if (result.error != 0 || wait_status(result.pid) != 0) ++unexpected;
        } else if (result.error != ENOENT) {
            ++unexpected;
        }
    }
    CHECK(unexpected == 0);
    CHECK(count_children() == children_before);
    CHECK(count_open_descriptors() == descriptors_before);
}

TEST_CASE("posix_spawn refuses only what it cannot express", "[backend]") {
    Backend* posix = vsh::backends::find_backend("posix_spawn");
    REQUIRE(posix != nullptr);
    TestCommand command("/bin/true", {"true"});
    const char* why = nullptr;
    SECTION("dup2 onto itself, closing an fd that is not open: verified to work") {
        command.plan.fd_actions = {dup2_action(1, 1), close_action(99)};
        command.finalize();
        CHECK(posix->can_spawn(command.plan, &why));
    }
    SECTION("closing a descriptor above RLIMIT_NOFILE: glibc refuses the action") {
        struct rlimit limit;
        REQUIRE(getrlimit(RLIMIT_NOFILE, &limit) == 0);
        command.plan.fd_actions = {close_action(static_cast<int>(limit.rlim_cur) + 1)};
        command.finalize();
        CHECK_FALSE(posix->can_spawn(command.plan, &why));
        REQUIRE(why != nullptr);
        // Every other backend treats it like any closed descriptor.
        SpawnResult result = vsh::backends::fork_backend().spawn(command.plan);
        REQUIRE(result.error == 0);
        CHECK(wait_status(result.pid) == 0);
    }
}

TEST_CASE("the registry", "[backend]") {
    std::vector<std::string> names;
    for (Backend* backend : vsh::backends::all_backends()) {
        names.emplace_back(backend->name());
        CHECK(vsh::backends::find_backend(backend->name()) == backend);
    }
    CHECK(names == std::vector<std::string>{"fork", "vfork", "clone", "posix_spawn"});
    CHECK(vsh::backends::find_backend("auto") == nullptr);
    CHECK(vsh::backends::find_backend("") == nullptr);
    CHECK(vsh::backends::fork_backend().name() == "fork");
    TestCommand command("/bin/true", {"true"});
    command.finalize();
    Backend* chosen = vsh::backends::choose_auto(command.plan);
    REQUIRE(chosen != nullptr);
    CHECK(chosen->can_spawn(command.plan, nullptr));
}

namespace {
void empty_handler(int) {}
}  // namespace

TEST_CASE("exec_in_place carries out the plan in this process", "[backend]") {
    SECTION("the program replaces the process, with the plan's fds and signals") {
        Capture capture;
        int status = in_forked_process([&] {
            struct sigaction caught = {};
            caught.sa_handler = empty_handler;
            sigaction(SIGINT, &caught, nullptr);
            sigset_t blocked;
            sigemptyset(&blocked);
            sigaddset(&blocked, SIGTERM);
            sigprocmask(SIG_BLOCK, &blocked, nullptr);
            TestCommand command("/bin/cat", {"cat", "/proc/self/status"});
            command.plan.fd_actions = {dup2_action(capture.write_fd, 1)};
            sigaddset(&command.plan.default_signals, SIGINT);
            command.finalize();
            vsh::backends::exec_in_place(command.plan);
            return 40;
        });
        std::string out = capture.finish();
        CHECK(status == 0);
        CHECK(out.find("Name:\tcat") != std::string::npos);
        CHECK(signal_field(out, "SigBlk") == 0);
        CHECK(signal_field(out, "SigCgt") == 0);
    }
    SECTION("a failed exec returns the errno and gives the shell its signals back") {
        int status = in_forked_process([&] {
            struct sigaction caught = {};
            caught.sa_handler = empty_handler;
            sigaction(SIGINT, &caught, nullptr);
            sigset_t blocked;
            sigemptyset(&blocked);
            sigaddset(&blocked, SIGTERM);
            sigprocmask(SIG_BLOCK, &blocked, nullptr);
            TestCommand command("/nonexistent/program", {"program"});
            sigaddset(&command.plan.default_signals, SIGINT);
            command.finalize();
            if (vsh::backends::exec_in_place(command.plan) != ENOENT) return 41;
            struct sigaction now;
            sigaction(SIGINT, nullptr, &now);
            if (now.sa_handler != empty_handler) return 42;
            sigset_t mask;
            sigprocmask(SIG_SETMASK, nullptr, &mask);
            if (sigismember(&mask, SIGTERM) != 1 || sigismember(&mask, SIGINT) != 0) return 43;
            return 0;
        });
        CHECK(status == 0);
    }
}
