#include "shell/interactive/sigint_watch.hpp"

#include <poll.h>

#include <cerrno>
#include <cstring>

#include "shell/traps/traps.hpp"

namespace vsh::interactive {
namespace {

volatile sig_atomic_t sigint_seen = 0;
volatile sig_atomic_t sigwinch_seen = 0;
volatile sig_atomic_t sigchld_seen = 0;
// The handlers displaced by the watch, called after the flag is set. Written only while the
// signals are not yet redirected here, read only from the handlers.
void (*chained_int)(int) = nullptr;
void (*chained_winch)(int) = nullptr;
void (*chained_chld)(int) = nullptr;

bool is_function(void (*handler)(int)) {
    return handler != SIG_DFL && handler != SIG_IGN;
}

void on_sigint(int signal) {
    sigint_seen = 1;
    if (chained_int != nullptr) chained_int(signal);
}

void on_sigwinch(int signal) {
    sigwinch_seen = 1;
    if (chained_winch != nullptr) chained_winch(signal);
}

void on_sigchld(int signal) {
    sigchld_seen = 1;
    if (chained_chld != nullptr) chained_chld(signal);
}

void install(int signal, void (*handler)(int), struct sigaction* previous) {
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sigaction(signal, &sa, previous);
}

}  // namespace

SigintWatch::SigintWatch(ChildWatch children) {
    sigint_seen = 0;
    sigwinch_seen = 0;
    sigchld_seen = 0;
    struct sigaction current;
    sigaction(SIGINT, nullptr, &current);
    // `trap '' INT` means Ctrl-C does nothing at all, at the prompt too.
    if (current.sa_handler != SIG_IGN && (current.sa_flags & SA_SIGINFO) == 0) {
        chained_int = is_function(current.sa_handler) ? current.sa_handler : nullptr;
        install(SIGINT, on_sigint, &previous_int_);
        watching_int_ = true;
    }
    sigaction(SIGWINCH, nullptr, &current);
    chained_winch = (current.sa_flags & SA_SIGINFO) == 0 && is_function(current.sa_handler)
                        ? current.sa_handler
                        : nullptr;
    install(SIGWINCH, on_sigwinch, &previous_winch_);
    if (children == ChildWatch::Yes) {
        sigaction(SIGCHLD, nullptr, &current);
        if (current.sa_handler != SIG_IGN && (current.sa_flags & SA_SIGINFO) == 0) {
            chained_chld = is_function(current.sa_handler) ? current.sa_handler : nullptr;
            install(SIGCHLD, on_sigchld, &previous_chld_);
            watching_chld_ = true;
            // A child may have ended before the handler was in place: look once at the start.
            sigchld_seen = 1;
        }
    }
}

SigintWatch::~SigintWatch() {
    if (watching_int_) sigaction(SIGINT, &previous_int_, nullptr);
    sigaction(SIGWINCH, &previous_winch_, nullptr);
    if (watching_chld_) sigaction(SIGCHLD, &previous_chld_, nullptr);
}

SigintWatch::Wake SigintWatch::wait_for_input(int fd, bool traps) {
    sigset_t all;
    sigset_t old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    Wake wake = Wake::Signal;
    if (sigint_seen == 0 && sigwinch_seen == 0 && sigchld_seen == 0 &&
        !(traps && TrapTable::pending())) {
        pollfd input{fd, POLLIN, 0};
        int ready = ppoll(&input, 1, nullptr, &old);
        if (ready >= 0) {
            wake = Wake::Input;
        } else if (errno != EINTR) {
            wake = Wake::Error;
        }
    }
    const int saved_errno = errno;
    sigprocmask(SIG_SETMASK, &old, nullptr);
    errno = saved_errno;
    return wake;
}

SigintWatch::Wake SigintWatch::wait_for_key(int fd) {
    sigset_t all;
    sigset_t old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    Wake wake = Wake::Signal;
    for (;;) {
        if (sigint_seen != 0) break;
        pollfd input{fd, POLLIN, 0};
        int ready = ppoll(&input, 1, nullptr, &old);
        if (ready >= 0) {
            wake = Wake::Input;
            break;
        }
        if (errno != EINTR) {
            wake = Wake::Error;
            break;
        }
    }
    if (wake == Wake::Signal) sigint_seen = 0;
    const int saved_errno = errno;
    sigprocmask(SIG_SETMASK, &old, nullptr);
    errno = saved_errno;
    return wake;
}

bool SigintWatch::caught() {
    bool seen = sigint_seen != 0;
    sigint_seen = 0;
    return seen;
}

bool SigintWatch::child_changed() {
    bool seen = sigchld_seen != 0;
    sigchld_seen = 0;
    return seen;
}

bool SigintWatch::resized() {
    bool seen = sigwinch_seen != 0;
    sigwinch_seen = 0;
    return seen;
}

}  // namespace vsh::interactive
