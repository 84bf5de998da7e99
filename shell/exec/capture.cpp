#include "shell/exec/capture.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <new>

namespace vsh {

Captured capture_output(int fd, std::string& out) {
    std::size_t size = out.size();
    try {
        for (;;) {
            if (out.size() - size < 4096) out.resize(size + std::max<std::size_t>(size / 2, 16384));
            ssize_t n = read(fd, out.data() + size, out.size() - size);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            size += static_cast<std::size_t>(n);
        }
    } catch (const std::bad_alloc&) {
        std::string().swap(out);
        return Captured::OutOfMemory;
    }
    out.resize(size);
    return Captured::All;
}

}  // namespace vsh
