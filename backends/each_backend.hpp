// The backend instances, one per file; registry.cpp lists them.
#pragma once

#include "backends/backend.hpp"

namespace vsh::backends {

Backend& vfork_backend();
Backend& clone_backend();
Backend& posix_spawn_backend();
// fork_backend() is declared in backend.hpp.

}  // namespace vsh::backends
