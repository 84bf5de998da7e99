// command, type and hash: how a name would be run, and running it without functions.
#include <cerrno>

#include "builtins/builtin.hpp"
#include "builtins/declarations.hpp"
#include "builtins/option_util.hpp"
#include "builtins/quote.hpp"
#include "shell/core/shell.hpp"
#include "shell/exec/executor.hpp"

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

// Prints how `name` would be found. Returns false when it would not be found.
bool describe(Shell& sh, const std::string& name, Describe how) {
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
        bool hashed = sh.command_hash.count(name) != 0;
        path = sh.executor->find_in_path(name, &error);
        if (path.empty()) {
            if (verbose) sh.error(name + ": not found");
            return false;
        }
        if (verbose && hashed) {
            sh.out.write(name + " is hashed (" + path + ")\n");
            return true;
        }
    }
    sh.out.write(verbose ? name + " is " + path + "\n" : path + "\n");
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
    if (mode != 0) {
        int status = 0;
        for (; i < argv.size(); ++i)
            if (!describe(sh, argv[i], mode == 'V' ? Describe::Verbose : Describe::Short))
                status = 127;
        return status;
    }
    std::vector<std::string> words(argv.begin() + static_cast<long>(i), argv.end());
    std::string saved_path;
    bool restore_path = false;
    if (use_default_path) {
        // command -p: search the standard utilities' path (confstr(_CS_PATH)).
        char buf[1024];
        std::size_t n = confstr(_CS_PATH, buf, sizeof buf);
        const std::string* p = sh.vars.get("PATH");
        if (p != nullptr) saved_path = *p;
        restore_path = p != nullptr;
        sh.command_hash.clear();
        (void)sh.vars.set("PATH", n > 0 ? std::string(buf) : std::string("/usr/bin:/bin"));
    }
    int status;
    try {
        // `command` strips a special builtin of its special properties: its errors do not
        // exit the shell.
        status = sh.executor->run_argv(words, LastCommand::No, false);
    } catch (const FatalError& e) {
        status = e.status;
    }
    if (use_default_path) {
        sh.command_hash.clear();
        if (restore_path) {
            (void)sh.vars.set("PATH", saved_path);
        } else {
            (void)sh.vars.unset("PATH");
        }
    }
    return status;
}

int builtin_type(Shell& sh, Args argv) {
    // type takes no options, but a first "--" is discarded (XCU 1.4, utility defaults).
    std::size_t first = argv.size() > 1 && argv[1] == "--" ? 2 : 1;
    int status = 0;
    for (std::size_t i = first; i < argv.size(); ++i)
        if (!describe(sh, argv[i], Describe::Verbose)) status = 127;
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
