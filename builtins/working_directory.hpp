// The shell's logical working directory, shared by cd/pwd, start-up (which decides whether an
// inherited PWD is kept) and the builtins that must print an absolute pathname (command -v).
#pragma once

#include <optional>
#include <string>

namespace vsh {

class Shell;

// True if `path` is absolute, has no "." or ".." components, and names the directory we are
// in: the condition for trusting $PWD (XCU pwd -L, and XCU 2.5.3 for an inherited PWD).
[[nodiscard]] bool names_current_directory(const std::string& path);

// $PWD when it is absolute, free of "." and "..", and names the current directory (XCU pwd
// -L); otherwise the physical directory; nullopt when neither can be determined.
[[nodiscard]] std::optional<std::string> logical_cwd(Shell& sh);

}  // namespace vsh
