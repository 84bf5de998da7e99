#include "shell/core/output.hpp"

#include <unistd.h>
#include <cerrno>

namespace vsh {

bool OutputStream::flush() {
    if (buffer_.empty()) return true;
    if (capture_ != nullptr) {
        capture_->append(buffer_);
        buffer_.clear();
        return true;
    }
    const char* p = buffer_.data();
    std::size_t left = buffer_.size();
    bool ok = true;
    while (left > 0) {
        ssize_t n = ::write(fd_, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            ok = false;
            break;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    buffer_.clear();
    if (!ok) failed_ = true;
    return ok;
}

}  // namespace vsh
