// The prompt and a clean screen, through a real terminal: bash's prompt escapes,
// PROMPT_COMMAND, what is drawn after an ignored Ctrl-D, Ctrl-C and a `set -b` notice, the
// window size (checkwinsize), the editing mode ~/.inputrc chose, and Ctrl-X Ctrl-E.
#include <limits.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/interactive/harness.hpp"

namespace vsh::pty_test {
namespace {

using Clock = std::chrono::steady_clock;

std::string user_name() {
    const passwd* entry = getpwuid(geteuid());
    return entry != nullptr ? entry->pw_name : std::to_string(geteuid());
}

std::string host_name() {
    char name[HOST_NAME_MAX + 1] = {};
    gethostname(name, sizeof name - 1);
    return name;
}

// A terminal that knows bracketed paste and wraps long lines, so what readline writes around
// a line (and where the cursor goes) is what a user's terminal gets.
LaunchOptions xterm_options(const std::string& scratch) {
    LaunchOptions options = base_options(scratch);
    options.environment["TERM"] = "xterm";
    return options;
}

void write_file(const std::string& path, const std::string& text, mode_t mode) {
    std::ofstream(path) << text;
    chmod(path.c_str(), mode);
}

// The longest run of `c` in `text`.
std::size_t longest_run(const std::string& text, char c) {
    std::size_t longest = 0;
    std::size_t run = 0;
    for (char x : text) {
        run = x == c ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return longest;
}

// Waits until the raw output after `from` holds `count` copies of `c`.
void wait_for_count(PtySession& s, std::size_t from, char c, std::size_t count) {
    const auto deadline = Clock::now() + kPatience;
    for (;;) {
        const std::string tail = s.raw().substr(std::min(from, s.raw().size()));
        if (static_cast<std::size_t>(std::count(tail.begin(), tail.end(), c)) >= count) return;
        check(Clock::now() < deadline, "the typed line was not echoed");
        s.poll_output();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

std::vector<Case> escape_cases() {
    return {
        {"prompt escapes: user, host, directories, counters",
         [](const std::string& scratch) {
             LaunchOptions options = base_options(scratch);
             mkdir((scratch + "/sub").c_str(), 0755);
             options.environment["PS1"] =
                 "[\\u|\\h|\\H|\\w|\\W|\\$|\\j|\\!|\\#|\\s|\\101\\\\|\\D{x%%y}]\\n> ";
             const std::string host = host_name();
             const std::string short_host = host.substr(0, host.find('.'));
             const std::string dollar = geteuid() == 0 ? "#" : "$";
             const std::string scratch_name = scratch.substr(scratch.rfind('/') + 1);
             with_session(options, [&](PtySession& s) {
                 // HOME is the scratch directory: \w is ~ there.
                 const std::string head = "[" + user_name() + "|" + short_host + "|" + host;
                 expect(s, head + "|~|~|" + dollar + "|0|1|1|vsh|A\\|x%y]\n> ");
                 s.send("cd sub; sleep 30 &\r");
                 expect(s, head + "|~/sub|sub|" + dollar + "|1|2|2|vsh|A\\|x%y]\n> ");
                 s.send("kill %1; cd /; HOME=/nowhere\r");
                 expect(s, "|/|/|");
                 finish(s);
             });
             (void)scratch_name;
         }},
        {"prompt escapes: \\[ \\] around invisible text, then parameter expansion",
         [](const std::string& scratch) {
             LaunchOptions options = base_options(scratch);
             options.environment["PS1"] = "\\[\\e[1m\\]$V\\[\\e[0m\\]> ";
             options.environment["V"] = "bold";
             with_session(options, [](PtySession& s) {
                 expect(s, "bold> ");
                 // The markers are readline's: they never reach the terminal.
                 check(s.raw().find('\001') == std::string::npos, "\\001 reached the terminal");
                 check(s.raw().find("\033[1mbold\033[0m> ") != std::string::npos,
                       "the escape sequences were not written around the text");
                 finish(s);
             });
         }},
        {"PROMPT_COMMAND runs before each prompt, errors shown, $? kept",
         [](const std::string& scratch) {
             LaunchOptions options = base_options(scratch);
             options.environment["PS1"] = "[$?]> ";
             options.environment["PROMPT_COMMAND"] = "echo pc-$?; false";
             with_session(options, [](PtySession& s) {
                 expect(s, "pc-0\n[0]> ");
                 s.send("(exit 4)\r");
                 expect(s, "pc-4\n[4]> ");
                 s.send("PROMPT_COMMAND=no_such_command_vsh\r");
                 expect(s, "no_such_command_vsh");
                 expect(s, "[0]> ");
                 // `exit` in PROMPT_COMMAND leaves at once, with its status.
                 s.send("PROMPT_COMMAND='exit 3'\r");
                 expect_exit(s, 3);
             });
         }},
    };
}

std::vector<Case> clean_screen_cases() {
    return {
        {"no empty line after an ignored Ctrl-D",
         [](const std::string& scratch) {
             with_session(xterm_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("set -o ignoreeof\r");
                 expect(s, "vsh> ");
                 s.send("\x04");
                 expect(s, "Use \"exit\" to leave the shell.\nvsh> ");
                 check(s.transcript().find("vsh> \nUse \"exit\"") != std::string::npos,
                       "Ctrl-D did not end its line exactly once");
                 s.send("echo one\r");
                 expect(s, "echo one\none\nvsh> ");
                 s.send("echo two\r");
                 expect(s, "echo two\ntwo\nvsh> ");
                 finish(s);
             });
         }},
        {"no empty line after Ctrl-D with stopped jobs",
         [](const std::string& scratch) {
             with_session(xterm_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("sleep 30\r");
                 check(s.wait_for_process("sleep"), "sleep did not start");
                 s.send("\x1a");
                 expect(s, "vsh> ");
                 s.send("\x04");
                 expect(s, "You have stopped jobs.\nvsh> ");
                 s.send("echo one\r");
                 expect(s, "echo one\none\nvsh> ");
                 s.send("kill -9 %1\r");
                 expect(s, "vsh> ");
                 finish(s);
             });
         }},
        {"Ctrl-C: ^C after the typed text, the prompt on a fresh line",
         [](const std::string& scratch) {
             with_session(xterm_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("abc");
                 expect(s, "abc");
                 s.send("\x03");
                 expect(s, "^C\nvsh> ");
                 // Not written over the start of the line after a carriage return.
                 check(s.raw().find("abc^C") != std::string::npos, "^C not after the text");
                 s.send("echo $?\r");
                 expect(s, "130\nvsh> ");
                 finish(s);
             });
         }},
        {"set -b: a finished job's notice redraws the prompt once, with the typed text",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("set -b; sleep 0.5 &\r");
                 expect(s, "vsh> ");
                 s.send("echo typed");
                 expect(s, "echo typed");
                 expect(s, "Done");
                 expect(s, "sleep 0.5\n");
                 const std::size_t after_notice = s.cursor();
                 expect(s, "vsh> echo typed");
                 s.send("\r");
                 expect(s, "typed\n");
                 const std::string redraw = s.transcript().substr(after_notice);
                 check(redraw.find("vsh> vsh> ") == std::string::npos,
                       "the prompt was drawn twice");
                 finish(s);
             });
         }},
        {"window size: COLUMNS and LINES after a resize during a job and at the prompt",
         [](const std::string& scratch) {
             with_session(xterm_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("cat\r");
                 check(s.wait_for_process("cat"), "cat did not start");
                 // SIGWINCH goes to cat, the terminal's foreground group, not to the shell.
                 s.resize(30, 50);
                 s.send("\x04");
                 expect(s, "vsh> ");
                 s.send("echo $COLUMNS $LINES\r");
                 expect(s, "50 30\nvsh> ");
                 // A line longer than the window wraps where the window ends.
                 const std::size_t from = s.raw().size();
                 const std::string xs(70, 'x');
                 s.send(": " + xs);
                 wait_for_count(s, from, 'x', 70);
                 check(longest_run(s.raw().substr(from), 'x') < 50,
                       "the line was drawn as if the window were still 200 columns wide");
                 s.send("\r");
                 expect(s, "vsh> ");
                 // At the prompt the shell gets SIGWINCH itself.
                 s.resize(40, 120);
                 s.send("echo $COLUMNS $LINES\r");
                 expect(s, "120 40\nvsh> ");
                 finish(s);
             });
         }},
    };
}

