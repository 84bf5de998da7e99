// A guard for the main thread's stack, so deep nesting and runaway recursion end with an
// error instead of SIGSEGV, whatever `ulimit -s` is.
//
// The shell's recursive parts (the parser and lexer, the executor, word expansion, arithmetic)
// call stack_nearly_full() as they go deeper. It compares the current frame with a floor
// computed once from RLIMIT_STACK and the top of the stack, leaving a reserve for the work a
// command does between two checks (a builtin, glob, readline) and for unwinding. It costs a
// comparison; nothing is computed at start-up (`vsh -c true` is a benchmarked figure).
//
// This folder is the base layer: it includes nothing else of the shell.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace vsh {

namespace stack_guard_detail {
extern std::uintptr_t floor;  // Lowest safe frame address; 0 until first computed.
std::uintptr_t compute_floor();
}  // namespace stack_guard_detail

// True when the calling frame is within the reserve of the stack's end.
inline bool stack_nearly_full() {
    const auto here = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
    std::uintptr_t floor = stack_guard_detail::floor;
    if (floor == 0) floor = stack_guard_detail::compute_floor();
    return here < floor;
}

// To be called when RLIMIT_STACK changes (the ulimit builtin): the floor is computed again.
void stack_limit_changed();

// The stack size the guard works with, in bytes (RLIMIT_STACK, capped when unlimited).
std::size_t stack_size_guarded();

// "recursion too deep: the stack (ulimit -s 8192 KiB) is nearly full", for the errors the
// guard leads to at run time.
std::string stack_exhausted_message();

}  // namespace vsh
