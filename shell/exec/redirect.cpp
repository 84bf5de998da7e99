#include "shell/exec/redirect.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "shell/base/pipe_peek.hpp"
#include "shell/core/shell.hpp"
#include "shell/core/trap_actions.hpp"
#include "shell/expand/expand.hpp"
#include "shell/traps/traps.hpp"

namespace vsh {

namespace {

// Internal copies live at or above this fd, out of the way of the user's 0-9.
constexpr int kFirstInternalFd = 10;

bool parse_fd_number(const std::string& s, int* fd) {
    if (s.empty() || s.size() > 9) return false;
    int n = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        n = n * 10 + (c - '0');
    }
    *fd = n;
    return true;
}

// Moves a descriptor we own above the user's range, so that an fd move applied earlier in the
// same command (`3<&0 <file`) cannot overwrite it.
int move_high(int fd) {
    if (fd < 0 || fd >= kFirstInternalFd) return fd;
    int high = fcntl(fd, F_DUPFD_CLOEXEC, kFirstInternalFd);
    // For the caller's message: EINVAL means the limit on descriptors is below the first
    // internal one, i.e. there is no descriptor to move to.
    const int saved_errno = high < 0 && errno == EINVAL ? EMFILE : errno;
    close(fd);
    errno = saved_errno;
    return high;
}

// The descriptor a path opens a copy of, when it names one of the opening process's own
// descriptors: /dev/stdin, /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N. Else -1.
int names_own_fd(const std::string& path) {
    if (path == "/dev/stdin") return 0;
    if (path == "/dev/stdout") return 1;
    if (path == "/dev/stderr") return 2;
    for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
        int fd;
        if (path.starts_with(prefix) && parse_fd_number(path.substr(prefix.size()), &fd)) return fd;
    }
    return -1;
}

// open() for a redirection. Opening a FIFO blocks until the other end is opened; a trapped
// signal that interrupts the wait has its action run at once (as bash does: `trap ... TERM`
// must not wait for a writer that may never come), and the open then resumes unless the
// action ended the shell (or a function: `exit`, `return`), which fails it with EINTR.
int open_waiting(Shell& sh, const std::string& path, int flags) {
    for (;;) {
        int fd = open(path.c_str(), flags, 0666);
        if (fd >= 0 || errno != EINTR) return fd;
        if (!TrapTable::pending()) continue;
        run_pending_traps(sh);
        if (sh.jump != Jump::None) {
            errno = EINTR;
            return -1;
        }
    }
}

// Opens a redirection's file (`<`, `>`, `>|`, `>>`, `<>`), O_CLOEXEC and above the user's
// descriptors: `path` is what is opened, `target` what the user wrote (for messages; they
// differ for /dev/stdout & co., see prepare). On error prints the message and returns -1.
int open_target(Shell& sh, const std::string& path, const std::string& target, ast::RedirOp op) {
    using ast::RedirOp;
    int flags = O_CLOEXEC;
    switch (op) {
        case RedirOp::Input:
            flags |= O_RDONLY;
            break;
        case RedirOp::Output:
        case RedirOp::Clobber:
            flags |= O_WRONLY | O_CREAT | O_TRUNC;
            break;
        case RedirOp::Append:
            flags |= O_WRONLY | O_CREAT | O_APPEND;
            break;
        case RedirOp::ReadWrite:
            flags |= O_RDWR | O_CREAT;
            break;
        default:
            break;
    }
    int fd;
    if (op == RedirOp::Output && sh.options.noclobber) {
        // noclobber: refuse to truncate an existing regular file, but /dev/null etc. are fine.
        fd = open_waiting(sh, path, (flags & ~O_TRUNC) | O_EXCL);
        if (fd < 0 && errno == EEXIST) {
            struct stat st;
            if (stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
                sh.error("cannot create " + target + ": file exists (noclobber is set)");
                return -1;
            }
            fd = open_waiting(sh, path, flags & ~O_TRUNC & ~O_CREAT);
        }
    } else {
        fd = open_waiting(sh, path, flags);
    }
    if (fd < 0 && sh.jump != Jump::None) return -1;  // A trap's `exit`: nothing to report.
    const bool reading = op == RedirOp::Input;
    if (fd >= 0) fd = move_high(fd);
    if (fd < 0) {
        // Also when the file opened but could not be moved above the user's descriptors
        // (ulimit -n of 10 or less): a redirection must not fail without a word.
        sh.error(std::string(reading ? "cannot open " : "cannot create ") + target + ": " +
                 std::strerror(errno));
        return -1;
    }
    return fd;
}

