// cd and pwd (XCU cd, pwd). The shell tracks a logical working directory in PWD: cd -L (the
// default) builds the new path textually, resolving ".." against the path as typed rather
// than through symbolic links, after checking each prefix is a real directory (cd step 8).
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "builtins/declarations.hpp"
#include "builtins/option_util.hpp"
#include "builtins/working_directory.hpp"
#include "shell/core/shell.hpp"

namespace vsh {
namespace {

enum class PathMode : unsigned char { Logical, Physical };

bool is_directory(const std::string& path) {
    struct stat st;
    return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::optional<std::string> physical_cwd() {
    std::vector<char> buffer(4096);
    for (;;) {
        if (getcwd(buffer.data(), buffer.size()) != nullptr) return std::string(buffer.data());
        if (errno != ERANGE) return std::nullopt;
        buffer.resize(buffer.size() * 2);
    }
}

}  // namespace

namespace {

bool absolute_without_dot_components(const std::string& path) {
    if (path.empty() || path[0] != '/') return false;
    std::size_t start = 0;
    while (start < path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string::npos) slash = path.size();
        std::string_view part(path.data() + start, slash - start);
        if (part == "." || part == "..") return false;
        start = slash + 1;
    }
    return true;
}

}  // namespace

bool names_current_directory(const std::string& path) {
    if (!absolute_without_dot_components(path)) return false;
    struct stat a, b;
    return stat(path.c_str(), &a) == 0 && stat(".", &b) == 0 && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
}

std::optional<std::string> logical_cwd(Shell& sh) {
    const std::string* pwd = sh.vars.get("PWD");
    if (pwd != nullptr && names_current_directory(*pwd)) return *pwd;
    if (auto physical = physical_cwd()) return physical;
    // getcwd fails once the directory we are in has been removed. The name the shell recorded
    // for it is then still the best one, so pwd prints it and cd sets OLDPWD to it, as dash,
    // bash and ksh do; but not a PWD that names some other directory that exists.
    const int getcwd_error = errno;
    struct stat st;
    if (pwd != nullptr && absolute_without_dot_components(*pwd) && stat(pwd->c_str(), &st) != 0 &&
        errno == ENOENT)
        return *pwd;
    errno = getcwd_error;
    return std::nullopt;
}

namespace {

// cd step 8: drops "." components, resolves "a/.." pairs (after checking that the path up to
// "a" is a directory), and squeezes slashes, keeping exactly two leading slashes as POSIX
// allows. Returns nullopt, with errno set, when a prefix is not a directory.
std::optional<std::string> canonical_form(const std::string& path) {
    std::size_t leading = 0;
    while (leading < path.size() && path[leading] == '/') ++leading;
    std::string root = leading == 2 ? "//" : leading > 0 ? "/" : "";
    std::vector<std::string_view> parts;
    std::size_t start = leading;
    while (start < path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string::npos) slash = path.size();
        std::string_view part(path.data() + start, slash - start);
        start = slash + 1;
        if (part.empty() || part == ".") continue;
        if (part == ".." && !parts.empty() && parts.back() != "..") {
            std::string prefix = root;
            for (std::size_t i = 0; i < parts.size(); ++i) {
                if (i > 0) prefix += '/';
                prefix += parts[i];
            }
            if (!is_directory(prefix)) {
                if (errno == 0) errno = ENOTDIR;
                return std::nullopt;
            }
            parts.pop_back();
            continue;
        }
        if (part == ".." && parts.empty() && !root.empty()) continue;  // "/.." is "/".
        parts.push_back(part);
    }
    std::string result = root;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) result += '/';
        result += parts[i];
    }
    if (result.empty()) result = ".";
    return result;
}

bool starts_with_dot_component(std::string_view dir) {
    return dir == "." || dir == ".." || dir.starts_with("./") || dir.starts_with("../");
}

// cd step 5: the first CDPATH entry under which `dir` is a directory. `announce` is set when
// the entry was not empty (the new directory is then printed).
std::optional<std::string> search_cdpath(Shell& sh, const std::string& dir, bool& announce) {
    const std::string* cdpath = sh.vars.get("CDPATH");
    if (cdpath == nullptr) return std::nullopt;
    std::size_t start = 0;
    for (;;) {
        std::size_t colon = cdpath->find(':', start);
        std::string entry =
            cdpath->substr(start, colon == std::string::npos ? colon : colon - start);
        std::string candidate = entry.empty()         ? "./" + dir
                                : entry.back() == '/' ? entry + dir
                                                      : entry + "/" + dir;
        if (is_directory(candidate)) {
            announce = !entry.empty();
            return candidate;
        }
        if (colon == std::string::npos) return std::nullopt;
        start = colon + 1;
    }
}

