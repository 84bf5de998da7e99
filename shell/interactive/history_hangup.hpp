// Saving the command in progress when the terminal goes away. Commands enter the history file
// when they finish (InteractiveSource::commit_history); a SIGHUP while one runs (a terminal
// window closed on `make`) would lose it, so the shell keeps that command's record ready and
// a SIGHUP handler appends it (one locked write) before the shell dies of the signal as it
// would have without the handler.
#pragma once

#include <signal.h>

#include <string>

namespace vsh::interactive {

// Catches SIGHUP in this process, unless it was ignored on entry or a trap already set it.
// A `trap` on HUP later replaces the handler (the trap's own action then decides).
void save_history_on_hangup();

// The record (see history_record) to append to `path` if the shell is hung up now; empty
// `path` or `record` means nothing is pending. Safe against the handler: SIGHUP is blocked
// while they change.
void set_pending_history(const std::string& path, const std::string& record);
void clear_pending_history();

// Holds SIGHUP back for its lifetime, so that entering a command in the file and clearing it
// from the pending slot happen as one step: a hang-up between the two would either lose the
// command or write it twice.
class HangupDeferred {
  public:
    HangupDeferred();
    ~HangupDeferred();
    HangupDeferred(const HangupDeferred&) = delete;
    HangupDeferred& operator=(const HangupDeferred&) = delete;

  private:
    sigset_t saved_;
};

}  // namespace vsh::interactive
