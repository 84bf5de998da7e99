// eval and . (dot): run text as shell code in the current shell.
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

#include "builtins/declarations.hpp"
#include "shell/base/fd_source.hpp"
#include "shell/core/shell.hpp"
#include "shell/exec/executor.hpp"

namespace vsh {

int builtin_eval(Shell& sh, Args argv) {
    if (argv.size() < 2) return 0;
    std::string text;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        if (i > 1) text += ' ';
        text += argv[i];
    }
    // $? inside the text is the status from before eval (XCU 2.5.2); an empty or blank text
    // returns 0 because run_source() starts from 0, not because $? is reset here.
    StringSource source(std::move(text));
    return sh.executor->run_source(source, CommandLoop::Script, sh.lineno, "eval");
}

namespace {

// `.` searches PATH for a file that need not be executable, only readable (XCU dot).
std::string find_dot_file(Shell& sh, const std::string& name) {
    if (name.find('/') != std::string::npos) return name;
    const std::string* path = sh.vars.get("PATH");
    if (path == nullptr) return {};
    std::size_t start = 0;
    for (;;) {
        std::size_t colon = path->find(':', start);
        std::string dir =
            path->substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + name;
        struct stat st;
        if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
            access(candidate.c_str(), R_OK) == 0)
            return candidate;
        if (colon == std::string::npos) return {};
        start = colon + 1;
    }
}

}  // namespace

int builtin_dot(Shell& sh, Args argv) {
    std::size_t first = 1;
    if (first < argv.size() && argv[first] == "--") ++first;
    if (first >= argv.size()) {
        sh.error(".", "filename argument required");
        throw FatalError{2};
    }
    const std::string& name = argv[first];
    std::string path = find_dot_file(sh, name);
    std::string text;
    int error = ENOENT;
    if (path.empty() || !read_script_file(path, text, &error)) {
        sh.error(".",
                 name + ": " + (path.empty() ? std::string("not found") : std::strerror(error)));
        // POSIX only says the shell aborts; its status is dash's (2), found or not.
        throw FatalError{2};
    }
    // The caller's script name, line and positional parameters come back however the script
    // ends (return, an error that unwinds, or the end of its text).
    struct DotScope {
        Shell& sh;
        bool has_args;
        std::vector<std::string> saved_positional;
        std::string saved_name;
        std::uint32_t saved_line;
        ~DotScope() {
            --sh.dot_depth;
            sh.source_name = std::move(saved_name);
            sh.lineno = saved_line;
            if (has_args) sh.positional = std::move(saved_positional);
        }
    } scope{sh, argv.size() > first + 1, {}, std::move(sh.source_name), sh.lineno};
    ++sh.dot_depth;
    if (scope.has_args) {
        scope.saved_positional = std::move(sh.positional);
        sh.positional.assign(argv.begin() + static_cast<long>(first) + 1, argv.end());
    }
    sh.source_name = path;
    // The script sees the caller's $? (XCU 2.5.2); an empty script still returns 0, as
    // run_source() starts from 0.
    StringSource source(std::move(text));
    int status = sh.executor->run_source(source);
    if (sh.jump == Jump::Return) {
        sh.jump = Jump::None;
        status = sh.last_status;
    }
    return status;
}

int builtin_exec(Shell& sh, Args argv) {
    std::size_t first = 1;
    if (first < argv.size() && argv[first] == "--") ++first;
    // Without a command the executor has already made the redirections permanent.
    if (first >= argv.size()) return 0;
    std::vector<std::string> words(argv.begin() + static_cast<long>(first), argv.end());
    int status = sh.executor->exec_replace(words);
    // POSIX: a non-interactive shell exits when exec cannot run the command.
    if (!sh.options.interactive) sh.executor->exit_shell(status);
    return status;
}

}  // namespace vsh