std::string error_text(int error) {
    return std::strerror(error);
}

}  // namespace

// cd's status for a failure. POSIX.1-2024 gives 1 a meaning of its own (cd -P -e: the
// directory changed but PWD could not be determined), so errors are 2, as in dash.
constexpr int kFailed = 2;

int builtin_cd(Shell& sh, Args argv) {
    PathMode mode = PathMode::Logical;
    bool check_pwd = false;  // -e: with -P, status 1 when the new PWD cannot be determined.
    OptionScanner options(sh, argv, "LPe");
    while (char letter = options.next()) {
        if (letter == '?') return 2;
        if (letter == 'e') {
            check_pwd = true;
        } else {
            mode = letter == 'P' ? PathMode::Physical : PathMode::Logical;
        }
    }
    std::size_t operand = options.operand_index();
    if (argv.size() - operand > 1) {
        sh.error("cd", "too many arguments");
        return 2;
    }

    std::string dir;
    bool print_new_directory = false;
    if (operand == argv.size()) {
        const std::string* home = sh.vars.get("HOME");
        if (home == nullptr || home->empty()) {
            sh.error("cd", "HOME not set");
            return kFailed;
        }
        dir = *home;
    } else if (argv[operand] == "-") {
        const std::string* old = sh.vars.get("OLDPWD");
        if (old == nullptr || old->empty()) {
            sh.error("cd", "OLDPWD not set");
            return kFailed;
        }
        dir = *old;
        print_new_directory = true;
    } else {
        dir = argv[operand];
    }
    if (dir.empty()) {
        // POSIX.1-2024: an empty operand is an error, not a synonym for ".".
        sh.error("cd", "empty directory name");
        return kFailed;
    }

    std::string curpath = dir;
    if (dir[0] != '/' && !starts_with_dot_component(dir)) {
        bool announce = false;
        if (auto found = search_cdpath(sh, dir, announce)) {
            curpath = *found;
            if (announce) print_new_directory = true;
        }
    }

    std::optional<std::string> old_pwd = logical_cwd(sh);
    if (mode == PathMode::Logical) {
        if (curpath[0] != '/') {
            if (!old_pwd) {
                sh.error("cd", "can't determine the current directory");
                return kFailed;
            }
            curpath = *old_pwd + (old_pwd->back() == '/' ? "" : "/") + curpath;
        }
        errno = 0;
        auto canonical = canonical_form(curpath);
        if (!canonical) {
            sh.error("cd", "can't cd to " + dir + ": " + error_text(errno));
            return kFailed;
        }
        curpath = *canonical;
    }

    if (chdir(curpath.c_str()) != 0) {
        sh.error("cd", "can't cd to " + dir + ": " + error_text(errno));
        return kFailed;
    }

    std::string new_pwd = curpath;
    int status = 0;
    if (mode == PathMode::Physical) {
        auto physical = physical_cwd();
        new_pwd = physical ? *physical : curpath;
        if (!physical && check_pwd) {
            sh.error("cd", "changed to " + dir + ", but can't determine the new directory");
            status = 1;
        }
    }
    // cd sets the PWD and OLDPWD environment variables (XCU cd), so both are exported, as in
    // dash, even when the shell started without them or they were unset.
    if (old_pwd) {
        if (sh.assign("OLDPWD", *old_pwd))
            sh.vars.set_exported("OLDPWD", true);
        else
            status = kFailed;
    }
    if (sh.assign("PWD", new_pwd))
        sh.vars.set_exported("PWD", true);
    else
        status = kFailed;
    if (print_new_directory) {
        sh.out.write(new_pwd);
        sh.out.put('\n');
    }
    return status;
}

int builtin_pwd(Shell& sh, Args argv) {
    PathMode mode = PathMode::Logical;
    OptionScanner options(sh, argv, "LP");
    while (char letter = options.next()) {
        if (letter == '?') return 2;
        mode = letter == 'P' ? PathMode::Physical : PathMode::Logical;
    }
    if (options.operand_index() != argv.size()) {
        sh.error("pwd", "too many arguments");
        return 2;
    }
    std::optional<std::string> cwd = mode == PathMode::Logical ? logical_cwd(sh) : physical_cwd();
    if (!cwd) {
        sh.error("pwd", "can't determine the current directory: " + error_text(errno));
        return 1;
    }
    sh.out.write(*cwd);
    sh.out.put('\n');
    return 0;
}

}  // namespace vsh
