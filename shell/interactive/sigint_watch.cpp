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
// A handler displaced by the watch, called after the flag is set (the trap table's takes the
// siginfo: where the signal came from). Written only while the signal is not yet redirected
// here, read only from the handler.
struct Chained {
    void (*plain)(int) = nullptr;
    void (*with_info)(int, siginfo_t*, void*) = nullptr;

    void set(const struct sigaction& sa) {
        plain = nullptr;
        with_info = nullptr;
        if ((sa.sa_flags & SA_SIGINFO) != 0) {
            with_info = sa.sa_sigaction;
        } else if (sa.sa_handler != SIG_DFL && sa.sa_handler != SIG_IGN) {
            plain = sa.sa_handler;
        }
    }
    void call(int signal, siginfo_t* info, void* context) const {
        if (with_info != nullptr) {
            with_info(signal, info, context);
        } else if (plain != nullptr) {
            plain(signal);
        }
    }
};
Chained chained_int;
Chained chained_winch;
Chained chained_chld;

void on_sigint(int signal, siginfo_t* info, void* context) {
    sigint_seen = 1;
    chained_int.call(signal, info, context);
}

void on_sigwinch(int signal, siginfo_t* info, void* context) {
    sigwinch_seen = 1;
    chained_winch.call(signal, info, context);
}

void on_sigchld(int signal, siginfo_t* info, void* context) {
    sigchld_seen = 1;
    chained_chld.call(signal, info, context);
}

void install(int signal, void (*handler)(int, siginfo_t*, void*), struct sigaction* previous) {
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(signal, &sa, previous);
}

bool ignored(const struct sigaction& sa) {
    return (sa.sa_flags & SA_SIGINFO) == 0 && sa.sa_handler == SIG_IGN;
}

}  // namespace

SigintWatch::SigintWatch(ChildWatch children) {
    sigint_seen = 0;
    sigwinch_seen = 0;
    sigchld_seen = 0;
    struct sigaction current;
    sigaction(SIGINT, nullptr, &current);
    // `trap '' INT` means Ctrl-C does nothing at all, at the prompt too.
    if (!ignored(current)) {
        chained_int.set(current);
        install(SIGINT, on_sigint, &previous_int_);
        watching_int_ = true;
    }
    sigaction(SIGWINCH, nullptr, &current);
    chained_winch.set(current);
    install(SIGWINCH, on_sigwinch, &previous_winch_);
    if (children == ChildWatch::Yes) {
        sigaction(SIGCHLD, nullptr, &current);
        if (!ignored(current)) {
            chained_chld.set(current);
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
