#include "shell/base/user_db.hpp"

#include <nss.h>

namespace vsh {

void prepare_user_database() noexcept {
#ifdef VSH_STATIC_BUILD
    static bool prepared = false;
    if (prepared) return;
    prepared = true;
    // A static glibc loads the NSS modules named in nsswitch.conf with its own dlopen, which
    // brings a second libc into the process: Debian's libnss_systemd crashes there (seen: `echo
    // ~nobody` died with SIGSEGV). The files service is built into the static libc, so the
    // static vsh looks users up in /etc/passwd and /etc/group only (as static busybox does).
    __nss_configure_lookup("passwd", "files");
    __nss_configure_lookup("group", "files");
#endif
}

}  // namespace vsh