// Whether `path` names a FIFO (following symbolic links, as open() does).
bool names_fifo(const std::string& path) {
    struct stat st;
    return stat(path.c_str(), &st) == 0 && S_ISFIFO(st.st_mode);
}

}  // namespace

int redirection_failure_status(const Shell& sh) {
    return sh.jump == Jump::None ? 1 : sh.last_status;
}

int here_document_fd(const std::string& content) {
    // Small bodies fit in a pipe's buffer, so writing them all before the reader starts
    // cannot block. Larger ones go to a memory file.
    if (content.size() <= 4096) {
        int p[2];
        if (pipe2(p, O_CLOEXEC) == 0) {
            write_all(p[1], content);
            close(p[1]);
            return p[0];
        }
    }
    int fd = memfd_create("vsh-here-document", MFD_CLOEXEC);
    if (fd < 0) return -1;
    if (!write_all(fd, content) || lseek(fd, 0, SEEK_SET) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

bool SavedFds::save(int fd) {
    for (const Saved& s : saved_)
        if (s.fd == fd) return true;
    int copy = fcntl(fd, F_DUPFD_CLOEXEC, kFirstInternalFd);
    // EBADF: fd was not open, and restore() closes it again. Anything else (EMFILE, or
    // EINVAL when the limit is at or below kFirstInternalFd) leaves an open fd unsaved.
    if (copy < 0 && errno != EBADF) return false;
    saved_.push_back(Saved{fd, copy});
    return true;
}

void SavedFds::restore() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
        if (it->copy >= 0) {
            dup2(it->copy, it->fd);
            close(it->copy);
        } else {
            close(it->fd);
        }
    }
    saved_.clear();
}

int SavedFds::original(int fd) const {
    for (const Saved& s : saved_)
        if (s.fd == fd) return s.copy;
    return fd;
}

PreparedRedirections::~PreparedRedirections() {
    for (int fd : owned_) close(fd);
}