std::vector<Case> editing_cases() {
    return {
        {"inputrc editing-mode vi is what set -o shows; set -o emacs switches",
         [](const std::string& scratch) {
             LaunchOptions options = base_options(scratch);
             write_file(scratch + "/inputrc", "set editing-mode vi\n", 0644);
             options.environment["INPUTRC"] = scratch + "/inputrc";
             with_session(options, [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("set -o | grep -E '^(vi|emacs) '\r");
                 expect(s, "vi              on\nemacs           off\nvsh> ");
                 s.send("set -o emacs; set -o | grep -E '^(vi|emacs) '\r");
                 expect(s, "vi              off\nemacs           on\nvsh> ");
                 // Emacs keys work now: Ctrl-A goes to the start of the line.
                 s.send(
                     "cho emacs-mode\x01"
                     "e\r");
                 expect(s, "emacs-mode\nvsh> ");
                 finish(s);
             });
         }},
        {"Ctrl-X Ctrl-E runs the line as the editor left it",
         [](const std::string& scratch) {
             LaunchOptions options = base_options(scratch);
             const std::string editor = scratch + "/editor";
             write_file(editor,
                        "#!/bin/sh\nsed 's/before/after/' \"$1\" > \"$1.new\" && "
                        "mv \"$1.new\" \"$1\"\n",
                        0755);
             options.environment["EDITOR"] = editor;
             with_session(options, [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("echo before-edit");
                 expect(s, "before-edit");
                 s.send("\x18\x05");
                 expect(s, "echo after-edit\nafter-edit\nvsh> ");
                 // The edited command is the one in the history.
                 s.send("fc -l -1\r");
                 expect(s, "echo after-edit\nvsh> ");
                 finish(s);
             });
         }},
        {"Ctrl-X Ctrl-E: v in vi command mode; a failing editor runs nothing",
         [](const std::string& scratch) {
             LaunchOptions options = base_options(scratch);
             const std::string editor = scratch + "/editor";
             write_file(editor,
                        "#!/bin/sh\nsed 's/before/after/' \"$1\" > \"$1.new\" && "
                        "mv \"$1.new\" \"$1\"\n",
                        0755);
             options.environment["VISUAL"] = editor;  // VISUAL wins over EDITOR.
             options.environment["EDITOR"] = "false";
             options.args = {"-o", "vi"};
             with_session(options, [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("echo before-vi");
                 expect(s, "before-vi");
                 s.send("\x1bv");
                 expect(s, "echo after-vi\nafter-vi\nvsh> ");
                 s.send("VISUAL=; echo set\r");
                 expect(s, "set\nvsh> ");
                 s.send("echo not-run");
                 expect(s, "not-run");
                 s.send("\x1bv");
                 expect(s, "vsh> ");
                 s.send("echo next\r");
                 expect(s, "next\nvsh> ");
                 check(s.transcript().find("not-run\nnot-run") == std::string::npos,
                       "the line ran although the editor failed");
                 finish(s);
             });
         }},
    };
}

}  // namespace

std::vector<Case> prompt_cases() {
    std::vector<Case> cases = escape_cases();
    for (Case& c : clean_screen_cases()) cases.push_back(std::move(c));
    for (Case& c : editing_cases()) cases.push_back(std::move(c));
    return cases;
}

}  // namespace vsh::pty_test
