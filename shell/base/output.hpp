// Buffered output for builtins. Builtins never write to raw fds: they write to the shell's
// streams, so that redirections (applied to the real fds) and an in-process $(...) (which
// points the stream at a string) both work without special cases.
#pragma once

#include <string>
#include <string_view>

namespace vsh {

// Writes all of `data` to `fd`, retrying short writes and EINTR. False on any other failure
// (or a write of 0 bytes).
bool write_all(int fd, std::string_view data);

// Appends everything read from `fd` until end of file to `out`, reading straight into the
// string. False on a read error (what was read is kept).
bool read_to_end(int fd, std::string& out);

class OutputStream {
  public:
    explicit OutputStream(int fd) : fd_(fd) {}
    OutputStream(const OutputStream&) = delete;
    OutputStream& operator=(const OutputStream&) = delete;

    void write(std::string_view text) {
        buffer_.append(text);
        if (buffer_.size() >= kFlushAt && capture_ == nullptr) flush();
    }
    void put(char c) {
        buffer_.push_back(c);
        if (buffer_.size() >= kFlushAt && capture_ == nullptr) flush();
    }
    // Writes out what is buffered (or appends it to the capture string). Returns false if the
    // write failed (EBADF, EPIPE, ENOSPC...); the buffer is dropped either way.
    bool flush();
    // The errno of the last failed write (ENOSPC, EPIPE, EBADF...), for the message.
    int last_error() const { return last_error_; }
    // True if a write failed since the last call to take_error().
    bool take_error() {
        bool e = failed_;
        failed_ = false;
        return e;
    }

    // While `capture` is set, output goes to it instead of the fd.
    std::string* capture() const { return capture_; }
    void set_capture(std::string* capture) {
        flush();
        capture_ = capture;
    }
    // In a forked child: output goes to the fd again, whatever the parent captured.
    void forget_capture() { capture_ = nullptr; }
    int fd() const { return fd_; }

  private:
    static constexpr std::size_t kFlushAt = 8192;
    int fd_;
    std::string buffer_;
    std::string* capture_ = nullptr;
    bool failed_ = false;
    int last_error_ = 0;
};

}  // namespace vsh
