#include "tests/interactive/harness.hpp"

#include <cstdio>

namespace vsh::pty_test {

namespace {

// `ps` for the session vsh leads: what each process was doing when a check failed (a shell
// left waiting shows as the wait it is in).
std::string session_processes(pid_t session) {
    const std::string command =
        "ps -s " + std::to_string(session) + " -o pid,ppid,pgid,tpgid,stat,wchan:22,args 2>&1";
    std::string listing;
    if (FILE* ps = popen(command.c_str(), "r")) {
        char buffer[512];
        while (fgets(buffer, sizeof buffer, ps) != nullptr) listing += buffer;
        pclose(ps);
    }
    return listing;
}

}  // namespace

LaunchOptions base_options(const std::string& scratch) {
    LaunchOptions options;
    options.vsh_path = vsh_binary;
    options.working_directory = scratch;
    options.environment = {
        {"HOME", scratch}, {"PATH", "/usr/local/bin:/usr/bin:/bin"},
        {"TERM", "dumb"},  {"INPUTRC", "/dev/null"},
        {"LANG", "C"},     {"HISTFILE", scratch + "/history"},
        {"PS1", "vsh> "},
    };
    return options;
}

void check(bool condition, const std::string& what) {
    if (!condition) throw Failure{what};
}

void with_session(const LaunchOptions& options, const std::function<void(PtySession&)>& body) {
    PtySession session(options);
    if (!session.ok()) throw Failure{"could not start vsh: " + session.error()};
    try {
        body(session);
    } catch (Failure& failure) {
        failure.what += "\n--- terminal output ---\n" + session.transcript() + "\n---";
        failure.what += "\n--- processes of the session ---\n" + session_processes(session.pid());
        throw;
    }
}

void expect(PtySession& session, const std::string& text) {
    check(session.expect(text), "expected to see \"" + text + "\"");
}

void expect_exit(PtySession& session, int status) {
    std::optional<int> got = session.wait_exit();
    check(got.has_value(), "vsh did not exit");
    check(*got == status,
          "exit status " + std::to_string(*got) + ", expected " + std::to_string(status));
}

void finish(PtySession& session) {
    session.send("exit 0\r");
    expect_exit(session, 0);
}

}  // namespace vsh::pty_test
