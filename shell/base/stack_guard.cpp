#include "shell/base/stack_guard.hpp"

#include <sys/auxv.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace vsh {

namespace {

// With `ulimit -s unlimited` the stack may grow until it meets another mapping; the guard
// then assumes this much, more than any shell script needs (dash stops functions at 1000).
constexpr std::size_t kUnlimitedStack = std::size_t{256} << 20;

#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kReserveScale = 2;  // ASan's frames are larger, and its reports need room.
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr std::size_t kReserveScale = 2;
#else
constexpr std::size_t kReserveScale = 1;
#endif
#else
constexpr std::size_t kReserveScale = 1;
#endif

std::size_t guarded_size = 0;

// The top of the main thread's stack. The kernel puts the executable's name (AT_EXECFN) at
// the very top of the stack, above the environment and arguments, so the page it ends in is
// the top. Without it, the frame of the first call is close enough: the reserve covers the
// difference.
std::uintptr_t stack_top(std::uintptr_t here) {
    const auto execfn = static_cast<std::uintptr_t>(getauxval(AT_EXECFN));
    if (execfn == 0 || execfn < here) return here;
    const std::uintptr_t page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    const std::uintptr_t end = execfn + std::strlen(reinterpret_cast<const char*>(execfn)) + 1;
    return (end + page - 1) / page * page;
}

}  // namespace

namespace stack_guard_detail {

std::uintptr_t floor = 0;

std::uintptr_t compute_floor() {
    const auto here = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
    rlimit limit{};
    std::size_t size = kUnlimitedStack;
    if (getrlimit(RLIMIT_STACK, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        size = std::min<std::size_t>(limit.rlim_cur, kUnlimitedStack);
    guarded_size = size;
    // The reserve: what a command may use between two checks (a builtin's buffers, glob,
    // readline, the C library's formatting) and what throwing the error needs. An eighth of
    // the stack, at least 64 KiB and at most 1 MiB.
    // Never more than half of a small stack.
    const std::size_t reserve =
        std::min(std::clamp<std::size_t>(size / 8, std::size_t{64} << 10, std::size_t{1} << 20) *
                     kReserveScale,
                 size / 2);
    const std::uintptr_t top = stack_top(here);
    std::uintptr_t result = top > size + reserve ? top - size + reserve : 1;
    // A limit below what is already in use (`ulimit -s 64` in a deep script): any deeper call
    // fails its check.
    if (result > here) result = here;
    floor = result;
    return result;
}

}  // namespace stack_guard_detail

void stack_limit_changed() {
    stack_guard_detail::floor = 0;
}

std::string stack_exhausted_message() {
    return "recursion too deep: the stack (ulimit -s " +
           std::to_string(stack_size_guarded() >> 10) + " KiB) is nearly full";
}

std::size_t stack_size_guarded() {
    if (stack_guard_detail::floor == 0) stack_guard_detail::compute_floor();
    return guarded_size;
}

}  // namespace vsh
