#include "shell/exec/capture.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <new>

namespace vsh {

namespace {

// Room for the first read: most substitutions print a line or two. resize() zero-fills the
// room, and in the parent every page written after a fork is a page fault (a copy, or the
// page taken back from the child); 16 KiB at once was four of them for each $(...).
constexpr std::size_t kFirstRoom = 1024;
// Later reads get at least this much room, and the string grows by half its size.
constexpr std::size_t kLeastRoom = 4096;
constexpr std::size_t kLeastGrowth = 16384;

void make_room(std::string& out, std::size_t size) {
    const std::size_t room = out.size() - size;
    if (size < kFirstRoom) {
        if (room == 0) out.resize(size + kFirstRoom);
    } else if (room < kLeastRoom) {
        out.resize(size + std::max(size / 2, kLeastGrowth));
    }
}

}  // namespace

Captured capture_output(int fd, std::string& out) {
    std::size_t size = out.size();
    try {
        for (;;) {
            make_room(out, size);
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
