#include "shell/interactive/startup_files.hpp"

#include <sys/stat.h>

#include <string>

#include "shell/base/fd_source.hpp"
#include "shell/base/privileges.hpp"
#include "shell/core/shell.hpp"
#include "shell/exec/command_words.hpp"
#include "shell/exec/executor.hpp"
#include "shell/expand/expand.hpp"

namespace vsh {
namespace {

// Runs one start-up file if it can be read (a missing file is the common case, and no error).
// Each command runs as at the prompt: an error ends that command only, so one mistake in a
// profile does not lock the user out of their login.
void run_startup_file(Shell& sh, const std::string& path) {
    // `vsh -n -l script` checks the script's syntax; running the profile's commands would
    // be the surprise (dash runs nothing under -n either). An interactive shell ignores -n.
    if (sh.options.noexec && !sh.options.interactive) return;
    // A setuid or setgid shell runs no file its caller can name or write (ENV, ~/.vshrc,
    // ~/.profile), with or without -p.
    if (started_with_other_ids()) return;
    // Only a regular file: ENV=/dev/zero or a FIFO would be read for ever.
    struct stat st;
    if (stat(path.c_str(), &st) != 0) return;
    if (!S_ISREG(st.st_mode)) {
        sh.err.write("vsh: " + path + ": not a regular file, not read\n");
        sh.err.flush();
        return;
    }
    std::string text;
    int error = 0;
    if (!read_script_file(path, text, &error)) return;
    std::string saved_name = std::move(sh.source_name);
    const std::uint32_t saved_line = sh.lineno;
    sh.source_name = path;
    StringSource source(std::move(text));
    try {
        sh.executor->run_source(source, CommandLoop::Interactive);
    } catch (const FatalError& e) {
        sh.last_status = e.status;
    }
    sh.source_name = std::move(saved_name);
    sh.lineno = saved_line;
    // `exit` (or `return` outside a function) in a start-up file ends the shell now, as in
    // dash, rather than after the first command typed.
    if (sh.jump == Jump::Exit) sh.executor->exit_shell(sh.last_status);
    sh.jump = Jump::None;
}

// $HOME/NAME, or empty when HOME is unset or empty (no file is read then, as in dash).
std::string in_home(const Shell& sh, const char* name) {
    const std::string* home = sh.vars.get("HOME");
    if (home == nullptr || home->empty()) return {};
    std::string path = *home;
    if (path.back() != '/') path += '/';
    return path + name;
}

// POSIX: the value of ENV undergoes parameter expansion. Returns the empty string when the
// expansion fails.
std::string expand_env_value(Shell& sh, const std::string& value) {
    if (value.find('$') == std::string::npos) return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"' || c == '\\' || c == '`') quoted += '\\';
        quoted += c;
    }
    quoted += '"';
    auto parsed = parse_program(": " + quoted, nullptr);
    auto* cmd = std::get_if<std::unique_ptr<ast::Command>>(&parsed);
    if (cmd == nullptr) return {};
    const auto* simple = std::get_if<ast::SimpleCommand>(&unwrap_command(**cmd).node);
    if (simple == nullptr || simple->words.size() != 2) return {};
    try {
        return Expander(sh).expand_string(simple->words[1]);
    } catch (const FatalError&) {
        return {};
    }
}

}  // namespace

void read_profile_files(Shell& sh) {
    if (sh.startup.login != LoginShell::Yes || sh.startup.profile == ProfileFiles::Skip) return;
    run_startup_file(sh, "/etc/profile");
    if (std::string path = in_home(sh, ".profile"); !path.empty()) run_startup_file(sh, path);
}

void read_rc_file(Shell& sh) {
    // ENV replaces ~/.vshrc whenever it is set, as in mksh: `ENV= vsh` starts with no rc
    // file at all. --norc skips only ~/.vshrc (as bash's skips only ~/.bashrc): ENV is
    // POSIX's, and whoever set it asked for it.
    if (const std::string* env = sh.vars.get("ENV"); env != nullptr) {
        std::string path = expand_env_value(sh, *env);
        if (!path.empty() && path[0] == '/') run_startup_file(sh, path);
        return;
    }
    if (sh.startup.rc == RcFile::Skip) return;
    if (std::string path = in_home(sh, ".vshrc"); !path.empty()) run_startup_file(sh, path);
}

}  // namespace vsh
