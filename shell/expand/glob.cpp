// Pathname expansion walks the pattern one '/'-separated component at a time, keeping the
// list of paths matched so far; only components with pattern characters cost a readdir.
#include "shell/expand/glob.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstring>

#include "shell/expand/pattern.hpp"

#include "shell/base/locale.hpp"

namespace vsh {
namespace {

// The pattern split at its unquoted '/'s ('\/' separates too: no file name holds a '/').
// A leading '/' gives an empty first component, a trailing one an empty last component.
std::vector<std::string_view> split_components(std::string_view pattern) {
    std::vector<std::string_view> components;
    std::size_t start = 0;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '/') {
            components.push_back(pattern.substr(start, i - start));
            start = i + 1;
        } else if (pattern[i] == '\\' && i + 1 < pattern.size()) {
            if (pattern[i + 1] == '/') {
                components.push_back(pattern.substr(start, i - start));
                start = i + 2;
            }
            ++i;
        }
    }
    components.push_back(pattern.substr(start));
    return components;
}

bool exists(const std::string& path) {
    struct stat st;
    return ::lstat(path.c_str(), &st) == 0;
}

bool is_directory(const std::string& path) {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);  // Follows symlinks.
}

// The entry can not be a directory (nor a symlink to one), by its d_type, so descending
// into it is pointless.
bool surely_not_directory(const dirent& entry) {
    return entry.d_type != DT_DIR && entry.d_type != DT_LNK && entry.d_type != DT_UNKNOWN;
}

enum class Descend : unsigned char { No, Yes };

// Appends to `out` every `base + name` for the entries of directory `base` that `component`
// matches. `base` is empty (the current directory) or ends with '/'.
void match_directory(const std::string& base, std::string_view component, Descend descend,
                     std::vector<std::string>& out) {
    DIR* dir = ::opendir(base.empty() ? "." : base.c_str());
    if (dir == nullptr) return;  // Unreadable or not a directory: no matches, no error.
    while (const dirent* entry = ::readdir(dir)) {
        const char* name = entry->d_name;
        if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) continue;
        if (descend == Descend::Yes && surely_not_directory(*entry)) continue;
        if (!pattern_match(component, name, MatchFlags::Period)) continue;
        out.push_back(base + name);
    }
    ::closedir(dir);
}

}  // namespace

std::vector<std::string> expand_pathname(std::string_view pattern) {
    // A word without active pattern characters names itself; the caller keeps it.
    if (!has_pattern_chars(pattern)) return {};
    ensure_locale();  // Matches are sorted by the locale's collation order.

    const std::vector<std::string_view> components = split_components(pattern);
    std::vector<std::string> paths{std::string()};
    std::vector<std::string> next;
    for (std::size_t i = 0; i < components.size() && !paths.empty(); ++i) {
        const bool last = i + 1 == components.size();
        const std::string_view component = components[i];
        next.clear();
        if (last && component.empty()) {
            // The pattern ended in '/': keep only directories, with their slash.
            for (std::string& path : paths) {
                if (is_directory(path)) next.push_back(std::move(path));
            }
        } else if (has_pattern_chars(component)) {
            for (const std::string& path : paths) {
                match_directory(path, component, last ? Descend::No : Descend::Yes, next);
            }
        } else {
            const std::string literal = unescape_pattern(component);
            for (std::string& path : paths) {
                path += literal;
                // Intermediate literals are checked by the next readdir or lstat; only a
                // literal last component needs its own existence check.
                if (!last || exists(path)) next.push_back(std::move(path));
            }
        }
        if (!last) {
            for (std::string& path : next) path += '/';
        }
        paths.swap(next);
    }
    std::sort(paths.begin(), paths.end(), [](const std::string& a, const std::string& b) {
        return std::strcoll(a.c_str(), b.c_str()) < 0;
    });
    return paths;
}

}  // namespace vsh
