// Login shells and start-up files: which files a shell reads, in which order, and what the
// command line can skip (man vsh, INVOCATION and STARTUP FILES); logout. Every case has its own
// HOME (the scratch directory). /etc/profile cannot be written here, so it is observed only
// where the machine's own file sets something recognisable (see etc_profile_sets_games).
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/interactive/harness.hpp"

namespace vsh::pty_test {
namespace {

void write_file(const std::string& path, const std::string& text) {
    std::ofstream(path) << text;
}

// Each start-up file appends its letter to $order: p for ~/.profile, r for ~/.vshrc, e for the
// $ENV file. /etc/profile resets PS1 to "$ " on Debian, so ~/.profile sets the test prompt
// again; it also keeps the PATH /etc/profile left (etc_path).
void write_startup_files(const std::string& home) {
    write_file(home + "/.profile", "etc_path=$PATH\norder=${order}p\nPS1='vsh> '\n");
    write_file(home + "/.vshrc", "order=${order}r\n");
    write_file(home + "/envfile", "order=${order}e\n");
}

LaunchOptions with_args(const std::string& scratch, std::vector<std::string> args) {
    LaunchOptions options = base_options(scratch);
    options.args = std::move(args);
    write_startup_files(scratch);
    return options;
}

// Types a command that prints $order between brackets and waits for it: the quotes keep the
// echoed command line from matching.
void expect_order(PtySession& s, const std::string& order) {
    expect(s, "vsh> ");
    s.send("echo \"[\"\"$order]\"\r");
    expect(s, "\n[" + order + "]\n");
}

// Debian's /etc/profile sets PATH: /usr/local/sbin first for root, /usr/games last for
// other users, neither of which is on the test's PATH. Where the machine's file does not, a
// login shell's reading of it cannot be seen from here, and the check is left out rather than
// faked.
std::string etc_profile_path_marker() {
    const std::string marker = geteuid() == 0 ? "/usr/local/sbin" : "/usr/games";
    std::ifstream in("/etc/profile");
    std::stringstream text;
    text << in.rdbuf();
    return text.str().find(marker) != std::string::npos ? marker : "";
}

void expect_etc_profile_read(PtySession& s) {
    const std::string marker = etc_profile_path_marker();
    if (marker.empty()) return;
    s.send("case $etc_path in *" + marker + "*) echo etc-''read;; *) echo etc-''not-read;; esac\r");
    expect(s, "\netc-read\n");
}

Case login_case(const std::string& name, std::function<void(const std::string&)> body) {
    return Case{"login: " + name, std::move(body)};
}

}  // namespace

std::vector<Case> login_cases() {
    return {
        login_case("-l reads /etc/profile, ~/.profile, then ~/.vshrc",
                   [](const std::string& scratch) {
                       with_session(with_args(scratch, {"-l"}), [](PtySession& s) {
                           expect_order(s, "pr");
                           expect_etc_profile_read(s);
                           finish(s);
                       });
                   }),
        login_case("--login is -l",
                   [](const std::string& scratch) {
                       with_session(with_args(scratch, {"--login"}), [](PtySession& s) {
                           expect_order(s, "pr");
                           finish(s);
                       });
                   }),
        login_case("argv[0] -vsh is a login shell and $0 keeps the dash",
                   [](const std::string& scratch) {
                       LaunchOptions options = with_args(scratch, {});
                       options.argv0 = "-vsh";
                       with_session(options, [](PtySession& s) {
                           expect_order(s, "pr");
                           s.send("echo \"<\"\"$0>\"\r");
                           expect(s, "\n<-vsh>\n");
                           // The documented test for a profile or rc file.
                           s.send("[ \"${0#-}\" != \"$0\" ] && echo log''in\r");
                           expect(s, "\nlogin\n");
                           finish(s);
                       });
                   }),
        login_case("$ENV replaces ~/.vshrc, and is parameter-expanded",
                   [](const std::string& scratch) {
                       LaunchOptions options = with_args(scratch, {"-l"});
                       options.environment["ENV"] = "$HOME/envfile";
                       with_session(options, [](PtySession& s) {
                           expect_order(s, "pe");
                           finish(s);
                       });
                   }),
        login_case("an empty ENV means no rc file at all",
                   [](const std::string& scratch) {
                       LaunchOptions options = with_args(scratch, {});
                       options.environment["ENV"] = "";
                       with_session(options, [](PtySession& s) {
                           expect_order(s, "");
                           finish(s);
                       });
                   }),
        login_case("--noprofile skips the profiles but not ~/.vshrc",
                   [](const std::string& scratch) {
                       with_session(with_args(scratch, {"-l", "--noprofile"}), [](PtySession& s) {
                           expect_order(s, "r");
                           s.send("echo \"[\"\"${etc_path-unset}]\"\r");
                           expect(s, "\n[unset]\n");
                           finish(s);
                       });
                   }),
        login_case("--norc skips ~/.vshrc but not $ENV",
                   [](const std::string& scratch) {
                       with_session(with_args(scratch, {"-l", "--norc"}), [](PtySession& s) {
                           expect_order(s, "p");
                           finish(s);
                       });
                       LaunchOptions options = with_args(scratch, {"-l", "--norc"});
                       options.environment["ENV"] = scratch + "/envfile";
                       with_session(options, [](PtySession& s) {
                           expect_order(s, "pe");
                           finish(s);
                       });
                   }),
        login_case("a non-login interactive shell reads ~/.vshrc, not ~/.profile",
                   [](const std::string& scratch) {
                       with_session(with_args(scratch, {}), [](PtySession& s) {
                           expect_order(s, "r");
                           finish(s);
                       });
                   }),
        login_case("vsh -c reads nothing; vsh -l -c reads only the profiles",
                   [](const std::string& scratch) {
                       const std::string print = "echo \"[${order-none}]\"";
                       with_session(with_args(scratch, {"-c", print}), [](PtySession& s) {
                           expect(s, "[none]\n");
                           expect_exit(s, 0);
                       });
                       with_session(with_args(scratch, {"-l", "-c", print}), [](PtySession& s) {
                           expect(s, "[p]\n");
                           expect_exit(s, 0);
                       });
                   }),
        login_case("an error in ~/.profile is reported with file:line and the shell goes on",
                   [](const std::string& scratch) {
                       LaunchOptions options = with_args(scratch, {"-l"});
                       write_file(scratch + "/.profile",
                                  "PS1='vsh> '\nset -o no-such-option\nfi\norder=${order}p\n");
                       with_session(options, [&scratch](PtySession& s) {
                           expect(s, "vsh: " + scratch + "/.profile:2: set: illegal option");
                           expect(s, "vsh: " + scratch + "/.profile:3: ");
                           expect_order(s, "pr");
                           finish(s);
                       });
                   }),
        login_case("exit in ~/.profile ends the shell with its status",
                   [](const std::string& scratch) {
                       LaunchOptions options = with_args(scratch, {"-l"});
                       write_file(scratch + "/.profile", "exit 7\n");
                       with_session(options, [](PtySession& s) { expect_exit(s, 7); });
                   }),
        login_case("logout ends a login shell with its status",
                   [](const std::string& scratch) {
                       with_session(with_args(scratch, {"-l"}), [](PtySession& s) {
                           expect(s, "vsh> ");
                           // A subshell of a login shell is not a login shell (as in bash).
                           s.send("(logout); echo \"st=$?\"\r");
                           expect(s, "vsh: logout: not login shell");
                           expect(s, "\nst=1\n");
                           expect(s, "vsh> ");
                           s.send("logout 3\r");
                           expect_exit(s, 3);
                       });
                   }),
        login_case("logout in a non-login shell is an error, status 1",
                   [](const std::string& scratch) {
                       with_session(with_args(scratch, {}), [](PtySession& s) {
                           expect(s, "vsh> ");
                           s.send("logout; echo \"st=$?\"\r");
                           expect(s, "vsh: logout: not login shell");
                           expect(s, "\nst=1\n");
                           finish(s);
                       });
                   }),
        login_case("logout with a stopped job warns once, as exit does",
                   [](const std::string& scratch) {
                       with_session(with_args(scratch, {"-l"}), [](PtySession& s) {
                           expect(s, "vsh> ");
                           s.send("sh -c 'kill -STOP $$'\r");
                           expect(s, "Stopped");
                           expect(s, "vsh> ");
                           s.send("logout 4\r");
                           expect(s, "You have stopped jobs.");
                           expect(s, "vsh> ");
                           s.send("logout 4\r");
                           expect_exit(s, 4);
                       });
                   }),
    };
}

}  // namespace vsh::pty_test
