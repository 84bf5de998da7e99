// command, type and hash: how a name would be run, and running it without functions.
#include <cerrno>

#include "builtins/builtin.hpp"
#include "builtins/declarations.hpp"
#include "builtins/option_util.hpp"
#include "builtins/quote.hpp"
#include "builtins/working_directory.hpp"
#include "shell/core/shell.hpp"
#include "shell/exec/executor.hpp"
#include "shell/exec/spawn.hpp"

namespace vsh {

namespace {

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
    const Builtin* b = name.find('/') == std::string::npos ? find_builtin(name) : nullptr;
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
        if (access(name.c_str(), X_OK) != 0) {
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
        return sh.executor->run_argv(words, LastCommand::No, false, search_path);
    } catch (const FatalError& e) {
        return e.status;
    }
}

int builtin_type(Shell& sh, Args argv) {
    // type takes no options, but a first "--" is discarded (XCU 1.4, utility defaults).
    std::size_t first = argv.size() > 1 && argv[1] == "--" ? 2 : 1;
    int status = 0;
    for (std::size_t i = first; i < argv.size(); ++i)
        if (!describe(sh, argv[i], Describe::Verbose, {})) status = 127;
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
        if (name.find('/') != std::string::npos || find_builtin(name) != nullptr ||
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
