#include "shell/base/output.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace vsh {

bool read_to_end(int fd, std::string& out) {
    std::size_t size = out.size();
    for (;;) {
        if (out.size() - size < 65536) out.resize(size + std::max<std::size_t>(size / 2, 262144));
        ssize_t n = read(fd, out.data() + size, out.size() - size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            out.resize(size);
            return n == 0;
        }
        size += static_cast<std::size_t>(n);
    }
}

bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

bool OutputStream::flush() {
    if (buffer_.empty()) return true;
    if (capture_ != nullptr) {
        capture_->append(buffer_);
        buffer_.clear();
        return true;
    }
    errno = 0;
    bool ok = write_all(fd_, buffer_);
    buffer_.clear();
    if (!ok) {
        failed_ = true;
        last_error_ = errno != 0 ? errno : EIO;  // A write of 0 bytes sets none.
    }
    return ok;
}

}  // namespace vsh
