#include "shell/exec/command_search.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "shell/core/shell.hpp"

namespace vsh {

namespace {

bool is_executable_file(const std::string& path, bool* exists) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) return false;
    *exists = true;
    return S_ISREG(st.st_mode) && access(path.c_str(), X_OK) == 0;
}

}  // namespace

std::string search_path(Shell& sh, const std::string& name, int* error, UseHash use_hash) {
    if (use_hash == UseHash::Yes) {
        auto it = sh.command_hash.find(name);
        // A remembered location that has gone stale is found out by the exec that fails, and
        // the search repeated then (retry_stale_location), not checked here before every
        // command.
        if (it != sh.command_hash.end()) return it->second;
    }
    const std::string* path_var = sh.vars.get("PATH");
    std::string found = search_path_in(
        path_var != nullptr ? std::string_view(*path_var) : std::string_view(kDefaultPath), name,
        error);
    if (!found.empty()) sh.command_hash[name] = found;
    return found;
}

std::string search_path_in(std::string_view path, const std::string& name, int* error) {
    bool denied = false;
    std::string candidate;
    std::size_t start = 0;
    for (;;) {
        std::size_t colon = path.find(':', start);
        std::string_view dir = path.substr(
            start, colon == std::string_view::npos ? std::string_view::npos : colon - start);
        candidate.assign(dir.empty() ? std::string_view(".") : dir);
        candidate += '/';
        candidate += name;
        bool exists = false;
        if (is_executable_file(candidate, &exists)) return candidate;
        if (exists) {
            struct stat st;
            if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode)) denied = true;
        }
        if (colon == std::string_view::npos) break;
        start = colon + 1;
    }
    *error = denied ? EACCES : ENOENT;
    return {};
}

FoundProgram find_program(Shell& sh, const std::string& name, std::string_view search_path_list,
                          std::span<const std::pair<std::string, std::string>> env_overrides) {
    FoundProgram found;
    if (name.find('/') != std::string::npos) {
        found.path = name;
        return found;
    }
    found.error = ENOENT;
    const std::string* override_path = nullptr;
    for (const auto& [n, v] : env_overrides)
        if (n == "PATH") override_path = &v;
    if (!search_path_list.empty()) {
        found.path = search_path_in(search_path_list, name, &found.error);
    } else if (override_path != nullptr) {
        found.path = search_path_in(*override_path, name, &found.error);
    } else {
        found.remembered = sh.command_hash.count(name) != 0;
        found.path = search_path(sh, name, &found.error, UseHash::Yes);
    }
    return found;
}

}  // namespace vsh
