// Reading a command substitution's output from its pipe.
#pragma once

#include <string>

namespace vsh {

enum class Captured { All, OutOfMemory };

// Appends everything read from `fd` to `out` until end of file (or a read error). Reads
// straight into the string, not through a buffer on the stack. When the output does not fit
// in memory it stops and returns OutOfMemory with `out` emptied: the caller closes the pipe
// (the writer then gets SIGPIPE), waits for the child as usual, and then reports the error,
// so that no descriptor or zombie is left behind.
Captured capture_output(int fd, std::string& out);

}  // namespace vsh
