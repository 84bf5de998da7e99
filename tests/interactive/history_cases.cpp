// History at a terminal: several shells sharing one history file at once (and one of them hung
// up mid-command) lose no line and interleave no entry; the file's mode; HISTCONTROL; the
// history builtin; `!` history expansion at the prompt and never in scripts; fc and EDITOR.
#include <sys/stat.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "tests/interactive/harness.hpp"

namespace vsh::pty_test {
namespace {

std::string read_history(const std::string& scratch) {
    std::ifstream in(scratch + "/history");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::size_t occurrences(const std::string& text, const std::string& wanted) {
    std::size_t count = 0;
    for (std::size_t at = text.find(wanted); at != std::string::npos;
         at = text.find(wanted, at + wanted.size()))
        ++count;
    return count;
}

// Types one command and waits for the prompt after it.
void run(PtySession& s, const std::string& command) {
    s.send(command + "\r");
    expect(s, "vsh> ");
}

std::string tag(int shell, int step) {
    return "s" + std::to_string(shell) + "-c" + std::to_string(step);
}

// Four shells share one HISTFILE; their commands alternate, each with a multi-line loop among
// them. The fourth is hung up (the terminal window closed) while a command runs. Every
// command of every shell must be in the file once, in each shell's order, every loop whole.
void shells_at_once_lose_nothing(const std::string& scratch) {
    const LaunchOptions options = base_options(scratch);
    with_session(options, [&](PtySession& s0) {
        with_session(options, [&](PtySession& s1) {
            with_session(options, [&](PtySession& s2) {
                with_session(options, [&](PtySession& s3) {
                    std::vector<PtySession*> shells = {&s0, &s1, &s2, &s3};
                    for (PtySession* s : shells) expect(*s, "vsh> ");
                    for (int step = 0; step < 4; ++step) {
                        for (int k = 0; k < 4; ++k) run(*shells[k], "echo " + tag(k, step));
                        for (int k = 0; k < 4; ++k) {
                            PtySession& s = *shells[k];
                            // PS2 lines sent at once: the loop is one entry of three lines.
                            s.send("for w in " + tag(k, step) + "-loop\r");
                            expect(s, "> ");
                            s.send("do : $w\r");
                            expect(s, "> ");
                            run(s, "done");
                        }
                    }
                    s3.send("sleep 33 # " + tag(3, 99) + "\r");
                    check(s3.wait_for_process("sleep"), "sleep never started in shell 3");
                    s3.hang_up();
                    std::optional<int> status = s3.wait_exit();
                    check(status.has_value(), "shell 3 did not exit on hang-up");
                    for (int k = 0; k < 3; ++k) finish(*shells[k]);
                });
            });
        });
    });
    std::string history = read_history(scratch);
    for (int k = 0; k < 4; ++k) {
        std::size_t previous = 0;
        for (int step = 0; step < 4; ++step) {
            const std::string line = "\necho " + tag(k, step) + "\n";
            const std::string loop = "\nfor w in " + tag(k, step) + "-loop\ndo : $w\ndone\n";
            check(occurrences(history, line) == 1, "not once in the file:" + line + history);
            check(occurrences(history, loop) == 1, "loop not whole in the file:" + loop + history);
            std::size_t at = history.find(line);
            check(at > previous || step == 0, "out of order:" + line + history);
            previous = at;
        }
    }
    check(occurrences(history, "\nsleep 33 # " + tag(3, 99) + "\n") == 1,
          "the command running at the hang-up was lost:\n" + history);
    struct stat info {};
    check(stat((scratch + "/history").c_str(), &info) == 0, "no history file");
    check((info.st_mode & 0777) == 0600, "history file mode is not 0600");
}

// HISTCONTROL=ignoreboth keeps blank-led and repeated commands out of the list and the file;
// `history`, `history N` and `history -c`.
void history_control_and_builtin(const std::string& scratch) {
    LaunchOptions options = base_options(scratch);
    options.environment["HISTCONTROL"] = "ignoreboth";
    with_session(options, [](PtySession& s) {
        expect(s, "vsh> ");
        run(s, "echo aa");
        run(s, "echo aa");
        run(s, " echo secret");
        run(s, "echo bb");
        s.send("history\r");
        expect(s, "\n    1  echo aa\n    2  echo bb\nvsh> ");
        s.send("history 1\r");
        expect(s, "\n    3  history\nvsh> ");
        run(s, "history -c");
        s.send("history\r");
        expect(s, "\n    1  history -c\nvsh> ");
        s.send("history x\r");
        expect(s, "history: x: numeric argument required");
        finish(s);
    });
    std::string history = read_history(scratch);
    check(occurrences(history, "\necho aa\n") == 1, "echo aa not once:\n" + history);
    check(history.find("secret") == std::string::npos, "a blank-led command was saved");
}

// `!!`, `!$` and `^old^new` show the line they make, then run it; it is what history keeps.
// An unknown event is an error and runs nothing; single quotes keep `!` as typed.
void history_expansion_at_the_prompt(const std::string& scratch) {
    with_session(base_options(scratch), [](PtySession& s) {
        expect(s, "vsh> ");
        run(s, "echo alpha beta");
        s.send("!!\r");
        expect(s, "\necho alpha beta\nalpha beta\nvsh> ");
        s.send("echo !$\r");
        expect(s, "\necho beta\nbeta\nvsh> ");
        s.send("^beta^gamma\r");
        expect(s, "\necho gamma\ngamma\nvsh> ");
        s.send("echo !nothere; echo ran\r");
        expect(s, "vsh: !nothere: event not found\nvsh> ");
        s.send("echo '!!' done\r");
        expect(s, "\n!! done\nvsh> ");
        s.send("fc -l -3\r");
        expect(s, "\techo beta\n");
        expect(s, "\techo gamma\n");
        check(s.transcript().find("\nran\n") == std::string::npos, "a failed line ran");
        finish(s);
    });
}

// Scripts and `-c` never expand `!`; `set +H` turns it off at the prompt; set -o lists it.
void history_expansion_off_in_scripts(const std::string& scratch) {
    std::ofstream(scratch + "/script") << "echo one\necho !! !$\n";
    with_session(base_options(scratch), [&scratch](PtySession& s) {
        expect(s, "vsh> ");
        run(s, "echo first");
        s.send(vsh_binary + " " + scratch + "/script\r");
        expect(s, "\none\n!! !$\nvsh> ");
        s.send(vsh_binary + " -c 'echo !!'\r");
        expect(s, "\n!!\nvsh> ");
        s.send("set -o | grep histexpand\r");
        expect(s, "histexpand");
        expect(s, "on");
        run(s, "set +H");
        s.send("echo !!\r");
        expect(s, "\n!!\nvsh> ");
        finish(s);
    });
}

// fc with no -e uses FCEDIT, else EDITOR (ed only when neither is set).
void fc_uses_editor(const std::string& scratch) {
    const std::string editor = scratch + "/editor";
    std::ofstream(editor) << "#!/bin/sh\nsed -i s/one/two/ \"$1\"\n";
    chmod(editor.c_str(), 0755);
    LaunchOptions options = base_options(scratch);
    options.environment["EDITOR"] = editor;
    with_session(options, [](PtySession& s) {
        expect(s, "vsh> ");
        run(s, "echo one");
        s.send("fc\r");
        expect(s, "\ntwo\nvsh> ");
        finish(s);
    });
}

}  // namespace

std::vector<Case> history_cases() {
    return {
        {"history: three shells at once and one hung up lose no line, entries whole, mode 0600",
         shells_at_once_lose_nothing},
        {"history: HISTCONTROL=ignoreboth, history, history N, history -c",
         history_control_and_builtin},
        {"history: !!, !$ and ^old^new are shown and run; an unknown event runs nothing",
         history_expansion_at_the_prompt},
        {"history: no ! expansion in scripts, -c, or after set +H",
         history_expansion_off_in_scripts},
        {"history: fc edits with EDITOR when FCEDIT is unset", fc_uses_editor},
    };
}

}  // namespace vsh::pty_test
