// The plan carried out in the calling process: the shell's last command and `exec cmd`
// (DESIGN.md rule 8). The same steps as a child, in the same order; if the exec fails the
// shell lives on, so its signal dispositions and mask are put back (the fd actions stay
// applied, as the contract says).
#include <signal.h>

#include "backends/backend.hpp"
#include "backends/child.hpp"
#include "backends/parent_side.hpp"

namespace vsh::backends {

namespace {

// The dispositions reset_signal_dispositions may change, saved so a failed exec can restore
// the shell's handlers. When the plan lists every handler (a non-interactive shell), those are
// the listed signals alone: `vsh -c 'cmd'` then makes no sigaction call for the signals it
// never touched.
struct SavedDispositions {
    struct sigaction actions[NSIG];
    bool valid[NSIG] = {};

    void save(const SpawnPlan& plan) {
        for (int sig = 1; sig < NSIG; ++sig) {
            if (plan.handlers_all_listed && sigismember(&plan.default_signals, sig) != 1 &&
                sigismember(&plan.ignored_signals, sig) != 1)
                continue;
            valid[sig] = sigaction(sig, nullptr, &actions[sig]) == 0;
        }
    }
    void restore() const {
        for (int sig = 1; sig < NSIG; ++sig)
            if (valid[sig] && sig != SIGKILL && sig != SIGSTOP)
                sigaction(sig, &actions[sig], nullptr);
    }
};

}  // namespace

int exec_in_place(const SpawnPlan& plan) {
    parent::AllSignalsBlocked blocked;
    child::join_process_group(plan);
    if (int error = child::take_terminal(plan); error != 0) return error;
    int failed_action = -1;
    if (int error = child::apply_fd_actions(plan, &failed_action); error != 0) return error;

    SavedDispositions saved;
    saved.save(plan);
    child::reset_signal_dispositions(plan);
    sigprocmask(SIG_SETMASK, &plan.child_mask, nullptr);
    int error = child::exec_program(plan);
    // Block again before the handlers come back; `blocked` then restores the shell's mask.
    sigset_t all;
    sigfillset(&all);
    sigprocmask(SIG_SETMASK, &all, nullptr);
    saved.restore();
    return error;
}

}  // namespace vsh::backends
