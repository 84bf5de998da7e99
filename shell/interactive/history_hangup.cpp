#include "shell/interactive/history_hangup.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace vsh::interactive {
namespace {

// Read by the handler only; written with SIGHUP blocked, so the handler never sees them half
// changed.
std::string pending_path;
std::string pending_record;
// A forked subshell inherits the handler but must not write its parent's pending command.
pid_t owner_pid = 0;

// Async-signal-safe only: open, fcntl, write, close, sigaction, sigprocmask, raise.
void on_hangup(int signal) {
    int saved_errno = errno;
    if (getpid() == owner_pid && !pending_path.empty() && !pending_record.empty()) {
        int fd =
            open(pending_path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY, 0600);
        if (fd >= 0) {
            struct flock lock {};
            lock.l_type = F_WRLCK;
            lock.l_whence = SEEK_SET;
            if (fcntl(fd, F_SETLKW, &lock) == 0) {
                const char* data = pending_record.data();
                std::size_t left = pending_record.size();
                while (left > 0) {
                    ssize_t n = write(fd, data, left);
                    if (n < 0 && errno == EINTR) continue;
                    if (n <= 0) break;
                    data += n;
                    left -= static_cast<std::size_t>(n);
                }
            }
            close(fd);
        }
    }
    // Die of the signal, as the shell would have without this handler.
    struct sigaction dfl;
    std::memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(signal, &dfl, nullptr);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signal);
    sigprocmask(SIG_UNBLOCK, &set, nullptr);
    raise(signal);
    errno = saved_errno;
}

}  // namespace

void save_history_on_hangup() {
    struct sigaction current;
    if (sigaction(SIGHUP, nullptr, &current) != 0 || current.sa_handler != SIG_DFL) return;
    owner_pid = getpid();
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_hangup;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGHUP, &sa, nullptr);
}

HangupDeferred::HangupDeferred() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_BLOCK, &set, &saved_);
}

HangupDeferred::~HangupDeferred() {
    sigprocmask(SIG_SETMASK, &saved_, nullptr);
}

void set_pending_history(const std::string& path, const std::string& record) {
    HangupDeferred deferred;
    pending_path = path;
    pending_record = record;
}

void clear_pending_history() {
    HangupDeferred deferred;
    pending_record.clear();
}

}  // namespace vsh::interactive
