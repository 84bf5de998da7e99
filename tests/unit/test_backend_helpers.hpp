// Helpers for the backend contract tests: commands with owned storage, output capture through a
// pipe, and views of a process's descriptors and signal state from /proc.
#pragma once

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "backends/backend.hpp"

namespace vsh::test_backend {

using backends::Backend;
using backends::FdAction;
using backends::FdActionKind;
using backends::SpawnPlan;
using backends::SpawnResult;

// Every name the tests run over: each registered backend, then the `auto` policy.
inline std::vector<std::string> backend_names() {
    std::vector<std::string> names;
    for (Backend* backend : backends::all_backends()) names.emplace_back(backend->name());
    names.emplace_back("auto");
    return names;
}

// The backend `name` stands for, for this plan.
inline Backend& resolve(const std::string& name, const SpawnPlan& plan) {
    if (name == "auto") return *backends::choose_auto(plan);
    Backend* backend = backends::find_backend(name);
    if (backend == nullptr) std::abort();
    return *backend;
}

inline FdAction dup2_action(int source_fd, int fd) {
    FdAction action;
    action.kind = FdActionKind::Dup2;
    action.source_fd = source_fd;
    action.fd = fd;
    return action;
}

inline FdAction close_action(int fd) {
    FdAction action;
    action.kind = FdActionKind::Close;
    action.fd = fd;
    return action;
}

inline FdAction open_action(int fd, std::string path, int flags, mode_t mode = 0666) {
    FdAction action;
    action.kind = FdActionKind::Open;
    action.fd = fd;
    action.path = std::move(path);
    action.flags = flags;
    action.mode = mode;
    return action;
}

// A SpawnPlan together with the environment storage it points into. Not movable once
// finalized (the plan's pointers point into it).
struct TestCommand {
    SpawnPlan plan;
    std::vector<std::string> env_strings;
    std::vector<char*> env_pointers;

    TestCommand(std::string path, std::vector<std::string> args,
                std::vector<std::string> env = {"PATH=/usr/bin:/bin"})
        : env_strings(std::move(env)) {
        plan.path = std::move(path);
        plan.args = std::move(args);
    }
    TestCommand(const TestCommand&) = delete;
    TestCommand& operator=(const TestCommand&) = delete;

    void finalize() {
        env_pointers.clear();
        for (std::string& entry : env_strings) env_pointers.push_back(entry.data());
        env_pointers.push_back(nullptr);
        plan.envp = env_pointers.data();
        plan.finalize();
    }
};

// A CLOEXEC pipe whose write end a plan hands to the child.
class Capture {
  public:
    Capture() {
        int ends[2];
        if (pipe2(ends, O_CLOEXEC) != 0) std::abort();
        read_fd = ends[0];
        write_fd = ends[1];
    }
    ~Capture() {
        if (read_fd >= 0) close(read_fd);
        if (write_fd >= 0) close(write_fd);
    }
    Capture(const Capture&) = delete;
    Capture& operator=(const Capture&) = delete;

