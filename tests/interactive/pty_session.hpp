// One vsh process on a pseudo-terminal, driven like a person at a keyboard: send keys, wait
// for text to appear, wait for the exit status. Every wait is bounded; nothing sleeps a fixed
// time.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vsh::pty_test {

// The contents of a small /proc file, or "" when it cannot be read (the process is gone).
// Read with read(2): an ifstream throws from its iterators when the process vanishes mid-read.
std::string read_proc_file(const std::string& path);

using namespace std::chrono_literals;

// How long any single expectation may take. Generous, for sanitizer builds on a busy machine;
// a passing test never waits this long.
constexpr std::chrono::milliseconds kPatience = 10s;

struct LaunchOptions {
    std::string vsh_path;
    std::vector<std::string> args;  // After argv[0].
    std::string argv0 = "vsh";      // "-vsh" starts a login shell, as login(1) and sshd do.
    std::map<std::string, std::string> environment;  // The whole environment.
    std::string working_directory;
};

class PtySession {
  public:
    // Starts vsh on a new pty. Check ok() (false, with error(), if no pty could be had).
    explicit PtySession(const LaunchOptions& options);
    ~PtySession();
    PtySession(const PtySession&) = delete;
    PtySession& operator=(const PtySession&) = delete;

    [[nodiscard]] bool ok() const { return pid_ > 0; }
    [[nodiscard]] const std::string& error() const { return error_; }
    [[nodiscard]] pid_t pid() const { return pid_; }
    // The terminal's foreground process group (the shell's own while it waits for input), or
    // -1.
    [[nodiscard]] pid_t foreground_group() const;
    // Closes the terminal's master side, as a terminal window that is closed does: the
    // session gets SIGHUP.
    void hang_up();
    // Changes the window size, as a terminal window that is resized does: the terminal's
    // foreground process group gets SIGWINCH.
    void resize(unsigned short rows, unsigned short columns);
    // Reads what the shell wrote so far without waiting.
    void poll_output() { (void)pump(std::chrono::milliseconds(0)); }

    // Writes `keys` to the terminal, as if typed.
    void send(const std::string& keys);

    // Waits until `text` appears in the output after the cursor, then moves the cursor past
    // it. Output is compared after removing carriage returns and terminal escape sequences.
    [[nodiscard]] bool expect(const std::string& text,
                              std::chrono::milliseconds patience = kPatience);

    // Waits for the process to exit; returns its exit status (128+N for a signal), or nothing
    // on timeout (the process is then killed).
    [[nodiscard]] std::optional<int> wait_exit(std::chrono::milliseconds patience = kPatience);

    // Waits until a process named `command` (as in /proc/PID/comm) runs in the session, so a
    // keystroke meant for it is not sent while the shell still has the terminal.
    [[nodiscard]] bool wait_for_process(const std::string& command,
                                        std::chrono::milliseconds patience = kPatience);

    // Everything shown so far (normalized), and the part not yet consumed by expect().
    [[nodiscard]] const std::string& transcript() const { return shown_; }
    // Everything written so far, escape sequences and carriage returns included: where the
    // cursor went matters for what the screen shows.
    [[nodiscard]] const std::string& raw() const { return raw_; }
    [[nodiscard]] std::string unread() const { return shown_.substr(cursor_); }
    [[nodiscard]] std::size_t cursor() const { return cursor_; }

  private:
    pid_t pid_ = -1;
    int master_ = -1;
    std::string raw_;
    std::string shown_;
    std::size_t cursor_ = 0;
    std::string error_;
    std::optional<int> exit_status_;

    // Reads what is available, waiting at most `wait`. Returns false once the terminal closed.
    bool pump(std::chrono::milliseconds wait);
    bool reap();
};

// Text with '\r' and ANSI escape sequences (CSI, OSC, two-byte ESC sequences) removed.
[[nodiscard]] std::string normalize_terminal_output(const std::string& raw);

}  // namespace vsh::pty_test
