#include "shell/core/timing_log.hpp"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "shell/core/shell.hpp"
#include "shell/timing/record_format.hpp"

namespace vsh {

namespace {

// The file sh.timing_log_fd refers to (whether it opened or not), so that a new value of
// VSH_TIMING_LOG is noticed. One Shell lives per process, and a forked subshell inherits both
// this and its copy of the descriptor, so process-wide state is enough here.
std::string& log_path() {
    static std::string path;
    return path;
}

void warn(Shell& sh, std::string_view path, int error) {
    std::string message = "vsh: timing log ";
    message += path;
    message += ": ";
    message += std::strerror(error);
    message += '\n';
    sh.err.flush();
    sh.err.write(message);
    sh.err.flush();
}

// Opens `path` for appending on a descriptor >= kFirstInternalFd. Returns the fd, or -1 with
// errno set.
int open_log(const std::string& path) {
    int fd = open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0 || fd >= kFirstInternalFd) return fd;
    int moved = fcntl(fd, F_DUPFD_CLOEXEC, kFirstInternalFd);
    int saved = errno;
    close(fd);
    errno = saved;
    return moved;
}

void close_log(Shell& sh) {
    if (sh.timing_log_fd >= 0) close(sh.timing_log_fd);
    sh.timing_log_fd = -2;
}

}  // namespace

std::string_view timing_log_open_path() {
    return log_path();
}

void append_to_timing_log(Shell& sh, const ProcessRecord& record) {
    const std::string* value = sh.vars.get("VSH_TIMING_LOG");
    if (value == nullptr || value->empty()) return;
    if (sh.timing_log_fd != -2 && *value != log_path()) close_log(sh);
    if (sh.timing_log_fd == -2) {
        log_path() = *value;
        sh.timing_log_fd = open_log(*value);
        if (sh.timing_log_fd < 0) {
            sh.timing_log_fd = -1;
            warn(sh, *value, errno);
            return;
        }
    }
    if (sh.timing_log_fd < 0) return;  // Broken, and already reported.

    std::string line = timing_record_json(record, getpid());
    ssize_t written;
    do {
        written = write(sh.timing_log_fd, line.data(), line.size());
    } while (written < 0 && errno == EINTR);
    if (written < 0) {
        int error = errno;
        close(sh.timing_log_fd);
        sh.timing_log_fd = -1;
        warn(sh, *value, error);
    }
}

bool timing_log_wanted(const Shell& sh) {
    const std::string* log = sh.vars.get("VSH_TIMING_LOG");
    return log != nullptr && !log->empty();
}

bool timing_wanted(const Shell& sh) {
    return sh.timing_collector != nullptr || timing_log_wanted(sh);
}

void timing_record(Shell& sh, ProcessRecord&& record) {
    append_to_timing_log(sh, record);
    if (sh.timing_collector != nullptr) sh.timing_collector->records.push_back(std::move(record));
}

}  // namespace vsh
