// Noticing SIGINT and SIGWINCH (and SIGCHLD, when asked) while the shell waits at a prompt.
//
// The shell's own SIGINT handler (traps.cpp) only marks a trap as pending. While a prompt is
// up, the line editor must also learn that Ctrl-C was typed, so it can throw the line away.
// SigintWatch puts a handler in front of the existing one for the duration of a read: it sets
// a flag and then calls the previous handler, so INT traps still see the signal. Neither
// handler has SA_RESTART, so a wait in progress returns EINTR; wait_for_input also sees a
// signal that arrived before the wait began.
#pragma once

#include <signal.h>

namespace vsh::interactive {

// Whether the watch also wakes the wait when a child changes state (SIGCHLD), for `set -b`.
enum class ChildWatch : unsigned char { No, Yes };

class SigintWatch {
  public:
    explicit SigintWatch(ChildWatch children = ChildWatch::No);
    ~SigintWatch();
    SigintWatch(const SigintWatch&) = delete;
    SigintWatch& operator=(const SigintWatch&) = delete;

    enum class Wake { Input, Signal, Error };
    // Waits until `fd` is readable (Input) or a signal has to be looked at (Signal: SIGINT,
    // SIGWINCH or, if `traps`, a trapped signal: see caught, resized and TrapTable::pending;
    // a caller that cannot run trap actions passes false, or it would spin). Signals are
    // blocked while the flags are checked and ppoll unblocks them as the wait starts, so one
    // that arrives between the check and the wait is not slept through: it used to be, when
    // Ctrl-C came while the editor was still handling the previous key.
    [[nodiscard]] Wake wait_for_input(int fd, bool traps);
    // For a blocking question ("Display all N possibilities?"): waits until `fd` is readable
    // (Input) or Ctrl-C came (Signal, the SIGINT flag cleared), with the same guard against a
    // SIGINT that arrives just before the wait. Other signals keep their flags for the prompt
    // loop and do not end the wait.
    [[nodiscard]] Wake wait_for_key(int fd);
    // Whether SIGINT arrived since the last call (clears the flag).
    [[nodiscard]] bool caught();
    // Whether the window size changed since the last call (clears the flag).
    [[nodiscard]] bool resized();
    // Whether a child changed state since the last call (clears the flag; ChildWatch::Yes).
    [[nodiscard]] bool child_changed();

  private:
    struct sigaction previous_int_ {};
    struct sigaction previous_winch_ {};
    struct sigaction previous_chld_ {};
    bool watching_int_ = false;
    bool watching_chld_ = false;
};

}  // namespace vsh::interactive
