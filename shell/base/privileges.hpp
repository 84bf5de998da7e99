// A setuid or setgid vsh (effective ids other than the real ones). Like dash and bash, vsh
// gives such ids up at start-up unless it was started with -p (privileged), so that a setuid
// copy cannot run commands (or a user's $ENV) with its owner's rights.
#pragma once

namespace vsh {

// Whether the effective user or group id differed from the real one when the shell started
// (the first call records it; main() calls it before anything else can change the ids).
bool started_with_other_ids();

// Sets the effective (and saved) user and group ids to the real ones. False, with errno,
// when that failed.
[[nodiscard]] bool drop_privileges();

}  // namespace vsh
