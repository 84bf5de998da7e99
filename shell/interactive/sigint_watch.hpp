// Noticing SIGINT and SIGWINCH while the shell waits at a prompt.
//
// The shell's own SIGINT handler (traps.cpp) only marks a trap as pending. While a prompt is
// up, the line editor must also learn that Ctrl-C was typed, so it can throw the line away.
// SigintWatch puts a handler in front of the existing one for the duration of a read: it sets
// a flag and then calls the previous handler, so INT traps still see the signal. Neither
// handler has SA_RESTART, so the blocking read or poll returns EINTR.
#pragma once

#include <signal.h>

namespace vsh::interactive {

class SigintWatch {
  public:
    SigintWatch();
    ~SigintWatch();
    SigintWatch(const SigintWatch&) = delete;
    SigintWatch& operator=(const SigintWatch&) = delete;

    // Whether SIGINT arrived since the last call (clears the flag).
    [[nodiscard]] bool caught();
    // Whether the window size changed since the last call (clears the flag).
    [[nodiscard]] bool resized();

  private:
    struct sigaction previous_int_ {};
    struct sigaction previous_winch_ {};
    bool watching_int_ = false;
};

}  // namespace vsh::interactive
