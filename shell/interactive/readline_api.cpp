#include "shell/interactive/readline_api.hpp"

#include "shell/base/user_db.hpp"

#ifndef VSH_STATIC_BUILD
#include <dlfcn.h>
#endif

namespace vsh::interactive {

#ifdef VSH_STATIC_BUILD

// The static build links readline in: the table points at the linked symbols. Nothing of
// readline runs until an interactive shell calls through it.
const ReadlineApi* load_readline(std::string& /*why*/) {
    prepare_user_database();  // readline's ~ expansion and completion use getpwnam/getpwent
    static const ReadlineApi api = [] {
        ReadlineApi linked;
#define VSH_READLINE_ADDRESS(name) linked.name = &::name;
        VSH_READLINE_FUNCTIONS(VSH_READLINE_ADDRESS)
        VSH_READLINE_VARIABLES(VSH_READLINE_ADDRESS)
#undef VSH_READLINE_ADDRESS
        return linked;
    }();
    return &api;
}

#else

const ReadlineApi* load_readline(std::string& why) {
    static ReadlineApi api;
    static bool loaded = false;
    if (loaded) return &api;
    // RTLD_LOCAL: readline's symbols stay out of the global namespace, so nothing else in the
    // process can bind to them by accident.
    void* handle = dlopen("libreadline.so.8", RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* error = dlerror();
        why = error != nullptr ? error : "libreadline.so.8: cannot be loaded";
        return nullptr;
    }
    ReadlineApi candidate;
    bool complete = true;
#define VSH_READLINE_LOOKUP(name)                                                      \
    candidate.name = reinterpret_cast<decltype(candidate.name)>(dlsym(handle, #name)); \
    if (candidate.name == nullptr && complete) {                                       \
        complete = false;                                                              \
        why = "libreadline.so.8: missing symbol " #name;                               \
    }
    VSH_READLINE_FUNCTIONS(VSH_READLINE_LOOKUP)
    VSH_READLINE_VARIABLES(VSH_READLINE_LOOKUP)
#undef VSH_READLINE_LOOKUP
    if (!complete) {
        dlclose(handle);
        return nullptr;
    }
    api = candidate;
    loaded = true;
    return &api;
}

#endif

}  // namespace vsh::interactive
