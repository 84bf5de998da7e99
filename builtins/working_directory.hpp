// The shell's logical working directory, shared by cd/pwd and the builtins that must print
// an absolute pathname (command -v).
#pragma once

#include <optional>
#include <string>

namespace vsh {

class Shell;

// $PWD when it is absolute, free of "." and "..", and names the current directory (XCU pwd
// -L); otherwise the physical directory; nullopt when neither can be determined.
[[nodiscard]] std::optional<std::string> logical_cwd(Shell& sh);

}  // namespace vsh
