#include "shell/core/privileges.hpp"

#include <unistd.h>

namespace vsh {

bool started_with_other_ids() {
    static const bool differed = getuid() != geteuid() || getgid() != getegid();
    return differed;
}

bool drop_privileges() {
    // Group first: once the user id is the real one, the group could no longer be changed.
    const gid_t gid = getgid();
    const uid_t uid = getuid();
    if (setresgid(gid, gid, gid) != 0) return false;
    if (setresuid(uid, uid, uid) != 0) return false;
    return true;
}

}  // namespace vsh
