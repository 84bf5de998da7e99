#include "shell/core/trap_actions.hpp"

#include <optional>

#include "shell/core/shell.hpp"
#include "shell/traps/traps.hpp"

namespace vsh {

namespace {

void run_action(Shell& sh, const std::string& action) {
    TrapTable& traps = *sh.traps;
    // Restores the outer action's context even when an error unwinds out of this one.
    struct Restore {
        TrapTable& traps;
        std::optional<TrapTable::RunningAction> outer;
        ~Restore() { traps.leave_action(outer); }
    } restore{traps, traps.enter_action({sh.last_status, sh.function_depth, sh.dot_depth})};
    sh.run_string(action, "trap");
}

}  // namespace

void run_pending_traps(Shell& sh) {
    if (sh.inline_subshells > 0) {
        // A subshell run inside the shell (exec/inline_subshell.hpp) has none of the shell's
        // signal actions: as a child would, it ends by a signal whose default action ends a
        // process, and leaves the others; the shell's actions run once it is over, as they
        // would once the child was waited for.
        if (const int sig = TrapTable::take_subshell_signal(sh.inline_children))
            throw InlineSubshellExit{128 + sig, sig};
        return;
    }
    while (std::optional<std::string> action = sh.traps->take_pending_action()) {
        const int saved_status = sh.last_status;
        run_action(sh, *action);
        // $? is restored after the action, unless it ended the shell or, with `return n`, the
        // function the signal arrived in (whose status it sets).
        if (sh.jump != Jump::Exit && sh.jump != Jump::Return) sh.last_status = saved_status;
    }
}

void end_subshell_on_own_signal(Shell& sh) {
    if (sh.inline_subshells > 0 && TrapTable::pending()) run_pending_traps(sh);
}

void run_exit_trap(Shell& sh) {
    std::optional<std::string> action = sh.traps->take_exit_action();
    if (!action) return;
    const int saved_status = sh.last_status;
    const Jump saved_jump = sh.jump;
    sh.jump = Jump::None;
    try {
        run_action(sh, *action);
    } catch (const FatalError& e) {
        // An error that would exit the shell (${x?}, a special builtin's error) ends the
        // action, and the shell, which is exiting already, exits with the error's status.
        sh.last_status = e.status;
        sh.jump = Jump::Exit;
    }
    // `exit` inside the EXIT trap sets the status; otherwise the shell's status stands.
    if (sh.jump != Jump::Exit) sh.last_status = saved_status;
    if (sh.jump == Jump::None) sh.jump = saved_jump;
}

}  // namespace vsh
