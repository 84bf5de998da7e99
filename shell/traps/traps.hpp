// Traps (XCU 2.15 `trap`): what the shell does on each signal and on EXIT.
//
// Signal handlers only set a flag; the actions run at safe points (between commands, and when
// `wait` or `read` is interrupted), never inside the handler.
#pragma once

#include <signal.h>

#include <array>
#include <optional>
#include <span>
#include <string>
#include <utility>

namespace vsh {

enum class TrapKind : unsigned char {
    Default,  // No trap set: the signal's default (or what the shell set up for itself).
    Ignore,   // trap '' SIG
    Command,  // trap 'action' SIG
};

struct Trap {
    TrapKind kind = TrapKind::Default;
    std::string action;
};

class TrapTable {
  public:
    static constexpr int kMaxSignal = 65;  // Index 0 is EXIT.

    TrapTable();

    // Sets a trap; returns false for a signal that cannot be trapped (KILL, STOP) or was
    // ignored on entry (silently kept, as POSIX allows).
    bool set(int signal, TrapKind kind, std::string action);
    const Trap& get(int signal) const { return traps_[signal]; }
    // The trap `trap` lists for `signal`: in a subshell where no trap has been set yet, the
    // parent's (POSIX.1-2024 trap: `(trap)`, `trap | cat` and `x=$(trap)` show the traps of
    // the shell that started the subshell); otherwise the current one.
    const Trap& listed(int signal) const {
        return parent_traps_ ? (*parent_traps_)[signal] : traps_[signal];
    }

    // Whether any trap (other than Default) is set; the executor then may not exec the last
    // command in place.
    bool any_set() const;
    bool exit_trap_set() const { return traps_[0].kind == TrapKind::Command; }

    // While a trap action runs: $? from just before it, and the function and dot-script
    // depths it started at. An exit or return without an operand that ends the action uses
    // that status, not the current $? (XCU exit, return).
    struct RunningAction {
        int status_before;
        int function_depth;
        int dot_depth;
    };
    const std::optional<RunningAction>& running_action() const { return running_action_; }
    // While an action runs: its context (returned: the outer action's, to be restored).
    std::optional<RunningAction> enter_action(RunningAction now) {
        return std::exchange(running_action_, now);
    }
    void leave_action(std::optional<RunningAction> outer) { running_action_ = outer; }

    // True if a trapped signal arrived and its action has not run yet.
    static bool pending() { return pending_any_ != 0; }
    // For a subshell running in this process (exec/inline_subshell.hpp): the lowest-numbered
    // pending signal that would have ended it as a child, or 0. That is one whose default
    // action ends a process (not CHLD, CONT, URG, WINCH or a stop signal) and that the child
    // would have had: from the kernel (the terminal's Ctrl-C, a hang-up, which the shell had
    // too: still pending afterwards), from the subshell's own doing (SIGPIPE on its write) or
    // from one of `subshell_children`, the processes it started (a kill of $PPID there); those
    // two no longer pending, the shell never had them. Not a kill of the shell by another
    // process.
    static int take_subshell_signal(std::span<const pid_t> subshell_children);
    // The lowest-numbered signal whose action is pending, or 0.
    static int first_pending_signal() {
        for (int s = 1; s < kMaxSignal; ++s)
            if (pending_[s]) return s;
        return 0;
    }
    // The action of the next signal that arrived and whose trap has one (copied: running it
    // may reset the trap), its pending flag cleared; nullopt when none is left. Signals that
    // arrive meanwhile are found too. shell/core/trap_actions.hpp runs them.
    std::optional<std::string> take_pending_action();
    // In an interactive shell with no INT trap: whether Ctrl-C came (SIGINT is pending), which
    // then is no longer pending. The caller abandons the command it runs.
    bool take_interrupt();
    // The EXIT trap's action, taken so that it runs once; nullopt when there is none.
    std::optional<std::string> take_exit_action();

    // In a forked subshell: traps with commands are reset to default (XCU 2.12), ignored ones
    // stay ignored.
    void reset_for_subshell();

    // In a child just forked for shell code, with every signal still blocked (fork_shell): the
    // dispositions reset_for_subshell will leave it with, set now, so that a signal sent to
    // the child meanwhile is neither caught by a handler whose flag the reset then clears nor
    // discarded by an ignore that was the interactive parent's own. Signals trapped with an
    // action, and in an interactive shell SIGINT, SIGQUIT, SIGTERM and the job-control stops,
    // get SIG_DFL unless a trap or the shell's entry ignored them.
    void prepare_forked_child();

    // The signals the child of an exec must have reset to SIG_DFL: everything the shell
    // catches (traps with actions, and the shell's own handlers such as SIGINT in an
    // interactive shell), plus the job-control signals an interactive shell ignores.
    const sigset_t& child_default_signals() const { return child_defaults_; }

    // In the forked child of an asynchronous list without job control (XCU 2.11): SIGINT and
    // SIGQUIT become ignored, with no trap left from the parent; commands started from here
    // keep them ignored. A trap in the list itself may still catch or reset them.
    void ignore_for_async_list();
    // Installs the shell's own dispositions for an interactive shell with job control.
    void setup_interactive(bool job_control);

    // Whether `signal` was ignored when the shell started: POSIX says a non-interactive shell
    // may not trap or reset it, and children keep it ignored. Asked of the kernel the first
    // time, before the shell has changed that signal (start-up stays free of 64 syscalls).
    bool ignored_on_entry(int signal);

  private:
    std::array<Trap, kMaxSignal> traps_;
    // Set by reset_for_subshell when it dropped a trap with an action; cleared by set().
    std::optional<std::array<Trap, kMaxSignal>> parent_traps_;
    std::optional<RunningAction> running_action_;
    int scan_ = kMaxSignal;  // take_pending_action's place in its pass over pending_.
    std::array<bool, kMaxSignal> ignored_on_entry_{};
    std::array<bool, kMaxSignal> entry_known_{};
    sigset_t child_defaults_;
    bool interactive_ = false;
    bool async_ignored_ = false;  // INT and QUIT ignored for an asynchronous list.
    static volatile sig_atomic_t pending_any_;
    static volatile sig_atomic_t pending_[kMaxSignal];
    static volatile sig_atomic_t other_sender_[kMaxSignal];  // Who sent a kFromOther signal.
    static void on_signal(int signal, siginfo_t* info, void* context);
    // pending_[s]: where the signal came from since its action last ran (bits; 0: not pending).
    static constexpr sig_atomic_t kFromOther = 1;   // kill from another process
    static constexpr sig_atomic_t kFromKernel = 2;  // the terminal, a hang-up...
    static constexpr sig_atomic_t kFromSelf = 4;    // this process (SIGPIPE on its write)
    void install(int signal);
    void recompute_child_defaults();
};

}  // namespace vsh
