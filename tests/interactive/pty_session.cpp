#include "tests/interactive/pty_session.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <dirent.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace vsh::pty_test {
namespace {

using Clock = std::chrono::steady_clock;

}  // namespace

std::string normalize_terminal_output(const std::string& raw) {
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == '\r') continue;
        if (c != '\033') {
            out += c;
            continue;
        }
        if (i + 1 >= raw.size()) break;
        char kind = raw[i + 1];
        if (kind == '[') {
            // CSI: parameters and intermediates, then a final byte in @..~.
            std::size_t j = i + 2;
            while (j < raw.size() && (raw[j] < 0x40 || raw[j] > 0x7e)) ++j;
            i = j;
        } else if (kind == ']') {
            // OSC: up to BEL or ESC backslash.
            std::size_t j = i + 2;
            while (j < raw.size() && raw[j] != '\a' && !(raw[j] == '\033' && j + 1 < raw.size()))
                ++j;
            i = j < raw.size() && raw[j] == '\033' ? j + 1 : j;
        } else {
            i += 1;
        }
    }
    return out;
}

PtySession::PtySession(const LaunchOptions& options) {
    struct winsize size {};
    size.ws_row = 24;
    size.ws_col = 200;  // Wide, so readline never wraps or scrolls a test's command line.
    std::vector<std::string> env_strings;
    for (const auto& [name, value] : options.environment) env_strings.push_back(name + "=" + value);
    std::vector<char*> envp;
    for (std::string& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<std::string> arg_strings{options.argv0};
    arg_strings.insert(arg_strings.end(), options.args.begin(), options.args.end());
    std::vector<char*> argv;
    for (std::string& s : arg_strings) argv.push_back(s.data());
    argv.push_back(nullptr);

    pid_t pid = forkpty(&master_, nullptr, nullptr, &size);
    if (pid < 0) {
        error_ = std::string("forkpty: ") + std::strerror(errno);
        master_ = -1;
        return;
    }
    if (pid == 0) {
        // The child: a fresh session whose controlling terminal is the pty's slave side.
        for (int s = 1; s < NSIG; ++s) signal(s, SIG_DFL);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        umask(022);
        if (!options.working_directory.empty() && chdir(options.working_directory.c_str()) != 0)
            _exit(126);
        execve(options.vsh_path.c_str(), argv.data(), envp.data());
        _exit(127);
    }
    pid_ = pid;
    fcntl(master_, F_SETFL, fcntl(master_, F_GETFL) | O_NONBLOCK);
    fcntl(master_, F_SETFD, FD_CLOEXEC);
}

PtySession::~PtySession() {
    if (pid_ > 0 && !exit_status_) {
        kill(pid_, SIGKILL);
        int status;
        waitpid(pid_, &status, 0);
    }
    if (master_ >= 0) close(master_);
}

void PtySession::send(const std::string& keys) {
    std::size_t done = 0;
    auto deadline = Clock::now() + kPatience;
    while (done < keys.size() && Clock::now() < deadline) {
        ssize_t n = write(master_, keys.data() + done, keys.size() - done);
        if (n > 0) {
            done += static_cast<std::size_t>(n);
        } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
            (void)pump(10ms);  // The pty's buffer is full: let the shell's output drain.
        } else {
            return;
        }
    }
}

bool PtySession::pump(std::chrono::milliseconds wait) {
    if (master_ < 0) return false;
    pollfd p{master_, POLLIN, 0};
    int ready = poll(&p, 1, static_cast<int>(wait.count()));
    if (ready <= 0) return true;
    char buffer[4096];
    bool open = true;
    for (;;) {
        ssize_t n = read(master_, buffer, sizeof buffer);
        if (n > 0) {
            raw_.append(buffer, static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        // EAGAIN: drained for now. EIO or 0: every slave descriptor is closed.
        if (n == 0 || (n < 0 && errno != EAGAIN)) open = false;
        break;
    }
    shown_ = normalize_terminal_output(raw_);
    return open;
}

bool PtySession::expect(const std::string& text, std::chrono::milliseconds patience) {
    auto deadline = Clock::now() + patience;
    for (;;) {
        std::size_t at = shown_.find(text, cursor_);
        if (at != std::string::npos) {
            cursor_ = at + text.size();
            return true;
        }
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left <= 0ms) return false;
        if (!pump(std::min(left, std::chrono::milliseconds(100)))) {
            // The terminal closed: one last look at what arrived.
            at = shown_.find(text, cursor_);
            if (at == std::string::npos) return false;
            cursor_ = at + text.size();
            return true;
        }
    }
}

void PtySession::hang_up() {
    if (master_ >= 0) close(master_);
    master_ = -1;
}

void PtySession::resize(unsigned short rows, unsigned short columns) {
    struct winsize size {};
    size.ws_row = rows;
    size.ws_col = columns;
    // The kernel sends SIGWINCH to the foreground group when the size changes.
    if (master_ >= 0) (void)ioctl(master_, TIOCSWINSZ, &size);
}

pid_t PtySession::foreground_group() const {
    return master_ >= 0 ? tcgetpgrp(master_) : -1;
}

bool PtySession::reap() {
    if (exit_status_) return true;
    int status = 0;
    pid_t got = waitpid(pid_, &status, WNOHANG);
    if (got != pid_) return false;
    exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return true;
}

std::string read_proc_file(const std::string& path) {
    std::string text;
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return text;
    char buf[4096];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        text.append(buf, static_cast<std::size_t>(n));
    }
    close(fd);
    return text;
}

namespace {

// Whether /proc/PID/stat says the process is named `command` and belongs to `session`.
bool process_matches(const std::string& pid, const std::string& command, pid_t session) {
    std::string stat = read_proc_file("/proc/" + pid + "/stat");
    std::size_t open = stat.find('(');
    std::size_t close = stat.rfind(')');
    if (open == std::string::npos || close == std::string::npos || close < open) return false;
    if (stat.substr(open + 1, close - open - 1) != command) return false;
    // After the name: state, ppid, pgrp, session.
    std::istringstream fields(stat.substr(close + 1));
    std::string state;
    long ppid = 0, pgrp = 0, sid = 0;
    fields >> state >> ppid >> pgrp >> sid;
    return sid == session;
}

}  // namespace

bool PtySession::wait_for_process(const std::string& command, std::chrono::milliseconds patience) {
    auto deadline = Clock::now() + patience;
    for (;;) {
        if (DIR* proc = opendir("/proc"); proc != nullptr) {
            bool found = false;
            while (const dirent* entry = readdir(proc)) {
                if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
                if (process_matches(entry->d_name, command, pid_)) {
                    found = true;
                    break;
                }
            }
            closedir(proc);
            if (found) return true;
        }
        if (Clock::now() >= deadline) return false;
        (void)pump(20ms);
    }
}

std::optional<int> PtySession::wait_exit(std::chrono::milliseconds patience) {
    auto deadline = Clock::now() + patience;
    while (!reap()) {
        if (Clock::now() >= deadline) {
            kill(pid_, SIGKILL);
            int status;
            waitpid(pid_, &status, 0);
            exit_status_ = std::nullopt;
            pid_ = -1;
            return std::nullopt;
        }
        // Once the terminal is closed poll() returns at once; do not spin on it.
        if (!pump(20ms)) usleep(10000);
    }
    (void)pump(0ms);
    return exit_status_;
}

}  // namespace vsh::pty_test