    // Closes the parent's write end and reads until every writer has gone.
    std::string finish() {
        if (write_fd >= 0) close(write_fd);
        write_fd = -1;
        std::string text;
        char buffer[4096];
        for (;;) {
            ssize_t n = read(read_fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            text.append(buffer, static_cast<std::size_t>(n));
        }
        return text;
    }

    int read_fd = -1;
    int write_fd = -1;
};

// Waits for `pid`: its exit status, or 128 + the signal that killed it.
inline int wait_status(pid_t pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

struct Outcome {
    SpawnResult result;
    std::string out;  // The child's standard output.
    int status = -1;  // Its exit status (-1 when the spawn failed).
};

// Spawns with the child's stdout going into a pipe (an extra first fd action), reads it all
// and waits for the child.
inline Outcome run_capturing_stdout(const std::string& backend_name, TestCommand& command) {
    Capture capture;
    command.plan.fd_actions.insert(command.plan.fd_actions.begin(),
                                   dup2_action(capture.write_fd, 1));
    command.finalize();
    Backend& backend = resolve(backend_name, command.plan);
    Outcome outcome;
    outcome.result = backend.spawn(command.plan);
    outcome.out = capture.finish();
    if (outcome.result.error == 0) outcome.status = wait_status(outcome.result.pid);
    return outcome;
}

// Runs `body` in a forked copy of the test process and returns its exit status, for tests that
// change process-wide state (closed standard fds, a session, a user id, resource limits).
inline int in_forked_process(const std::function<int()>& body) {
    pid_t pid = fork();
    if (pid == 0) {
        int code = 99;
        try {
            code = body();
        } catch (...) {
        }
        _exit(code);
    }
    return wait_status(pid);
}

// The descriptors listed by `ls -l /proc/self/fd` output, without the one ls opened to read
// the directory itself.
inline std::set<int> descriptors_in_listing(const std::string& listing) {
    std::set<int> fds;
    std::istringstream lines(listing);
    std::string line;
    while (std::getline(lines, line)) {
        std::size_t arrow = line.find(" -> ");
        if (arrow == std::string::npos) continue;
        std::string target = line.substr(arrow + 4);
        if (target.rfind("/proc/", 0) == 0 && target.size() > 3 &&
            target.compare(target.size() - 3, 3, "/fd") == 0)
            continue;
        std::size_t start = line.rfind(' ', arrow - 1);
        fds.insert(std::atoi(line.c_str() + start + 1));
    }
    return fds;
}

// The descriptors of this process that a child inherits (open, without FD_CLOEXEC).
inline std::set<int> inheritable_descriptors() {
    std::set<int> fds;
    DIR* dir = opendir("/proc/self/fd");
    if (dir == nullptr) return fds;
    while (dirent* entry = readdir(dir)) {
        if (entry->d_name[0] == '.') continue;
        int fd = std::atoi(entry->d_name);
        if (fd == dirfd(dir)) continue;
        int flags = fcntl(fd, F_GETFD);
        if (flags >= 0 && (flags & FD_CLOEXEC) == 0) fds.insert(fd);
    }
    closedir(dir);
    return fds;
}

inline std::size_t count_open_descriptors() {
    std::size_t count = 0;
    DIR* dir = opendir("/proc/self/fd");
    if (dir == nullptr) return 0;
    while (dirent* entry = readdir(dir))
        if (entry->d_name[0] != '.') ++count;
    closedir(dir);
    return count;
}

// Children of this process still in the process table (running or zombie).
inline int count_children() {
    int count = 0;
    const pid_t self = getpid();
    DIR* dir = opendir("/proc");
    if (dir == nullptr) return -1;
    while (dirent* entry = readdir(dir)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
        std::string path = std::string("/proc/") + entry->d_name + "/stat";
        int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;
        char buffer[512];
        ssize_t n = read(fd, buffer, sizeof buffer - 1);
        close(fd);
        if (n <= 0) continue;
        buffer[n] = '\0';
        // "pid (comm) state ppid ...": comm may hold spaces, so parse after the last ')'.
        const char* paren = std::strrchr(buffer, ')');
        if (paren == nullptr) continue;
        char state = 0;
        int ppid = 0;
        if (std::sscanf(paren + 1, " %c %d", &state, &ppid) == 2 && ppid == self) ++count;
    }
    closedir(dir);
    return count;
}

// A "SigXxx:" mask from /proc/<pid>/status text.
inline std::uint64_t signal_field(const std::string& status, const std::string& field) {
    std::size_t at = status.find(field + ":");
    if (at == std::string::npos) return ~std::uint64_t{0};
    return std::strtoull(status.c_str() + at + field.size() + 1, nullptr, 16);
}

inline std::uint64_t signal_bit(int sig) {
    return std::uint64_t{1} << (sig - 1);
}

// A scratch directory for files the tests create, removed with its contents at the end.
class ScratchDir {
  public:
    ScratchDir() {
        char pattern[] = "/tmp/vsh-backend-test-XXXXXX";
        if (mkdtemp(pattern) == nullptr) std::abort();
        path = pattern;
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    std::string file(const std::string& name, const std::string& content, mode_t mode) const {
        std::string full = path + "/" + name;
        int fd = open(full.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
        if (fd < 0) std::abort();
        ssize_t written = write(fd, content.data(), content.size());
        (void)written;
        close(fd);
        chmod(full.c_str(), mode);
        return full;
    }
    std::string path;
};

}  // namespace vsh::test_backend
