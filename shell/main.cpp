// vsh entry point: options, start-up environment, then the command loop.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>
#include <string>
#include <string_view>

#include "backends/backend.hpp"
#include "builtins/builtin_table.hpp"
#include "builtins/working_directory.hpp"
#include "shell/base/fd_source.hpp"
#include "shell/base/privileges.hpp"
#include "shell/core/shell.hpp"
#include "shell/exec/command_search.hpp"
#include "shell/exec/executor.hpp"
#include "shell/interactive/interactive.hpp"
#include "shell/interactive/startup_files.hpp"
#include "shell/timing/report.hpp"
#include "shell/traps/traps.hpp"

extern char** environ;

namespace vsh {
namespace {

constexpr std::string_view kUsage =
    "usage: vsh [-abCefhilmnuvx] [-o option] [--backend=NAME] [--login] [--noprofile]\n"
    "           [--norc] [script [args...]]\n"
    "       vsh [options] -c command_string [command_name [args...]]\n"
    "       vsh [options] -s [args...]\n"
    "       vsh --timing-report [--json] [--by-program] FILE\n"
    "       vsh --timing-report --trace LOG... > trace.json\n"
    "       vsh --help | --version\n";

void write_stderr(std::string_view text) {
    ssize_t ignored = write(2, text.data(), text.size());
    (void)ignored;
}

[[noreturn]] void usage_error(std::string_view message) {
    std::string text = "vsh: ";
    text += message;
    text += '\n';
    text += kUsage;
    write_stderr(text);
    _exit(2);
}

void set_default_variables(Shell& sh) {
    (void)sh.vars.set("IFS", " \t\n");
    // Prompts inherited from the environment are kept (as bash and dash do). The defaults of
    // XCU 2.5.3 are set in every shell, interactive or not, as dash, mksh and yash do; the
    // superuser's PS1 is "# ".
    if (sh.vars.get("PS1") == nullptr) (void)sh.vars.set("PS1", geteuid() == 0 ? "# " : "$ ");
    if (sh.vars.get("PS2") == nullptr) (void)sh.vars.set("PS2", "> ");
    if (sh.vars.get("PS4") == nullptr) (void)sh.vars.set("PS4", "+ ");
    (void)sh.vars.set("OPTIND", "1");
    // A shell started without PATH gets the path it searches then, unexported, as dash and
    // bash do: `PATH=$PATH:dir` must not turn into a search of the current directory.
    if (sh.vars.get("PATH") == nullptr) (void)sh.vars.set("PATH", kDefaultPath);
    (void)sh.vars.set("PPID", std::to_string(getppid()));
    // PWD (XCU 2.5.3): the inherited value is kept only if it is absolute, has no "." or ".."
    // components and names the current directory; otherwise PWD is what pwd -P prints.
    const std::string* pwd = sh.vars.get("PWD");
    if (pwd == nullptr || !names_current_directory(*pwd)) {
        char buf[4096];
        if (getcwd(buf, sizeof buf) != nullptr) (void)sh.vars.set("PWD", buf);
    }
    // The shell sets PWD at start-up (XCU 2.5.3) for the programs it runs too, as dash does.
    if (sh.vars.get("PWD") != nullptr) sh.vars.set_exported("PWD", true);
}

bool select_backend(Shell& sh, std::string_view name) {
    if (name == "auto") {
        sh.backend = nullptr;
        return true;
    }
    backends::Backend* b = backends::find_backend(name);
    if (b == nullptr) {
        std::string msg = "unknown backend \"" + std::string(name) + "\" (valid: auto";
        for (backends::Backend* each : backends::all_backends()) {
            msg += ", ";
            msg += each->name();
        }
        msg += ")";
        write_stderr("vsh: " + msg + "\n");
        return false;
    }
    sh.backend = b;
    return true;
}

// Runs every command of the -c string or script, then exits the shell with the status POSIX
// gives it: the last command's, `exit`'s, or that of the error that ended the script. With -i
// an error ends only the complete command it happened in (XCU 2.8.1).
[[noreturn]] void run_and_exit(Shell& sh, InputSource& source) {
    int status = 0;
    try {
        status = sh.executor->run_source(
            source, sh.options.interactive ? CommandLoop::Interactive : CommandLoop::Script);
    } catch (const FatalError& e) {
        status = e.status;
    } catch (const std::bad_alloc&) {
        status = sh.report_out_of_memory();
    }
    if (sh.jump == Jump::Exit) status = sh.last_status;
    sh.executor->exit_shell(status);
}

// What the command line asks for besides the options it sets in the shell itself.
struct Invocation {
    bool command_string = false;     // -c: the first operand is the commands.
    bool force_interactive = false;  // -i
    const char* backend_name = nullptr;
    int operand = 1;  // argv's first operand (the command string, the script, or an argument).
    // Set when the command line was all there is to do (--help, --version, --timing-report,
    // a failure): the status to exit with.
    std::optional<int> done;
};

// A `--name` option. Returns false when `arg` is not one (it is then an operand or a bundle of
// letters); `i` moves past an option's separate argument.
bool long_option(Shell& sh, Invocation& call, int argc, char** argv, int& i) {
    const std::string_view arg = argv[i];
    if (arg == "--help") {
        write_stderr(kUsage);
        call.done = 0;
    } else if (arg == "--version") {
        std::string v = "vsh " VSH_VERSION "\n";
        ssize_t ignored = write(1, v.data(), v.size());
        (void)ignored;
        call.done = 0;
    } else if (arg.starts_with("--backend")) {
        if (arg.size() > 9 && arg[9] == '=') {
            call.backend_name = argv[i] + 10;
        } else if (arg.size() == 9 && i + 1 < argc) {
            call.backend_name = argv[++i];
        } else {
            usage_error("--backend needs a name");
        }
    } else if (arg == "--login") {
        sh.startup.login = LoginShell::Yes;
    } else if (arg == "--noprofile") {
        sh.startup.profile = ProfileFiles::Skip;
    } else if (arg == "--norc") {
        sh.startup.rc = RcFile::Skip;
    } else if (arg == "--timing-report") {
        call.done = timing_report_main(argc - i - 1, argv + i + 1);
    } else {
        return false;
    }
    return true;
}

// One option letter of a `-abc` or `+abc` bundle; `i` moves past -o's option name.
void option_letter(Shell& sh, Invocation& call, char c, bool on, int argc, char** argv, int& i) {
    if (c == 'c') {
        call.command_string = true;
    } else if (c == 's') {
        sh.options.stdin_mode = true;
    } else if (c == 'i') {
        call.force_interactive = on;
    } else if (c == 'l') {
        // Not a `set` option: $- does not show it (as in bash and dash).
        sh.startup.login = on ? LoginShell::Yes : LoginShell::No;
    } else if (c == 'm') {
        sh.options.monitor = on;
        sh.monitor_given = true;
    } else if (c == 'H') {
        sh.options.histexpand = on;
        sh.histexpand_given = true;
    } else if (c == 'o') {
        if (i + 1 >= argc) usage_error("-o needs an option name");
        if (!sh.set_option_name(argv[++i], on))
            usage_error("unknown option name " + std::string(argv[i]));
        if (std::string_view(argv[i]) == "histexpand") sh.histexpand_given = true;
    } else if (!sh.set_option_letter(c, on)) {
        usage_error(std::string("unknown option -") + c);
    }
}

// Reads the options; stops at the first operand.
Invocation parse_options(Shell& sh, int argc, char** argv) {
    Invocation call;
    int i = 1;
    for (; i < argc && !call.done; ++i) {
        std::string_view arg = argv[i];
        // XCU sh: a lone "-" is the first operand and is ignored, like "--" ending the options
        // (`sh -c - 'cmd'`, `sh -` reading standard input; dash, bash and mksh agree).
        if (arg == "--" || arg == "-") {
            ++i;
            break;
        }
        if (long_option(sh, call, argc, argv, i)) continue;
        if (arg.size() < 2 || (arg[0] != '-' && arg[0] != '+')) break;
        if (arg.starts_with("--")) usage_error("unknown option " + std::string(arg));
        const bool on = arg[0] == '-';
        for (std::size_t k = 1; k < arg.size(); ++k)
            option_letter(sh, call, arg[k], on, argc, argv, i);
    }
    call.operand = i;
    return call;
}

// --backend, else VSH_BACKEND. False (said) when it names no backend.
bool apply_backend(Shell& sh, const char* backend_name) {
    if (backend_name == nullptr) {
        if (const std::string* env = sh.vars.get("VSH_BACKEND"); env != nullptr && !env->empty())
            backend_name = env->c_str();
    }
    if (backend_name == nullptr) return true;
    std::string name = backend_name;
    if (!select_backend(sh, name)) return false;
    // Child shells (make's recipe lines) inherit the choice.
    if (sh.assign("VSH_BACKEND", name)) sh.vars.set_exported("VSH_BACKEND", true);
    return true;
}

// Before the commands of -c or a script: -i makes the shell interactive whatever it reads
// (XCU sh, as in dash with -c, and in bash, mksh and yash for a script), so that it keeps
// going after the errors that end a script; otherwise the profile files of a login shell.
void start_noninteractive_input(Shell& sh, const Invocation& call) {
    if (call.force_interactive)
        start_interactive(sh);
    else
        read_profile_files(sh);
    sh.executor->set_allow_exec_last(true);
}

[[noreturn]] void run_command_string(Shell& sh, const Invocation& call, int argc, char** argv) {
    int i = call.operand;
    if (i >= argc) usage_error("-c needs a command string");
    std::string command_string = argv[i++];
    if (i < argc) sh.arg0 = argv[i++];
    sh.positional.assign(argv + i, argv + argc);
    sh.source_name = "-c";
    start_noninteractive_input(sh, call);
    StringSource source(std::move(command_string));
    run_and_exit(sh, source);
}

// Returns only when the script cannot be read, with the status.
int run_script_file(Shell& sh, const Invocation& call, int argc, char** argv) {
    std::string path = argv[call.operand];
    sh.arg0 = path;
    sh.positional.assign(argv + call.operand + 1, argv + argc);
    sh.source_name = path;
    std::string text;
    int error = 0;
    if (!read_script_file(path, text, &error)) {
        write_stderr("vsh: cannot open " + path + ": " + std::strerror(error) + "\n");
        return error == ENOENT ? 127 : 126;
    }
    start_noninteractive_input(sh, call);
    StringSource source(std::move(text));
    run_and_exit(sh, source);
}

int run_standard_input(Shell& sh, const Invocation& call, int argc, char** argv) {
    // Commands from standard input: -s is implied, and $- shows it (XCU sh, 2.5.2).
    sh.options.stdin_mode = true;
    sh.positional.assign(argv + call.operand, argv + argc);
    if (call.force_interactive || (isatty(0) && isatty(2))) return run_interactive(sh);
    // Not $0, which is the shell's own path here: `vsh: /usr/bin/vsh:3:` reads like a
    // message about a file.
    sh.source_name = "stdin";
    read_profile_files(sh);
    FdSource source(0);
    run_and_exit(sh, source);
}

int run_main(int argc, char** argv) {
    (void)started_with_other_ids();  // Recorded before anything can change the ids.
    Shell sh;
    install_executor(sh);
    install_builtins(sh);
    sh.vars.import_environment(environ);
    set_default_variables(sh);
    sh.arg0 = argc > 0 ? argv[0] : "vsh";
    // login(1) and sshd start a login shell with a '-' before its name ("-vsh"), which stays
    // in $0 as in bash and dash.
    if (argc > 0 && argv[0][0] == '-') sh.startup.login = LoginShell::Yes;
    const Invocation call = parse_options(sh, argc, argv);
    if (call.done) return *call.done;
    if (started_with_other_ids() && !sh.options.privileged && !drop_privileges()) {
        write_stderr(std::string("vsh: cannot give up the setuid/setgid ids: ") +
                     std::strerror(errno) + "\n");
        return 2;
    }
    if (!apply_backend(sh, call.backend_name)) return 2;
    if (const std::string* t = sh.vars.get("VSH_TIMING"); t != nullptr && *t == "1")
        sh.options.timing = true;
    if (call.command_string) run_command_string(sh, call, argc, argv);
    if (!sh.options.stdin_mode && call.operand < argc) return run_script_file(sh, call, argc, argv);
    return run_standard_input(sh, call, argc, argv);
}

}  // namespace
}  // namespace vsh

int main(int argc, char** argv) {
    return vsh::run_main(argc, argv);
}
