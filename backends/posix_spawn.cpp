// posix_spawn: glibc's clone(CLONE_VM | CLONE_VFORK) with its own careful child, driven by
// file actions and attributes. It can express most plans but not every one, and what it
// cannot express exactly it refuses in can_spawn() (the executor then uses fork). Each
// refusal below was checked against glibc 2.36 by test (tests/unit/test_backend_contract.cpp).
//
// The one thing it cannot promise: glibc's child resets SIGTSTP, SIGTTIN and SIGTTOU to their
// default action and restores the signal mask just before execve, and nothing can be run in
// between, so a stop signal that reaches a job's process in that window (a few system calls)
// stops it before its exec, with the shell suspended in clone() until someone continues the
// child. The other backends catch such a stop (child::catch_early_stops); auto therefore
// prefers them, and the timing record of a job process created here says so
// (`"early_stop":"default"`, man vsh.1 BACKENDS).
#include <spawn.h>
#include <sys/resource.h>

#include <cerrno>

#include "backends/child.hpp"
#include "backends/each_backend.hpp"
#include "backends/parent_side.hpp"

namespace vsh::backends {
namespace {

// posix_spawn_file_actions_addtcsetpgrp_np arrived in glibc 2.35.
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 35))
constexpr bool kHasTcsetpgrpAction = true;
#else
constexpr bool kHasTcsetpgrpAction = false;
#endif

class FileActions {
  public:
    FileActions() { posix_spawn_file_actions_init(&actions_); }
    ~FileActions() { posix_spawn_file_actions_destroy(&actions_); }
    FileActions(const FileActions&) = delete;
    FileActions& operator=(const FileActions&) = delete;
    posix_spawn_file_actions_t* get() { return &actions_; }

  private:
    posix_spawn_file_actions_t actions_;
};

class Attributes {
  public:
    Attributes() { posix_spawnattr_init(&attributes_); }
    ~Attributes() { posix_spawnattr_destroy(&attributes_); }
    Attributes(const Attributes&) = delete;
    Attributes& operator=(const Attributes&) = delete;
    posix_spawnattr_t* get() { return &attributes_; }

  private:
    posix_spawnattr_t attributes_;
};

// glibc 2.36's child sets its two internal signals (SIGCANCEL and SIGSETXID, __SIGRTMIN and
// __SIGRTMIN + 1) to SIG_IGN when they are blocked, and the parent blocks them, so every
// program would start with signals 32 and 33 ignored (seen in /proc/PID/status; checked by
// the signal test). Asking for SIG_DFL on them fixes it, but sigaddset() refuses internal
// signals, so their bits are set by hand (Linux sigset_t: signal n is bit n - 1).
sigset_t with_internal_signals_default(const sigset_t& requested) {
    sigset_t set = requested;
    constexpr int kBitsPerWord = 8 * sizeof set.__val[0];
    for (int sig : {__SIGRTMIN, __SIGRTMIN + 1})
        set.__val[(sig - 1) / kBitsPerWord] |= 1UL << ((sig - 1) % kBitsPerWord);
    return set;
}

// Translates the plan; returns 0 or the errno of the first action glibc refused (with its
// index in *failed_action; -1 for the terminal action).
int translate(const SpawnPlan& plan, FileActions& actions, Attributes& attributes,
              int* failed_action) {
    short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
    posix_spawnattr_setsigmask(attributes.get(), &plan.child_mask);
    const sigset_t defaults = with_internal_signals_default(plan.default_signals);
    posix_spawnattr_setsigdefault(attributes.get(), &defaults);
    if (plan.process_group != ProcessGroup::Inherit) {
        flags |= POSIX_SPAWN_SETPGROUP;
        posix_spawnattr_setpgroup(attributes.get(),
                                  plan.process_group == ProcessGroup::Join ? plan.pgid : 0);
    }
    posix_spawnattr_setflags(attributes.get(), flags);

    // glibc joins the process group before it runs the file actions, so the terminal goes to
    // the child's new group, as in child.cpp.
    if constexpr (kHasTcsetpgrpAction) {
        if (plan.terminal == Terminal::Foreground) {
            *failed_action = -1;
            if (int error = posix_spawn_file_actions_addtcsetpgrp_np(actions.get(), plan.tty_fd);
                error != 0)
                return error;
        }
    }
    for (std::size_t i = 0; i < plan.fd_actions.size(); ++i) {
        const FdAction& action = plan.fd_actions[i];
        int error = 0;
        switch (action.kind) {
            case FdActionKind::Dup2:
                // glibc >= 2.29 clears FD_CLOEXEC when source == target, as the plan means.
                error =
                    posix_spawn_file_actions_adddup2(actions.get(), action.source_fd, action.fd);
                break;
            case FdActionKind::Close:
                error = posix_spawn_file_actions_addclose(actions.get(), action.fd);
                break;
            case FdActionKind::Open:
                error = posix_spawn_file_actions_addopen(
                    actions.get(), action.fd, action.path.c_str(), action.flags, action.mode);
                break;
        }
        if (error != 0) {
            *failed_action = static_cast<int>(i);
            return error;
        }
    }
    return 0;
}

