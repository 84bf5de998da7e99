#include "shell/interactive/interactive.hpp"

#include <unistd.h>

#include <memory>
#include <new>

#include "shell/core/job_control.hpp"
#include "shell/core/shell.hpp"
#include "shell/exec/executor.hpp"
#include "shell/interactive/interactive_source.hpp"
#include "shell/interactive/line_editor.hpp"
#include "shell/interactive/startup_files.hpp"
#include "shell/interactive/terminal.hpp"
#include "shell/traps/traps.hpp"

namespace vsh {
namespace {

// The running interactive session, for interactive_at_exit (called from exit_shell, which may
// be reached from deep inside a command). Null before start-up and after the exit work ran.
struct Session {
    std::unique_ptr<interactive::LineEditor> editor;
    std::unique_ptr<interactive::InteractiveSource> source;
};
Session* active_session = nullptr;

std::unique_ptr<interactive::LineEditor> choose_editor(Shell& sh) {
    // `vsh -i` reading a pipe or file gets prompts but no editing.
    if (!isatty(0)) return interactive::make_plain_editor();
    std::string why;
    if (auto editor = interactive::make_readline_editor(sh, why)) return editor;
    sh.err.write("vsh: line editing is off: " + why + "\n");
    sh.err.flush();
    return interactive::make_plain_editor();
}

}  // namespace

void start_interactive(Shell& sh) {
    sh.options.interactive = true;
    sh.at_exit = interactive_at_exit;
    // `!` history expansion, on at the prompt as in bash, unless the command line said +H.
    if (!sh.histexpand_given) sh.options.histexpand = true;
    // Job control is on by default on a terminal (POSIX `set -m`), unless the command line
    // said +m.
    if (isatty(0) && !sh.monitor_given) sh.options.monitor = true;
    // The terminal is standard input's, or the controlling terminal found through /dev/tty
    // when standard input is a pipe or a file (`vsh -i -m <script`), as in dash.
    if (sh.options.monitor &&
        interactive::take_terminal(terminal_fd(sh)) != interactive::TerminalOwnership::Taken) {
        sh.options.monitor = false;
        sh.err.write("vsh: cannot take the terminal: job control is off\n");
    }
    sh.traps->setup_interactive(sh.options.monitor);

    // The profiles run in the interactive shell, with job control already on, as in dash;
    // then the rc file, before the first prompt (POSIX: ENV).
    read_profile_files(sh);
    read_rc_file(sh);
}

int run_interactive(Shell& sh) {
    sh.source_name.clear();
    if (!sh.options.vi && !sh.options.emacs) sh.options.emacs = true;
    start_interactive(sh);

    static Session session;
    session.editor = choose_editor(sh);
    session.source = std::make_unique<interactive::InteractiveSource>(sh, *session.editor);
    active_session = &session;
    interactive::load_history(sh, *session.editor);

    int status = 0;
    for (;;) {
        sh.abandon_on_interrupt = true;
        try {
            status = sh.executor->run_source(*session.source, CommandLoop::Interactive);
        } catch (const FatalError& e) {
            status = e.status;
            continue;
        } catch (const std::bad_alloc&) {
            status = sh.last_status = sh.report_out_of_memory();
            continue;
        } catch (const interactive::CommandInterrupted&) {
            continue;
        } catch (const CommandLineAbandoned& abandoned) {
            // Ctrl-C or Ctrl-Z: the rest of the line is dropped; its status is $?.
            status = sh.last_status = abandoned.status;
            sh.jump = Jump::None;
            continue;
        }
        break;
    }
    sh.abandon_on_interrupt = false;
    if (sh.jump == Jump::Exit) status = sh.last_status;
    interactive_at_exit(sh);
    sh.executor->exit_shell(status);
}

void interactive_at_exit(Shell& sh) {
    if (sh.is_subshell) return;
    if (active_session != nullptr) {
        Session& session = *active_session;
        active_session = nullptr;
        interactive::finish_history(sh, *session.source);
    }
    // `vsh -ci` may have taken the terminal without a session.
    interactive::restore_terminal_owner();
}

}  // namespace vsh
