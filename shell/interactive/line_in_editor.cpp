#include "shell/interactive/line_in_editor.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "shell/base/fd_source.hpp"
#include "shell/base/output.hpp"
#include "shell/base/quote.hpp"
#include "shell/core/shell.hpp"

namespace vsh::interactive {
namespace {

std::string chosen_editor(const Shell& sh) {
    for (const char* name : {"VISUAL", "EDITOR"}) {
        const std::string* value = sh.vars.get(name);
        if (value != nullptr && !value->empty()) return *value;
    }
    return "vi";
}

// The temporary file, removed however the edit ends.
class TemporaryFile {
  public:
    explicit TemporaryFile(const Shell& sh) {
        const std::string* tmpdir = sh.vars.get("TMPDIR");
        path_ = (tmpdir != nullptr && !tmpdir->empty() ? *tmpdir : "/tmp");
        path_ += "/vsh-edit.XXXXXX";
        fd_ = mkostemp(path_.data(), O_CLOEXEC);
    }
    ~TemporaryFile() {
        if (fd_ >= 0) close(fd_);
        if (fd_ >= 0 || written_) unlink(path_.c_str());
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;

    [[nodiscard]] bool write(const std::string& text) {
        if (fd_ < 0 || !write_all(fd_, text)) return false;
        close(fd_);
        fd_ = -1;
        written_ = true;
        return true;
    }
    [[nodiscard]] const std::string& path() const { return path_; }

  private:
    std::string path_;
    int fd_ = -1;
    bool written_ = false;
};

}  // namespace

std::optional<std::string> edit_line_in_editor(Shell& sh, const std::string& line) {
    TemporaryFile file(sh);
    if (!file.write(line + "\n")) {
        sh.err.write(
            "vsh: cannot write a file for the editor: " + std::string(std::strerror(errno)) + "\n");
        return std::nullopt;
    }
    // The editor's words are split, so EDITOR="vi -n" works, as in bash.
    const int status = sh.run_string(chosen_editor(sh) + " " + shell_quote(file.path()));
    sh.flush_streams();
    if (status != 0 || sh.jump == Jump::Exit) return std::nullopt;
    std::string text;
    int error = 0;
    if (!read_script_file(file.path(), text, &error)) {
        sh.err.write("vsh: " + file.path() + ": " + std::strerror(error) + "\n");
        return std::nullopt;
    }
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

}  // namespace vsh::interactive
