// The user database (getpwnam, getpwuid) made safe to use in every build of vsh.
#pragma once

namespace vsh {

// Call before any getpw* lookup, vsh's own (~user) or readline's (~ completion). In the
// static build it limits the passwd and group databases to the files service; elsewhere it
// does nothing. Cheap after the first call.
void prepare_user_database() noexcept;

}  // namespace vsh
