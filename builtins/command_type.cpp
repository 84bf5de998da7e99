// command, type and hash: how a name would be run, and running it without functions.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "builtins/declarations.hpp"
#include "builtins/option_util.hpp"
#include "builtins/usage.hpp"
#include "builtins/working_directory.hpp"
#include "shell/base/quote.hpp"
#include "shell/core/shell.hpp"
#include "shell/exec/command_search.hpp"
#include "shell/exec/executor.hpp"

namespace vsh {

namespace {

// A name with a slash is a command only if it is an executable regular file: a directory has
// search permission, not execute permission in this sense (bash, mksh and yash agree).
bool executable_file(const std::string& path) {
    struct stat st {};
    return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(path.c_str(), X_OK) == 0;
}

bool is_reserved_word(std::string_view w) {
    static constexpr std::string_view kWords[] = {"!",    "{",    "}",     "case",  "do",  "done",
                                                  "elif", "else", "esac",  "fi",    "for", "if",
                                                  "in",   "then", "until", "while", "time"};
    for (std::string_view k : kWords)
        if (k == w) return true;
    return false;
}

enum class Describe : unsigned char { Short /* command -v */, Verbose /* command -V, type */ };

// XCU command -v: a utility, and a command_name containing a slash, is written as an
// absolute pathname, so a relative one (or one found through a relative PATH entry) is put
// under the working directory, without its leading "./".
std::string absolute_pathname(Shell& sh, std::string path) {
    if (!path.empty() && path[0] == '/') return path;
    std::optional<std::string> cwd = logical_cwd(sh);
    if (!cwd) return path;
    while (path.size() > 2 && path.compare(0, 2, "./") == 0) {
        path.erase(0, 2);
        while (!path.empty() && path[0] == '/') path.erase(0, 1);
    }
    if (cwd->empty() || cwd->back() != '/') *cwd += '/';
    return *cwd + path;
}

// The PATH that finds the standard utilities (confstr(_CS_PATH)), for `command -p`.
std::string standard_path() {
    char buf[1024];
    std::size_t n = confstr(_CS_PATH, buf, sizeof buf);
    return n > 0 && n <= sizeof buf ? std::string(buf) : std::string("/usr/bin:/bin");
}

// Prints how `name` would be found; a non-empty `search_path` replaces PATH and the hash
// table (`command -p`). Returns false when it would not be found.
bool describe(Shell& sh, const std::string& name, Describe how, std::string_view search_path) {
    bool verbose = how == Describe::Verbose;
    if (auto it = sh.aliases.find(name); it != sh.aliases.end()) {
        if (verbose) {
            sh.out.write(name + " is an alias for " + it->second + "\n");
        } else {
            sh.out.write("alias " + name + "=" + shell_quote(it->second) + "\n");
        }
        return true;
    }
    if (is_reserved_word(name)) {
        sh.out.write(verbose ? name + " is a shell keyword\n" : name + "\n");
        return true;
    }
    const Builtin* b = name.find('/') == std::string::npos ? sh.find_builtin(name) : nullptr;
    if (b != nullptr && b->cls == BuiltinClass::Special) {
        sh.out.write(verbose ? name + " is a special shell builtin\n" : name + "\n");
        return true;
    }
    if (sh.functions.count(name) != 0) {
        sh.out.write(verbose ? name + " is a shell function\n" : name + "\n");
        return true;
    }
    if (b != nullptr) {
        sh.out.write(verbose ? name + " is a shell builtin\n" : name + "\n");
        return true;
    }
    std::string path;
    if (name.find('/') != std::string::npos) {
        if (!executable_file(name)) {
            if (verbose) sh.error(name + ": not found");
            return false;
        }
        path = name;
    } else {
        int error = ENOENT;
        bool hashed = search_path.empty() && sh.command_hash.count(name) != 0;
        path = search_path.empty() ? sh.executor->find_in_path(name, &error)
                                   : search_path_in(search_path, name, &error);
        if (path.empty()) {
            if (verbose) sh.error(name + ": not found");
            return false;
        }
        if (verbose && hashed) {
            sh.out.write(name + " is hashed (" + path + ")\n");
            return true;
        }
    }
    sh.out.write(verbose ? name + " is " + path + "\n" : absolute_pathname(sh, path) + "\n");
    return true;
}

}  // namespace

int builtin_command(Shell& sh, Args argv) {
    std::size_t i = 1;
    bool use_default_path = false;
    char mode = 0;
    for (; i < argv.size(); ++i) {
        const std::string& arg = argv[i];
        if (arg == "--") {
            ++i;
            break;
        }
        if (arg.size() < 2 || arg[0] != '-') break;
        for (std::size_t k = 1; k < arg.size(); ++k) {
            if (arg[k] == 'p') {
                use_default_path = true;
            } else if (arg[k] == 'v' || arg[k] == 'V') {
                mode = arg[k];
            } else {
                sh.error("command", std::string("illegal option -") + arg[k]);
                return 2;
            }
        }
    }
    if (i >= argv.size()) return 0;
    // command -p searches the standard utilities' path instead of PATH; the command still
    // gets the shell's PATH in its environment.
    std::string search_path = use_default_path ? standard_path() : std::string();
    if (mode != 0) {
        int status = 0;
        for (; i < argv.size(); ++i) {
            Describe how = mode == 'V' ? Describe::Verbose : Describe::Short;
            if (!describe(sh, argv[i], how, search_path)) status = 127;
        }
        return status;
    }
    std::vector<std::string> words(argv.begin() + static_cast<long>(i), argv.end());
    try {
        // `command` strips a special builtin of its special properties: its errors do not
        // exit the shell.
        return sh.executor->run_argv(words, LastCommand::No, Functions::Skip, search_path);
    } catch (const FatalError& e) {
        return e.status;
    }
}

namespace {

// What `type -a/-t/-p/-P` finds for a name (bash extensions), in the order the shell looks.
enum class Found : unsigned char { Alias, Keyword, SpecialBuiltin, Function, Builtin, File };

struct Finding {
    Found kind;
    std::string path;  // For Found::File.
};

enum class Matches : unsigned char { First, All };
enum class TypeOutput : unsigned char {
    Describe,
    Word /* -t */,
    Path /* -p */,
    ForcedPath /* -P */
};

// Every PATH directory that holds an executable `name`, in PATH order.
void add_path_matches(Shell& sh, const std::string& name, std::vector<Finding>& found) {
    const std::string* path_var = sh.vars.get("PATH");
    std::string_view path = path_var != nullptr ? std::string_view(*path_var)
                                                : std::string_view("/usr/local/bin:/usr/bin:/bin");
    for (std::size_t start = 0;;) {
        std::size_t colon = path.find(':', start);
        int error = ENOENT;
        std::string match = search_path_in(path.substr(start, colon - start), name, &error);
        if (!match.empty()) found.push_back({Found::File, std::move(match)});
        if (colon == std::string_view::npos) break;
        start = colon + 1;
    }
}

std::vector<Finding> find_all(Shell& sh, const std::string& name, TypeOutput output) {
    std::vector<Finding> found;
    if (name.find('/') != std::string::npos) {
        if (executable_file(name)) found.push_back({Found::File, name});
        return found;
    }
    if (output != TypeOutput::ForcedPath) {
        if (sh.aliases.count(name) != 0) found.push_back({Found::Alias, {}});
        if (is_reserved_word(name)) found.push_back({Found::Keyword, {}});
        const Builtin* b = sh.find_builtin(name);
        if (b != nullptr && b->cls == BuiltinClass::Special)
            found.push_back({Found::SpecialBuiltin, {}});
        if (sh.functions.count(name) != 0) found.push_back({Found::Function, {}});
        if (b != nullptr && b->cls == BuiltinClass::Regular) found.push_back({Found::Builtin, {}});
    }
    add_path_matches(sh, name, found);
    return found;
}

std::string_view word_for(Found kind) {
    switch (kind) {
        case Found::Alias:
            return "alias";
        case Found::Keyword:
            return "keyword";
        case Found::Function:
            return "function";
        case Found::SpecialBuiltin:
        case Found::Builtin:
            return "builtin";
        case Found::File:
            return "file";
    }
    return "file";
}

void write_verbose(Shell& sh, const std::string& name, const Finding& finding) {
    switch (finding.kind) {
        case Found::Alias:
            sh.out.write(name + " is an alias for " + sh.aliases.at(name) + "\n");
            break;
        case Found::Keyword:
            sh.out.write(name + " is a shell keyword\n");
            break;
        case Found::SpecialBuiltin:
            sh.out.write(name + " is a special shell builtin\n");
            break;
        case Found::Function:
            sh.out.write(name + " is a shell function\n");
            break;
        case Found::Builtin:
            sh.out.write(name + " is a shell builtin\n");
            break;
        case Found::File:
            sh.out.write(name + " is " + finding.path + "\n");
            break;
    }
}

// `type` with options; false when nothing was found. Only -a reports "not found" (bash).
bool type_with_options(Shell& sh, const std::string& name, TypeOutput output, Matches matches) {
    std::vector<Finding> found = find_all(sh, name, output);
    if (found.empty()) {
        if (output == TypeOutput::Describe) sh.error("type", name + ": not found");
        return false;
    }
    if (matches == Matches::First) {
        // The command that would run: a hashed location wins over a PATH search.
        if (found.front().kind == Found::File && name.find('/') == std::string::npos) {
            int error = ENOENT;
            found.front().path = sh.executor->find_in_path(name, &error);
        }
        found.resize(1);
    }
    for (const Finding& finding : found) {
        if (output == TypeOutput::Describe) {
            write_verbose(sh, name, finding);
        } else if (output == TypeOutput::Word) {
            sh.out.write(std::string(word_for(finding.kind)) + "\n");
        } else if (finding.kind == Found::File) {
            sh.out.write(finding.path + "\n");
        }
    }
    return true;
}

}  // namespace

int builtin_type(Shell& sh, Args argv) {
    Matches matches = Matches::First;
    TypeOutput output = TypeOutput::Describe;
    bool any_option = false;
    OptionScanner options(sh, argv, "atpP");
    for (char letter; (letter = options.next()) != 0;) {
        if (letter == '?') return usage_error(sh, "type");
        any_option = true;
        if (letter == 'a') matches = Matches::All;
        if (letter == 't') output = TypeOutput::Word;
        if (letter == 'p' && output != TypeOutput::ForcedPath) output = TypeOutput::Path;
        if (letter == 'P') output = TypeOutput::ForcedPath;
    }
    int status = 0;
    for (std::size_t i = options.operand_index(); i < argv.size(); ++i) {
        if (!any_option) {
            // Plain type keeps dash's form and status (127 for a name not found).
            if (!describe(sh, argv[i], Describe::Verbose, {})) status = 127;
        } else if (!type_with_options(sh, argv[i], output, matches)) {
            status = 1;  // bash's status when a name is not found.
        }
    }
    return status;
}

int builtin_hash(Shell& sh, Args argv) {
    OptionScanner options(sh, argv, "r");
    bool forget = false;
    for (char letter; (letter = options.next()) != 0;) {
        if (letter == '?') return 2;
        forget = true;
    }
    if (forget) sh.command_hash.clear();
    std::size_t first = options.operand_index();
    if (first >= argv.size()) {
        if (!forget)
            for (const auto& [name, path] : sh.command_hash) sh.out.write(path + "\n");
        return 0;
    }
    int status = 0;
    for (std::size_t i = first; i < argv.size(); ++i) {
        const std::string& name = argv[i];
        if (name.find('/') != std::string::npos || sh.find_builtin(name) != nullptr ||
            sh.functions.count(name) != 0)
            continue;
        sh.command_hash.erase(name);
        int error = ENOENT;
        if (sh.executor->find_in_path(name, &error).empty()) {
            sh.error("hash", name + ": not found");
            status = 1;
        }
    }
    return status;
}

}  // namespace vsh
