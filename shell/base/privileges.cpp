#include "shell/base/privileges.hpp"

#include <sys/auxv.h>
#include <unistd.h>

namespace vsh {

bool started_with_other_ids() {
    // AT_SECURE is the kernel's word that this exec changed the ids (setuid, setgid, file
    // capabilities), read from the auxiliary vector without a system call: `vsh -c true`
    // pays nothing for the check. Only then are the ids compared.
    static const bool differed =
        getauxval(AT_SECURE) != 0 && (getuid() != geteuid() || getgid() != getegid());
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
