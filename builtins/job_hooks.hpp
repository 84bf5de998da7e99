// What builtins need from the job table, without including it: the job table (shell/jobs/)
// defines these functions.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string_view>

namespace vsh {

class Shell;

// The process group of the job named by `spec` ("%1", "%%", "%+", "%-", "%name", "%?text"),
// or nullopt (after no message) if there is no such job. `kill %job` signals the group.
std::optional<pid_t> job_process_group(Shell& sh, std::string_view spec);

}  // namespace vsh