// posix_spawn does not say whether an fd action or the exec failed. Without Open actions it can
// be told: dup2 fails only with EBADF, which execve never returns, and failed closes are
// ignored; the terminal action (a failed tcsetpgrp) counts as -1, as in child.cpp.
int guess_failed_step(const SpawnPlan& plan, int error) {
    bool has_open = false;
    for (const FdAction& action : plan.fd_actions) has_open |= action.kind == FdActionKind::Open;
    if (has_open || error == EBADF) return kUnknownFailedStep;
    return -1;
}

class PosixSpawnBackend final : public Backend {
  public:
    std::string_view name() const override { return "posix_spawn"; }
    bool supported() const override { return true; }
    bool can_spawn(const SpawnPlan& plan, const char** why) const override;
    SpawnResult spawn(const SpawnPlan& plan) override;
    bool catches_early_stops() const override { return false; }
};

bool PosixSpawnBackend::can_spawn(const SpawnPlan& plan, const char** why) const {
    if (plan.terminal == Terminal::Foreground && !kHasTcsetpgrpAction) {
        if (why != nullptr) *why = "posix_spawn cannot give the terminal before glibc 2.35";
        return false;
    }
    // posix_spawn can reset signals to SIG_DFL but not set SIG_IGN; a signal to be ignored
    // is ignored in the child only if it already is in the shell (inherited through exec).
    for (int sig = 1; sig < NSIG; ++sig) {
        if (sigismember(&plan.ignored_signals, sig) != 1) continue;
        struct sigaction current;
        if (sigaction(sig, nullptr, &current) != 0 || current.sa_handler != SIG_IGN) {
            if (why != nullptr) *why = "posix_spawn cannot make the child ignore a signal";
            return false;
        }
    }
    // glibc refuses descriptors at or above RLIMIT_NOFILE when the action is added (EBADF).
    // For dup2 and open every backend fails the same way, but closing such a descriptor is
    // a harmless no-op in the other backends.
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        for (const FdAction& action : plan.fd_actions) {
            if (action.kind == FdActionKind::Close && action.fd >= 0 &&
                static_cast<rlim_t>(action.fd) >= limit.rlim_cur) {
                if (why != nullptr) *why = "posix_spawn cannot close a descriptor above the limit";
                return false;
            }
        }
    }
    return true;
}

SpawnResult PosixSpawnBackend::spawn(const SpawnPlan& plan) {
    parent::ErrnoKept errno_kept;
    FileActions actions;
    Attributes attributes;
    int failed_action = -1;
    if (int error = translate(plan, actions, attributes, &failed_action); error != 0)
        return {-1, error, failed_action};

    parent::AllSignalsBlocked blocked;
    pid_t pid = -1;
    int error = posix_spawn(&pid, plan.path.c_str(), actions.get(), attributes.get(),
                            plan.argv.data(), plan.envp);
    if (error == ENOEXEC && !plan.enoexec_shell.empty() &&
        !child::looks_binary(plan.path.c_str())) {
        // POSIX: a file the kernel cannot run is a shell script. The file actions run again
        // in the new child; the first child has already been reaped by glibc.
        error = posix_spawn(&pid, plan.enoexec_shell.c_str(), actions.get(), attributes.get(),
                            plan.enoexec_argv.data(), plan.envp);
    }
    // glibc reaps a child that failed.
    if (error != 0) return {-1, error, guess_failed_step(plan, error)};
    parent::set_process_group(plan, pid);
    return {pid, 0};
}

}  // namespace

Backend& posix_spawn_backend() {
    static PosixSpawnBackend backend;
    return backend;
}

}  // namespace vsh::backends
