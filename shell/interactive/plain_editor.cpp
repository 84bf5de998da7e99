// The fallback line reader, used when libreadline.so.8 cannot be loaded. The terminal's own
// canonical mode does the little editing there is (erase, kill).
#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include "shell/base/output.hpp"
#include "shell/interactive/line_editor.hpp"
#include "shell/interactive/sigint_watch.hpp"

namespace vsh::interactive {
namespace {

class PlainEditor final : public LineEditor {
  public:
    ReadStatus read_line(const std::string& prompt, std::string& line) override {
        write_all(2, prompt);
        line.clear();
        SigintWatch watch;
        for (;;) {
            // Waiting first (rather than blocking in read) notices a Ctrl-C that came while
            // the previous character was being handled.
            if (watch.wait_for_input(0, false) == SigintWatch::Wake::Signal) {
                if (watch.caught()) {
                    write_all(2, "\n");
                    return ReadStatus::Interrupted;
                }
                (void)watch.resized();
                continue;
            }
            char c;
            ssize_t n = read(0, &c, 1);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                // A partial line before end of input still counts as a line (like a file
                // without a final newline). EIO is a terminal that hung up.
                if (!line.empty()) return ReadStatus::Line;
                return n == 0 ? ReadStatus::EndOfInput : ReadStatus::Hangup;
            }
            if (c == '\n') return ReadStatus::Line;
            line.push_back(c);
        }
    }

    void add_history(const std::string&, int) override {}
    void set_editing_mode(EditingMode) override {}
};

}  // namespace

std::unique_ptr<LineEditor> make_plain_editor() {
    return std::make_unique<PlainEditor>();
}

}  // namespace vsh::interactive
