#include "shell/core/locale.hpp"

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <initializer_list>

namespace vsh {

void ensure_locale() {
    static bool loaded = false;
    if (loaded) return;
    loaded = true;
    for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        const char* v = std::getenv(name);
        if (v == nullptr || *v == '\0') continue;
        if (std::strcmp(v, "C") != 0 && std::strcmp(v, "POSIX") != 0) {
            std::setlocale(LC_CTYPE, "");
            std::setlocale(LC_COLLATE, "");
        }
        return;
    }
}

}  // namespace vsh
