// vsh_pty_test: the interactive shell driven through a real pseudo-terminal. Each case starts
// a fresh vsh with a clean environment and its own HOME, types at it, and checks what appears.
//
// Usage: vsh_pty_test PATH_TO_VSH [case-name...]
// Exit status: 0 all passed, 1 a case failed, 77 no pseudo-terminal available (skipped).
#include <elf.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/interactive/harness.hpp"
#include "tests/interactive/pty_session.hpp"

namespace vsh::pty_test {
namespace {

// Whether the binary names a dynamic loader (PT_INTERP): the dynamic build loads libreadline
// with dlopen, the static one has it linked in (CMakeLists.txt, VSH_STATIC).
bool is_dynamic_executable(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    Elf64_Ehdr header{};
    if (!in.read(reinterpret_cast<char*>(&header), sizeof header)) return true;
    for (int i = 0; i < header.e_phnum; ++i) {
        Elf64_Phdr program{};
        in.seekg(static_cast<std::streamoff>(header.e_phoff + i * sizeof program));
        if (!in.read(reinterpret_cast<char*>(&program), sizeof program)) return true;
        if (program.p_type == PT_INTERP) return true;
    }
    return false;
}

// A scratch directory per case, removed afterwards.
class ScratchDir {
  public:
    ScratchDir() {
        char pattern[] = "/tmp/vsh-pty-XXXXXX";
        if (mkdtemp(pattern) != nullptr) path_ = pattern;
    }
    ~ScratchDir() {
        if (!path_.empty()) {
            std::string command = "rm -rf '" + path_ + "'";
            if (std::system(command.c_str()) != 0)
                std::cerr << "could not remove " << path_ << "\n";
        }
    }
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_file(const std::string& path, const std::string& text, mode_t mode) {
    std::ofstream(path) << text;
    chmod(path.c_str(), mode);
}

// With only builtins to match (an empty PATH), `umas` Tab completes to `umask`, which runs.
void expect_builtin_completion(LaunchOptions options, const std::string& scratch) {
    mkdir((scratch + "/empty").c_str(), 0755);
    options.environment["PATH"] = scratch + "/empty";
    with_session(options, [](PtySession& s) {
        expect(s, "vsh> ");
        s.send("umas\t");
        expect(s, "umask");
        s.send("\r");
        expect(s, "\n0022\n");
        finish(s);
    });
}

const std::vector<Case>& all_cases() {
    static const std::vector<Case> cases = {
        {"default prompt appears",
         [](const std::string& scratch) {
             LaunchOptions options = base_options(scratch);
             options.environment.erase("PS1");
             with_session(options, [](PtySession& s) {
                 expect(s, geteuid() == 0 ? "# " : "$ ");
                 finish(s);
             });
         }},
        {"command runs and prints",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 // The quotes keep the echoed command line from matching the output.
                 s.send("echo hel''lo\r");
                 expect(s, "\nhello\n");
                 expect(s, "vsh> ");
                 finish(s);
             });
         }},
        {"multi-line for shows PS2",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("PS2='more> '\r");
                 expect(s, "vsh> ");
                 s.send("for i in 1 2\r");
                 expect(s, "\nmore> ");
                 s.send("do echo it$i; done\r");
                 expect(s, "\nit1\nit2\n");
                 expect(s, "vsh> ");
                 finish(s);
             });
         }},
        {"PS1 gets parameter and history-number expansion",
         [](const std::string& scratch) {
             LaunchOptions options = base_options(scratch);
             options.environment["PS1"] = "[$VSHX:!:!!]> ";
             options.environment["VSHX"] = "px";
             with_session(options, [](PtySession& s) {
                 expect(s, "[px:1:!]> ");
                 s.send("VSHX=changed\r");
                 expect(s, "[changed:2:!]> ");
                 finish(s);
             });
         }},
        {"ENV names a file run before the first prompt, after parameter expansion",
         [](const std::string& scratch) {
             LaunchOptions options = base_options(scratch);
             {
                 std::ofstream env_file(scratch + "/envrc");
                 env_file << "ENVWASHERE=yes-from-env\n";
             }
             options.environment["ENV"] = "$HOME/envrc";
             with_session(options, [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("echo \"got:$ENVWASHERE\"\r");
                 expect(s, "got:yes-from-env");
                 finish(s);
             });
         }},
        {"Up arrow recalls the previous command",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("echo one$((1+1))\r");
                 expect(s, "\none2\n");
                 expect(s, "vsh> ");
                 s.send("\033[A");
                 expect(s, "echo one$((1+1))");
                 s.send("\r");
                 expect(s, "\none2\n");
                 finish(s);
             });
         }},
        {"Tab completes a unique builtin prefix",
         [](const std::string& scratch) {
             expect_builtin_completion(base_options(scratch), scratch);
         }},
        {"Tab completes commands on PATH, variables and file names",
         [](const std::string& scratch) {
             LaunchOptions options = base_options(scratch);
             mkdir((scratch + "/bin").c_str(), 0755);
             write_file(scratch + "/bin/zzvshtool", "#!/bin/sh\necho tool-ran\n", 0755);
             mkdir((scratch + "/dir").c_str(), 0755);
             write_file(scratch + "/dir/uniquefile.txt", "", 0644);
             options.environment["PATH"] = scratch + "/bin:/usr/bin:/bin";
             options.environment["VSHTESTVARIABLE"] = "varval";
             with_session(options, [&](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("zzvsht\t");
                 expect(s, "zzvshtool");
                 s.send("\r");
                 expect(s, "\ntool-ran\n");
                 expect(s, "vsh> ");
                 s.send("echo $VSHTESTVAR\t");
                 expect(s, "$VSHTESTVARIABLE");
                 s.send("\r");
                 expect(s, "\nvarval\n");
                 expect(s, "vsh> ");
                 s.send("echo dir/uniq\t");
                 expect(s, "dir/uniquefile.txt");
                 s.send("\r");
                 expect(s, "\ndir/uniquefile.txt\n");
                 finish(s);
             });
         }},
        {"Ctrl-C discards a half-typed line",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("echo discarded");
                 expect(s, "echo discarded");  // Typed and echoed before the interrupt.
                 s.send("\003");
                 expect(s, "vsh> ");
                 s.send("echo status=$?\r");
                 expect(s, "\nstatus=130\n");
                 check(s.transcript().find("\ndiscarded\n") == std::string::npos,
                       "the discarded line ran");
                 finish(s);
             });
         }},
        {"Ctrl-C at PS2 drops the whole command",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("for i in 1 2\r");
                 expect(s, "\n> ");
                 s.send("do echo loop$i");
                 expect(s, "do echo loop$i");
                 s.send("\003");
                 expect(s, "vsh> ");
                 s.send("echo af''ter\r");
                 expect(s, "\nafter\n");
                 check(s.transcript().find("loop1") == s.transcript().rfind("loop1") &&
                           s.transcript().find("\nloop1\n") == std::string::npos,
                       "the interrupted loop ran");
                 check(s.transcript().find("syntax error") == std::string::npos,
                       "an interrupted command is not a syntax error");
                 finish(s);
             });
         }},
        {"exit exits with the given status",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("exit 7\r");
                 expect_exit(s, 7);
             });
         }},
        {"Ctrl-D exits with the last status",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("false\r");
                 expect(s, "vsh> ");
                 s.send("\004");
                 expect_exit(s, 1);
             });
         }},
        {"ignoreeof keeps the shell on Ctrl-D",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("set -o ignoreeof\r");
                 expect(s, "vsh> ");
                 s.send("\004");
                 expect(s, "Use \"exit\" to leave the shell.");
                 expect(s, "vsh> ");
                 s.send("exit 3\r");
                 expect_exit(s, 3);
             });
         }},
        {"HISTFILE is written and read back, multi-line commands whole",
         [](const std::string& scratch) {
             LaunchOptions options = base_options(scratch);
             with_session(options, [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("echo first\r");
                 expect(s, "vsh> ");
                 s.send("for w in alpha beta\r");
                 expect(s, "> ");
                 s.send("do echo w-$w\r");
                 expect(s, "> ");
                 s.send("done\r");
                 expect(s, "\nw-beta\n");
                 finish(s);
             });
             std::string history = read_file(scratch + "/history");
             check(history.find("echo first\n") != std::string::npos,
                   "history file lacks 'echo first':\n" + history);
             check(history.find("for w in alpha beta\ndo echo w-$w\ndone\n") != std::string::npos,
                   "history file lacks the for loop:\n" + history);
             // A new shell loads it: two steps up is the loop (the last entry is `exit 0`).
             with_session(options, [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("\033[A\033[A\r");
                 expect(s, "\nw-alpha\nw-beta\n");
                 finish(s);
             });
         }},
        {"fc -s re-runs a command, and the up arrow then recalls what it ran",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("echo one-$((1 + 1))\r");
                 expect(s, "one-2");
                 expect(s, "vsh> ");
                 s.send("fc -s one=two\r");
                 expect(s, "echo two-$((1 + 1))");  // The command shown before it runs.
                 expect(s, "two-2");
                 expect(s, "vsh> ");
                 // The history holds `echo two-...` in place of the fc line.
                 s.send("\033[A\r");
                 expect(s, "two-2");
                 expect(s, "vsh> ");
                 s.send("fc -l\r");
                 expect(s, "1\techo one-$((1 + 1))");
                 expect(s, "2\techo two-$((1 + 1))");
                 expect(s, "3\techo two-$((1 + 1))");
                 finish(s);
             });
         }},
        {"finished background job is reported before the prompt",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("sleep 0.1 &\r");
                 expect(s, "vsh> ");
                 bool reported = false;
                 for (int attempt = 0; attempt < 50 && !reported; ++attempt) {
                     s.send("\r");
                     reported = s.expect("Done", std::chrono::milliseconds(200));
                 }
                 check(reported, "no Done notice");
                 expect(s, "sleep 0.1\n");
                 check(s.transcript().find("[1] + Done") != std::string::npos,
                       "notice not in \"[1] + Done\" form");
                 finish(s);
             });
         }},
        {"a script with set -m and stdin off the terminal gives fg the terminal",
         [](const std::string& scratch) {
             // The shell's stdin is not the terminal, so it must find the terminal through
             // /dev/tty; the resumed job then sees itself in the foreground ('+' in ps).
             LaunchOptions options = base_options(scratch);
             options.args = {"-m", "-c",
                             "exec </dev/null; "
                             "sh -c 'kill -s STOP $$; ps -o stat= -p $$' >job-stat; "
                             "fg >/dev/null; cat job-stat"};
             with_session(options, [](PtySession& s) {
                 expect(s, "Stopped");
                 check(s.expect("+\n"), "resumed job was not in the foreground");
                 expect_exit(s, 0);
             });
         }},
        {"a trapped signal runs its action while the prompt waits",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("trap 'echo trapped-''usr1' USR1\r");
                 expect(s, "vsh> ");
                 s.send("echo typed");
                 expect(s, "echo typed");
                 kill(s.pid(), SIGUSR1);
                 expect(s, "\ntrapped-usr1\n");
                 // The half-typed line is still there after the trap's output.
                 s.send(" on\r");
                 expect(s, "\ntyped on\n");
                 finish(s);
             });
         }},
        {"set -o vi switches to vi editing",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("set -o vi\r");
                 expect(s, "vsh> ");
                 s.send("xecho vi-ok");
                 expect(s, "xecho vi-ok");
                 // Escape to command mode, go to the start, delete the stray x.
                 s.send("\033");
                 s.send("0x\r");
                 expect(s, "\nvi-ok\n");
                 finish(s);
             });
         }},
        {"job control: a background pipeline is one job, and kill %1 ends all of it",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("sleep 30 | sleep 31 &\r");
                 expect(s, "[1] ");
                 expect(s, "vsh> ");
                 s.send("jobs\r");
                 expect(s, "[1] + Running");
                 expect(s, "sleep 30 | sleep 31");
                 expect(s, "vsh> ");
                 s.send("kill %1; wait %1; echo waited-$?\r");
                 // wait %1 returns once both stages are gone, with the last stage's status.
                 expect(s, "waited-143");
                 finish(s);
             });
         }},
        {"job control: monitor is on, Ctrl-Z stops a job, fg resumes it",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("case $- in *m*) echo monitor-on;; esac\r");
                 expect(s, "\nmonitor-on\n");
                 expect(s, "vsh> ");
                 s.send("sleep 30\r");
                 // Wait for the line to be accepted: the terminal throws away unread input
                 // when Ctrl-Z is typed.
                 expect(s, "sleep 30\n");
                 // Only once sleep runs: a Ctrl-Z while the shell has the terminal is ignored,
                 // and one between the child's fork and exec can leave a vfork/clone parent
                 // waiting on a stopped child (reported to the backend's owner). The shell may
                 // still own the terminal for a moment after the exec, so repeat.
                 check(s.wait_for_process("sleep"), "sleep did not start");
                 bool stopped = false;
                 for (int attempt = 0; attempt < 50 && !stopped; ++attempt) {
                     s.send("\032");
                     stopped = s.expect("Stopped", std::chrono::milliseconds(200));
                 }
                 check(stopped, "Ctrl-Z did not stop the job");
                 expect(s, "vsh> ");
                 s.send("jobs\r");
                 expect(s, "Stopped");
                 expect(s, "vsh> ");
                 s.send("fg\r");
                 expect(s, "sleep 30");
                 bool interrupted = false;
                 for (int attempt = 0; attempt < 50 && !interrupted; ++attempt) {
                     s.send("\003");
                     interrupted = s.expect("vsh> ", std::chrono::milliseconds(200));
                 }
                 check(interrupted, "Ctrl-C did not end the resumed job");
                 s.send("echo st=$?\r");
                 expect(s, "\nst=130\n");
                 finish(s);
             });
         }},
        {"job control: exit with a stopped job warns once, and exits when repeated",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 // The job stops itself: no Ctrl-Z to time.
                 s.send("sh -c 'kill -STOP $$'\r");
                 expect(s, "Stopped");
                 expect(s, "vsh> ");
                 s.send("exit 5\r");
                 expect(s, "You have stopped jobs.");
                 expect(s, "vsh> ");
                 // A command in between re-arms the warning (as dash, bash and mksh).
                 s.send("echo still''-here\r");
                 expect(s, "\nstill-here\n");
                 expect(s, "vsh> ");
                 s.send("exit 5\r");
                 expect(s, "You have stopped jobs.");
                 expect(s, "vsh> ");
                 s.send("exit 5\r");
                 expect_exit(s, 5);
             });
         }},
        {"set -b reports a finished job while the prompt waits, and keeps the typed text",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [&scratch](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("set -b; mkfifo fifo; cat fifo >/dev/null &\r");
                 expect(s, "[1] ");
                 expect(s, "vsh> ");
                 s.send("echo ke");
                 expect(s, "echo ke");
                 // Ends the job: cat sees end of file once this writer closes.
                 { std::ofstream(scratch + "/fifo") << "x"; }
                 expect(s, "[1] + Done");
                 expect(s, "cat fifo");
                 s.send("pt\r");
                 expect(s, "\nkept\n");
                 finish(s);
             });
         }},
        {"job control: fg reports a job that stops again, and one a signal ends",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("sh -c 'kill -STOP $$; kill -STOP $$; kill $$'\r");
                 expect(s, "[1] + Stopped");
                 expect(s, "vsh> ");
                 s.send("fg\r");
                 expect(s, "[1] + Stopped");
                 expect(s, "vsh> ");
                 s.send("fg\r");
                 expect(s, "\nTerminated\n");
                 expect(s, "vsh> ");
                 s.send("echo st=$?\r");
                 expect(s, "\nst=143\n");
                 finish(s);
             });
         }},
        {"job control: wait returns for a stopped job, 128 + the signal",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("sh -c 'kill -STOP $$; exit 4' &\r");
                 expect(s, "vsh> ");
                 s.send("wait %1; echo w=$?; wait; echo all=$?\r");
                 expect(s, "\nw=147\n");
                 expect(s, "all=0\n");
                 expect(s, "vsh> ");
                 s.send("kill -CONT %1; wait %1; echo w=$?\r");
                 expect(s, "\nw=4\n");
                 finish(s);
             });
         }},
        {"a job that wait finds killed is told at once and announced before the next prompt",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("sleep 100 &\r");
                 expect(s, "vsh> ");
                 // As dash: "Terminated" from wait, then the job's notice (bash gives the
                 // notice too).
                 s.send("kill $!; wait $!; echo w=$?\r");
                 expect(s, "\nTerminated\n");
                 expect(s, "w=143\n");
                 expect(s, "[1] + Terminated");
                 expect(s, "sleep 100\n");
                 expect(s, "vsh> ");
                 // A pipeline stage other than the last is told of too.
                 s.send("sh -c 'kill -HUP $$' | cat\r");
                 expect(s, "\nHangup\n");
                 expect(s, "vsh> ");
                 // A job that wait finds exited is not announced (as bash).
                 s.send("/bin/true & wait; echo waited\r");
                 expect(s, "\nwaited\n");
                 expect(s, "vsh> ");
                 s.send("echo next\r");
                 expect(s, "\nnext\n");
                 check(s.transcript().find("Done") == std::string::npos,
                       "a Done notice for a job wait had taken");
                 finish(s);
             });
         }},
        {"job control: a job resumed by fg that stops again becomes the current job",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("sh -c 'kill -STOP $$; kill -STOP $$; exit 1'\r");
                 expect(s, "[1] + Stopped");
                 expect(s, "vsh> ");
                 s.send("sh -c 'kill -STOP $$; exit 2'\r");
                 expect(s, "[2] + Stopped");
                 expect(s, "vsh> ");
                 s.send("fg %1\r");
                 expect(s, "[1] + Stopped");
                 expect(s, "vsh> ");
                 s.send("jobs\r");
                 expect(s, "[1] + Stopped");
                 expect(s, "[2] - Stopped");
                 expect(s, "vsh> ");
                 // bg leaves the stopped job current; the resumed one is the previous.
                 s.send("bg %2; jobs %-\r");
                 expect(s, "[2] - ");
                 expect(s, "vsh> ");
                 s.send("kill -9 %1 %2; wait; echo gone\r");
                 expect(s, "\ngone\n");
                 finish(s);
             });
         }},
        {"job control: jobs, fg and the notices show shell code as it was written",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("{ sleep 30; } 2>/dev/null &\r");
                 expect(s, "[1] ");
                 expect(s, "vsh> ");
                 // Typed over three lines, shown on one.
                 s.send("while :\r");
                 s.send("do sleep 31   # nap\r");
                 s.send("done &\r");
                 expect(s, "[2] ");
                 expect(s, "vsh> ");
                 s.send("jobs\r");
                 expect(s, "[1] - Running                 { sleep 30; } 2>/dev/null\n");
                 expect(s, "[2] + Running                 while :; do sleep 31; done\n");
                 expect(s, "vsh> ");
                 // A foreground subshell that stops is a job shown as written too.
                 s.send("(sh -c 'kill -STOP $PPID'; echo after-\"$((6 * 7))\")\r");
                 expect(s, "[3] + Stopped");
                 expect(s, "(sh -c 'kill -STOP $PPID'; echo after-\"$((6 * 7))\")\n");
                 expect(s, "vsh> ");
                 s.send("fg %3\r");
                 expect(s, "\n(sh -c 'kill -STOP $PPID'; echo after-\"$((6 * 7))\")\n");
                 expect(s, "after-42");
                 expect(s, "vsh> ");
                 s.send("kill %1 %2; wait\r");
                 expect(s, "vsh> ");
                 finish(s);
             });
         }},
        {"Tab completes ~user from the user database",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 // root is in every /etc/passwd; an unknown user stays as typed.
                 s.send("echo ~roo\t");
                 expect(s, "~root/");
                 s.send(" ~no_such_user_vsh\t\r");
                 expect(s, "\n/root/ ~no_such_user_vsh\n");
                 finish(s);
             });
         }},
        {"without libreadline the plain prompt loop works",
         [](const std::string& scratch) {
             LaunchOptions options = base_options(scratch);
             mkdir((scratch + "/lib").c_str(), 0755);
             write_file(scratch + "/lib/libreadline.so.8", "not a library\n", 0644);
             options.environment["LD_LIBRARY_PATH"] = scratch + "/lib";
             if (!is_dynamic_executable(vsh_binary)) {
                 // The static build has readline linked in: a broken library on the
                 // search path changes nothing, and completion still works.
                 expect_builtin_completion(options, scratch);
                 return;
             }
             with_session(options, [](PtySession& s) {
                 expect(s, "line editing is off");
                 expect(s, "vsh> ");
                 s.send("echo pl''ain\r");
                 expect(s, "\nplain\n");
                 expect(s, "vsh> ");
                 s.send("exit 4\r");
                 expect_exit(s, 4);
             });
         }},
    };
    return cases;
}