bool PreparedRedirections::prepare(Shell& sh, const std::vector<ast::Redirection>& redirections,
                                   FifoOpen fifo_open, std::span<const FdMove> pending) {
    Expander expander(sh);
    for (const ast::Redirection& r : redirections) {
        if (r.span.begin.line != 0) sh.lineno = r.span.begin.line;
        using ast::RedirOp;
        if (r.op == RedirOp::HereDoc) {
            std::string body = expander.expand_string(r.target);
            int fd = move_high(here_document_fd(body));
            if (fd < 0) {
                sh.error(std::string("cannot create here-document: ") + std::strerror(errno));
                return false;
            }
            owned_.push_back(fd);
            moves_.push_back(FdMove{r.fd, fd});
            continue;
        }
        std::string target = expander.expand_string(r.target);
        if (r.op == RedirOp::DupInput || r.op == RedirOp::DupOutput) {
            if (target == "-") {
                moves_.push_back(FdMove{r.fd, -1});
                continue;
            }
            int source;
            if (!parse_fd_number(target, &source)) {
                sh.error(target + ": bad file descriptor number");
                return false;
            }
            // The source must be open as the earlier redirections of this command leave it
            // (`3>&- >&3` fails), or now, if none of them touched it.
            bool touched = false, open_then = false;
            for (const FdMove& m : moves_) {
                if (m.fd != source) continue;
                touched = true;
                open_then = m.source >= 0;
            }
            if (touched ? !open_then : fcntl(source, F_GETFD) < 0) {
                sh.error(target + ": bad file descriptor");
                return false;
            }
            moves_.push_back(FdMove{r.fd, source});
            continue;
        }
        // Files are opened here, before any move is made, but a path naming an fd of the
        // process (`>f 2>/dev/stdout`, `cmd >/dev/stdout | ...`) must see the moves made
        // before it: it is opened through the descriptor that will have been moved there.
        // (One that a deferred FIFO open will fill is not known yet: the path is opened as is.)
        std::string path = target;
        if (int own = names_own_fd(target); own >= 0) {
            int now = own;
            bool deferred = false;
            for (const FdMove& m : pending)
                if (m.fd == own) now = m.source;
            for (std::size_t i = 0; i < moves_.size(); ++i) {
                if (moves_[i].fd != own) continue;
                now = moves_[i].source;
                deferred = std::any_of(deferred_.begin(), deferred_.end(),
                                       [i](const DeferredOpen& d) { return d.move == i; });
            }
            if (deferred) {
                now = own;
            } else if (now < 0) {
                sh.error(target + ": bad file descriptor");
                return false;
            }
            if (now != own) path = "/dev/fd/" + std::to_string(now);
        } else if (fifo_open == FifoOpen::Defer && names_fifo(target)) {
            // (A path naming an fd is a copy of a descriptor, a pipe's too: no wait for a peer.)
            deferred_.push_back(DeferredOpen{moves_.size(), std::move(target), r.op});
            moves_.push_back(FdMove{r.fd, -1});
            continue;
        }
        int fd = open_target(sh, path, target, r.op);
        if (fd < 0) return false;
        owned_.push_back(fd);
        moves_.push_back(FdMove{r.fd, fd});
    }
    return true;
}

bool PreparedRedirections::open_deferred(Shell& sh) {
    for (const DeferredOpen& d : deferred_) {
        int fd = open_target(sh, d.path, d.path, d.op);
        if (fd < 0) return false;
        owned_.push_back(fd);
        moves_[d.move].source = fd;
    }
    deferred_.clear();
    return true;
}

// The shell's own long-lived descriptors (timing log, terminal) live at 10 and above; a user's
// `exec 12>file` must not overwrite one of them, so it moves out of the way first (as bash
// moves its internal descriptors).
void move_internal_fd_away(int& internal, int target) {
    if (internal < kFirstInternalFd || internal != target) return;
    int moved = fcntl(internal, F_DUPFD_CLOEXEC, kFirstInternalFd);
    internal = moved;
}

bool PreparedRedirections::apply(Shell& sh, SavedFds* saved) {
    if (!open_deferred(sh)) return false;
    sh.flush_streams();
    for (const FdMove& m : moves_) {
        if (m.fd >= kFirstInternalFd) {
            move_internal_fd_away(sh.timing_log_fd, m.fd);
            move_internal_fd_away(sh.tty_fd, m.fd);
            release_pipe_peek_fd(m.fd);
        }
        if (saved != nullptr && !saved->save(m.fd)) {
            sh.error("cannot save descriptor " + std::to_string(m.fd) + ": " +
                     std::strerror(errno));
            return false;
        }
        if (m.source < 0) {
            close(m.fd);
            continue;
        }
        if (m.source == m.fd) {
            int fl = fcntl(m.fd, F_GETFD);
            if (fl >= 0) fcntl(m.fd, F_SETFD, fl & ~FD_CLOEXEC);
            continue;
        }
        if (dup2(m.source, m.fd) < 0) {
            sh.error(std::to_string(m.fd) + ": " + std::strerror(errno));
            return false;
        }
    }
    return true;
}

void PreparedRedirections::add_to_plan(backends::SpawnPlan& plan) const {
    for (const FdMove& m : moves_) {
        backends::FdAction a;
        a.fd = m.fd;
        if (m.source < 0) {
            a.kind = backends::FdActionKind::Close;
        } else {
            a.kind = backends::FdActionKind::Dup2;
            a.source_fd = m.source;
        }
        plan.fd_actions.push_back(std::move(a));
    }
}

}  // namespace vsh
