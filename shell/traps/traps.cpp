#include "shell/traps/traps.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <utility>

namespace vsh {

volatile sig_atomic_t TrapTable::pending_any_ = 0;
volatile sig_atomic_t TrapTable::pending_[TrapTable::kMaxSignal] = {};
volatile sig_atomic_t TrapTable::other_sender_[TrapTable::kMaxSignal] = {};

TrapTable::TrapTable() {
    sigemptyset(&child_defaults_);
}

void TrapTable::on_signal(int signal, siginfo_t* info, void*) {
    if (signal > 0 && signal < kMaxSignal) {
        // Where it came from decides what a subshell run in this process makes of it
        // (take_subshell_signal): the kernel's (the terminal's Ctrl-C, a hang-up) reach the
        // whole process group, this process's own (SIGPIPE on its write) only it, another
        // process's kill only it (and that process may be one the subshell started).
        sig_atomic_t from = kFromOther;
        if (info != nullptr && info->si_code == SI_KERNEL) from = kFromKernel;
        if (info != nullptr && info->si_code == SI_USER && info->si_pid == getpid())
            from = kFromSelf;
        if (from == kFromOther) other_sender_[signal] = info != nullptr ? info->si_pid : 0;
        pending_[signal] = static_cast<sig_atomic_t>(pending_[signal] | from);
        pending_any_ = 1;
    }
}

bool TrapTable::ignored_on_entry(int signal) {
    if (signal <= 0 || signal >= kMaxSignal) return false;
    if (!entry_known_[signal]) {
        struct sigaction sa;
        ignored_on_entry_[signal] =
            sigaction(signal, nullptr, &sa) == 0 && sa.sa_handler == SIG_IGN;
        entry_known_[signal] = true;
    }
    return ignored_on_entry_[signal];
}

void TrapTable::install(int signal) {
    if (signal == SIGKILL || signal == SIGSTOP) return;  // Their disposition cannot change.
    (void)ignored_on_entry(signal);  // Learn the entry state before changing it.
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    switch (traps_[signal].kind) {
        case TrapKind::Command:
            // No SA_RESTART: a blocking wait or read must see EINTR so the trap runs promptly.
            sa.sa_sigaction = on_signal;
            sa.sa_flags = SA_SIGINFO;
            break;
        case TrapKind::Ignore:
            sa.sa_handler = SIG_IGN;
            break;
        case TrapKind::Default:
            sa.sa_handler = SIG_DFL;
            if (interactive_ && (signal == SIGINT || signal == SIGQUIT || signal == SIGTERM)) {
                // An interactive shell catches INT (to abandon the line), unless it was
                // ignored on entry: then it stays ignored, and so do the commands it runs.
                const bool catch_it = signal == SIGINT && !ignored_on_entry(signal);
                if (catch_it) {
                    sa.sa_sigaction = on_signal;
                    sa.sa_flags = SA_SIGINFO;
                } else {
                    sa.sa_handler = SIG_IGN;
                }
            }
            break;
    }
    sigaction(signal, &sa, nullptr);
}

bool TrapTable::set(int signal, TrapKind kind, std::string action) {
    parent_traps_.reset();
    if (signal < 0 || signal >= kMaxSignal) return false;
    // POSIX leaves a trap on KILL or STOP undefined. As in dash, bash and mksh it is kept
    // (`trap` lists it) and has no effect; failing would end `set -e` scripts that write
    // `trap cleanup INT TERM KILL`.
    const bool untrappable = signal == SIGKILL || signal == SIGSTOP;
    if (signal != 0 && !untrappable && ignored_on_entry(signal) && !interactive_) return true;
    // An interactive shell may trap or reset a signal ignored on entry (XCU 2.11 limits only
    // a non-interactive one). Once set, it no longer counts as ignored on entry: commands
    // the shell runs (and its subshells, which reset a command trap) get the default action,
    // not the inherited SIG_IGN.
    if (signal != 0 && interactive_ && ignored_on_entry(signal)) ignored_on_entry_[signal] = false;
    traps_[signal].kind = kind;
    traps_[signal].action = std::move(action);
    if (signal != 0) install(signal);
    recompute_child_defaults();
    return true;
}

bool TrapTable::any_set() const {
    for (const Trap& t : traps_)
        if (t.kind != TrapKind::Default) return true;
    return false;
}

int TrapTable::take_subshell_signal(std::span<const pid_t> subshell_children) {
    for (int s = 1; s < kMaxSignal; ++s) {
        const sig_atomic_t from = pending_[s];
        // A kill from a process the subshell started (sh -c 'kill $PPID') was the subshell's.
        const bool from_child =
            (from & kFromOther) != 0 &&
            std::find(subshell_children.begin(), subshell_children.end(),
                      static_cast<pid_t>(other_sender_[s])) != subshell_children.end();
        if ((from & (kFromKernel | kFromSelf)) == 0 && !from_child) continue;
        switch (s) {
            case SIGCHLD:
            case SIGCONT:
            case SIGURG:
            case SIGWINCH:
            case SIGSTOP:
            case SIGTSTP:
            case SIGTTIN:
            case SIGTTOU:
                continue;
            default:
                // Its own, or its child's: the shell, outside the subshell, never had it. The
                // kernel's: the shell had it too, and its action runs after the subshell.
                pending_[s] =
                    static_cast<sig_atomic_t>(from & ~kFromSelf & ~(from_child ? kFromOther : 0));
                return s;
        }
    }
    return 0;
}

void TrapTable::recompute_child_defaults() {
    sigemptyset(&child_defaults_);
    for (int s = 1; s < kMaxSignal; ++s) {
        if (traps_[s].kind == TrapKind::Command && s != SIGKILL && s != SIGSTOP)
            sigaddset(&child_defaults_, s);
    }
    if (interactive_) {
        for (int s : {SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU}) {
            bool kept_ignored = entry_known_[s] && ignored_on_entry_[s];
            if (traps_[s].kind != TrapKind::Ignore && !kept_ignored) sigaddset(&child_defaults_, s);
        }
    }
}

void TrapTable::ignore_for_async_list() {
    // Ignored, but not "ignored on entry": that rule is about entering a shell, and this is a
    // subshell, so a trap in it may still catch or reset them (`(trap - INT; ...) &` dies of a
    // SIGINT, as in mksh and yash). Commands it runs keep them ignored until a trap says else.
    async_ignored_ = true;
    for (int s : {SIGINT, SIGQUIT}) {
        traps_[s] = Trap{};
        pending_[s] = 0;
        ignored_on_entry_[s] = false;
        entry_known_[s] = true;
        signal(s, SIG_IGN);
    }
    recompute_child_defaults();
}

std::optional<std::string> TrapTable::take_pending_action() {
    for (;;) {
        for (; scan_ < kMaxSignal; ++scan_) {
            if (!pending_[scan_]) continue;
            pending_[scan_] = 0;
            if (traps_[scan_].kind == TrapKind::Command) return traps_[scan_++].action;
        }
        if (!pending_any_) return std::nullopt;
        pending_any_ = 0;
        scan_ = 1;
    }
}

bool TrapTable::take_interrupt() {
    if (!interactive_ || !pending_[SIGINT] || traps_[SIGINT].kind != TrapKind::Default)
        return false;
    pending_[SIGINT] = 0;
    return true;
}

std::optional<std::string> TrapTable::take_exit_action() {
    if (traps_[0].kind != TrapKind::Command) return std::nullopt;
    std::string action = std::move(traps_[0].action);
    traps_[0] = Trap{};
    return action;
}

void TrapTable::reset_for_subshell() {
    // A nested subshell entered before any trap was set keeps showing the outer parent's.
    if (!parent_traps_) {
        for (const Trap& t : traps_) {
            if (t.kind != TrapKind::Command) continue;
            parent_traps_ = traps_;
            break;
        }
    }
    for (int s = 0; s < kMaxSignal; ++s) {
        if (traps_[s].kind == TrapKind::Command) {
            traps_[s] = Trap{};
            if (s != 0) install(s);
        }
    }
    if (interactive_) {
        // A subshell of an interactive shell is not interactive: INT, QUIT and TERM get their
        // default action back (unless a trap says otherwise, or they were ignored on entry),
        // so `(trap - INT; ...)` or a plain `( ... )` dies of them as in dash and mksh.
        interactive_ = false;
        for (int s : {SIGINT, SIGQUIT, SIGTERM}) {
            if (traps_[s].kind == TrapKind::Default) {
                const bool async = async_ignored_ && s != SIGTERM;
                signal(s, ignored_on_entry(s) || async ? SIG_IGN : SIG_DFL);
            }
        }
        // The interactive parent could trap or reset a signal ignored on its entry; the
        // subshell, which was not entered ignoring it, can as well (it keeps the disposition
        // until it does).
        for (int s = 1; s < kMaxSignal; ++s) {
            entry_known_[s] = true;
            ignored_on_entry_[s] = false;
        }
    }
    pending_any_ = 0;
    for (int s = 0; s < kMaxSignal; ++s) pending_[s] = 0;
    running_action_.reset();  // An exit in a subshell ends the subshell, not the action.
    recompute_child_defaults();
}

void TrapTable::prepare_forked_child() {
    auto keep_ignored = [this](int s) {
        return traps_[s].kind == TrapKind::Ignore || (entry_known_[s] && ignored_on_entry_[s]);
    };
    for (int s = 1; s < kMaxSignal; ++s) {
        if (traps_[s].kind == TrapKind::Command && s != SIGKILL && s != SIGSTOP) signal(s, SIG_DFL);
    }
    if (!interactive_) return;
    for (int s : {SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU})
        if (!keep_ignored(s)) signal(s, SIG_DFL);
}

void TrapTable::setup_interactive(bool job_control) {
    interactive_ = true;
    install(SIGINT);
    install(SIGQUIT);
    install(SIGTERM);
    if (job_control) {
        signal(SIGTSTP, SIG_IGN);
        signal(SIGTTIN, SIG_IGN);
        signal(SIGTTOU, SIG_IGN);
    }
    recompute_child_defaults();
}

}  // namespace vsh
