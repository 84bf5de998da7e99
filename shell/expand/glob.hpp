// Pathname expansion (XCU 2.14.3).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vsh {

// Matches `pattern` (backslash-quoted as for pattern_match) against the file system. Returns
// the matching paths sorted by the collation order (strcoll), or an empty vector when nothing
// matches (the caller then keeps the word).
//
// Rules: the pattern is taken a '/'-separated component at a time; a component without
// pattern characters is used as written (never looked up with readdir) and only the full
// path is checked to exist; a leading '.' in a file name must be matched by a literal '.';
// the names `.` and `..` are never produced by a component with pattern characters (`.*`
// yields neither, as in bash 5.2, ksh and mksh; dash, busybox and yash list them, and
// POSIX.1-2024 moves towards forbidding it), though a literal `.` or `..` component stays; a
// pattern ending in '/' matches directories only (symbolic links to directories included) and the
// results keep the '/'; unreadable directories contribute nothing.
std::vector<std::string> expand_pathname(std::string_view pattern);

}  // namespace vsh