bool pty_available() {
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0) return false;
    close(master);
    return true;
}

}  // namespace
}  // namespace vsh::pty_test

int main(int argc, char** argv) {
    using namespace vsh::pty_test;
    if (argc < 2) {
        std::cerr << "usage: vsh_pty_test PATH_TO_VSH [case-name-substring...]\n";
        return 2;
    }
    // Absolute, because each case starts vsh in its own scratch directory.
    char* resolved = realpath(argv[1], nullptr);
    if (resolved == nullptr) {
        std::cerr << "vsh_pty_test: " << argv[1] << ": not found\n";
        return 2;
    }
    vsh_binary = resolved;
    free(resolved);
    if (!pty_available()) {
        std::cout << "no pseudo-terminal available: interactive tests skipped\n";
        return 77;
    }
    int passed = 0, failed = 0;
    std::vector<Case> cases = all_cases();
    for (Case& c : job_control_cases()) cases.push_back(std::move(c));
    for (Case& c : prompt_cases()) cases.push_back(std::move(c));
    for (Case& c : login_cases()) cases.push_back(std::move(c));
    for (Case& c : history_cases()) cases.push_back(std::move(c));
    for (Case& c : completion_cases()) cases.push_back(std::move(c));
    for (Case& c : habits_cases()) cases.push_back(std::move(c));
    for (const Case& c : cases) {
        bool wanted = argc == 2;
        for (int i = 2; i < argc; ++i)
            if (c.name.find(argv[i]) != std::string::npos) wanted = true;
        if (!wanted) continue;
        ScratchDir scratch;
        try {
            if (scratch.path().empty()) throw Failure{"mkdtemp failed"};
            c.body(scratch.path());
            std::cout << "PASS " << c.name << std::endl;
            ++passed;
        } catch (const Failure& failure) {
            std::cout << "FAIL " << c.name << ": " << failure.what << std::endl;
            ++failed;
        }
    }
    std::cout << passed << " passed, " << failed << " failed" << std::endl;
    return failed == 0 ? 0 : 1;
}
