// Job control at a terminal, under every backend: Ctrl-Z on foreground pipelines, fg and a
// second Ctrl-Z, stops sent at random moments while the shell starts thousands of short
// commands (some of them land between a child's creation and its exec), and what the timing
// log says about foreground jobs. Each case runs once per backend, named "[backend]".
#include <dirent.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/interactive/harness.hpp"

namespace vsh::pty_test {
namespace {

using Clock = std::chrono::steady_clock;

const char* const kBackends[] = {"fork", "vfork", "clone", "posix_spawn", "auto"};

LaunchOptions backend_options(const std::string& scratch, const std::string& backend) {
    LaunchOptions options = base_options(scratch);
    options.args = {"--backend=" + backend};
    return options;
}

// The names (/proc/PID/comm) of the processes in process group `group`.
std::vector<std::string> programs_in_group(pid_t group) {
    std::vector<std::string> names;
    DIR* proc = opendir("/proc");
    if (proc == nullptr) return names;
    while (const dirent* entry = readdir(proc)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
        std::string stat = read_proc_file(std::string("/proc/") + entry->d_name + "/stat");
        const std::size_t open = stat.find('(');
        const std::size_t close = stat.rfind(')');
        if (open == std::string::npos || close == std::string::npos || close < open) continue;
        std::istringstream fields(stat.substr(close + 1));
        std::string state;
        long ppid = 0, pgrp = 0;
        fields >> state >> ppid >> pgrp;
        if (pgrp == group) names.push_back(stat.substr(open + 1, close - open - 1));
    }
    closedir(proc);
    return names;
}

// Waits until a job, not the shell, is the terminal's foreground group: a Ctrl-Z typed
// before that reaches only the shell, which ignores it, as every job-control shell does.
// With `programs`, also until each of them runs (has exec'd) in that group: a key typed
// before would reach a child still on its way to its exec, which is the probe's business
// (stop_probe), not these cases'.
void wait_for_job_in_foreground(PtySession& s, const std::vector<std::string>& programs = {}) {
    const auto deadline = Clock::now() + kPatience;
    for (;;) {
        const pid_t group = s.foreground_group();
        if (group > 0 && group != s.pid()) {
            const std::vector<std::string> running = programs_in_group(group);
            bool all = true;
            for (const std::string& program : programs)
                all = all && std::find(running.begin(), running.end(), program) != running.end();
            if (all) return;
        }
        check(Clock::now() < deadline, "no job took the terminal");
        s.poll_output();
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// A process of the session that is stopped and has not exec'd yet (it still runs the vsh
// binary): a child stopped between its creation and its exec.
struct EarlyStopped {
    pid_t pid = 0;
};

std::vector<EarlyStopped> stopped_before_exec(pid_t session) {
    std::vector<EarlyStopped> found;
    char shell_exe[PATH_MAX];
    if (realpath(vsh_binary.c_str(), shell_exe) == nullptr) return found;
    DIR* proc = opendir("/proc");
    if (proc == nullptr) return found;
    while (const dirent* entry = readdir(proc)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
        const std::string dir = std::string("/proc/") + entry->d_name;
        const std::string stat = read_proc_file(dir + "/stat");
        const std::size_t close = stat.rfind(')');
        if (close == std::string::npos) continue;
        std::istringstream fields(stat.substr(close + 1));
        std::string state;
        long ppid = 0, pgrp = 0, sid = 0;
        fields >> state >> ppid >> pgrp >> sid;
        if (sid != session || state != "T") continue;
        char exe[PATH_MAX];
        const ssize_t length = readlink((dir + "/exe").c_str(), exe, sizeof exe - 1);
        if (length <= 0) continue;
        exe[length] = '\0';
        if (std::string(exe) == shell_exe)
            found.push_back({static_cast<pid_t>(std::atol(entry->d_name))});
    }
    closedir(proc);
    return found;
}

// Ctrl-Z on `sleep 30 | cat`, twenty times: each time both processes stop, the notice and the
// prompt come back, and the job is kept; none of the twenty is lost.
void twenty_pipeline_stops(const std::string& scratch, const std::string& backend) {
    with_session(backend_options(scratch, backend), [](PtySession& s) {
        expect(s, "vsh> ");
        for (int round = 1; round <= 20; ++round) {
            s.send("sleep 30 | cat\r");
            expect(s, "sleep 30 | cat\n");
            wait_for_job_in_foreground(s, {"sleep", "cat"});
            s.send("\032");
            expect(s, "[" + std::to_string(round) + "] + Stopped");
            expect(s, "sleep 30 | cat\n");
            expect(s, "vsh> ");
        }
        s.send("jobs | grep -c Stopped\r");
        expect(s, "\n20\n");
        expect(s, "vsh> ");
        s.send("for j in $(jobs -p); do kill -9 -$j; done; wait; echo cleared\r");
        expect(s, "\ncleared\n");
        finish(s);
    });
}

// fg brings the stopped pipeline back, and Ctrl-Z stops it again with its notice, round after
// round; Ctrl-C then ends it.
void fg_and_stop_again(const std::string& scratch, const std::string& backend) {
    with_session(backend_options(scratch, backend), [](PtySession& s) {
        expect(s, "vsh> ");
        s.send("sleep 30 | cat\r");
        expect(s, "sleep 30 | cat\n");
        wait_for_job_in_foreground(s, {"sleep", "cat"});
        s.send("\032");
        expect(s, "[1] + Stopped");
        expect(s, "vsh> ");
        for (int round = 0; round < 5; ++round) {
            s.send("fg\r");
            expect(s, "fg\nsleep 30 | cat\n");
            wait_for_job_in_foreground(s);
            s.send("\032");
            expect(s, "[1] + Stopped");
            expect(s, "sleep 30 | cat\n");
            expect(s, "vsh> ");
        }
        s.send("fg\r");
        expect(s, "fg\nsleep 30 | cat\n");
        wait_for_job_in_foreground(s);
        s.send("\003");
        expect(s, "vsh> ");
        s.send("echo st=$? jobs=$(jobs | wc -l)\r");
        expect(s, "\nst=130 jobs=0\n");
        finish(s);
    });
}

// A pipeline whose first stage the shell ran itself (echo, its output into the pipe: no
// process) is a job of the stages that have one: Ctrl-Z stops it, jobs lists it with its
// whole text, fg brings it back, Ctrl-Z again, and Ctrl-C ends it.
void stop_a_pipeline_with_a_stage_in_the_shell(const std::string& scratch,
                                               const std::string& backend) {
    with_session(backend_options(scratch, backend), [](PtySession& s) {
        expect(s, "vsh> ");
        s.send("echo hi | sleep 30 | cat\r");
        expect(s, "echo hi | sleep 30 | cat\n");
        wait_for_job_in_foreground(s, {"sleep", "cat"});
        s.send("\032");
        expect(s, "[1] + Stopped");
        expect(s, "echo hi | sleep 30 | cat\n");
        expect(s, "vsh> ");
        s.send("jobs\r");
        expect(s, "[1] + Stopped                 echo hi | sleep 30 | cat\n");
        expect(s, "vsh> ");
        s.send("fg\r");
        expect(s, "fg\necho hi | sleep 30 | cat\n");
        wait_for_job_in_foreground(s);
        s.send("\032");
        expect(s, "[1] + Stopped");
        expect(s, "vsh> ");
        s.send("fg\r");
        expect(s, "fg\necho hi | sleep 30 | cat\n");
        wait_for_job_in_foreground(s);
        s.send("\003");
        expect(s, "vsh> ");
        s.send("echo st=$? jobs=$(jobs | wc -l)\r");
        expect(s, "\nst=130 jobs=0\n");
        finish(s);
    });
}

// The probe: while the shell runs a loop of short commands and two-stage pipelines, SIGTSTP
// goes to the terminal's foreground group as soon as a job has it (often before the job's
// first process has exec'd), or after a random pause. Every stop must bring the prompt back.
// posix_spawn cannot close the window before exec (man vsh.1, BACKENDS): a child stopped
// there is counted, continued from outside as a person would (kill -CONT), and the shell must
// then come back as well.
void stop_probe(const std::string& scratch, const std::string& backend) {
    with_session(backend_options(scratch, backend), [&backend](PtySession& s) {
        expect(s, "vsh> ");
        std::mt19937 random(12345);
        std::uniform_int_distribution<int> pause_us(0, 600);
        int early_stops_seen = 0;
        constexpr int kRounds = 40;
        for (int round = 1; round <= kRounds; ++round) {
            s.send("while :; do /bin/true; /bin/true | /bin/true; done\r");
            expect(s, "done\n");
            const int pause = round % 2 == 0 ? 0 : pause_us(random);
            bool stopped = false;
            const auto deadline = Clock::now() + kPatience;
            while (!stopped && Clock::now() < deadline) {
                const pid_t group = s.foreground_group();
                if (group > 0 && group != s.pid()) {
                    if (pause > 0) std::this_thread::sleep_for(std::chrono::microseconds(pause));
                    kill(-group, SIGTSTP);
                }
                s.poll_output();
                stopped = s.unread().find("Stopped") != std::string::npos;
                if (!stopped && backend == "posix_spawn") {
                    for (const EarlyStopped& child : stopped_before_exec(s.pid())) {
                        ++early_stops_seen;
                        kill(child.pid, SIGCONT);
                    }
                }
            }
            if (!stopped) {
                std::string stuck;
                for (const EarlyStopped& child : stopped_before_exec(s.pid()))
                    stuck += " " + std::to_string(child.pid);
                check(false, "round " + std::to_string(round) +
                                 ": the stop never came back to the prompt" +
                                 (stuck.empty() ? "" : "; stopped before exec:" + stuck));
            }
            expect(s, "Stopped");
            expect(s, "vsh> ");
            s.send("kill -9 %%; wait; echo round-" + std::to_string(round) + "\r");
            expect(s, "\nround-" + std::to_string(round) + "\n");
            expect(s, "vsh> ");
        }
        s.send("jobs; echo left=$(jobs | wc -l)\r");
        expect(s, "\nleft=0\n");
        finish(s);
        (void)early_stops_seen;  // Only posix_spawn has any; nothing to assert on the count.
    });
}

// The timing log of an interactive session: foreground commands and every pipeline stage are
// created by the chosen backend (auto: clone) with no fallback, and a job that stops gets one
// record, written when it ends, that counts the stop instead of calling it an exit.
void timing_log_of_foreground_jobs(const std::string& scratch, const std::string& backend) {
    LaunchOptions options = backend_options(scratch, backend);
    const std::string log = scratch + "/timing.log";
    options.environment["VSH_TIMING_LOG"] = log;
    with_session(options, [](PtySession& s) {
        expect(s, "vsh> ");
        s.send("/bin/true; /bin/echo one | /bin/cat\r");
        expect(s, "\none\n");
        expect(s, "vsh> ");
        s.send("sleep 30\r");
        expect(s, "sleep 30\n");
        wait_for_job_in_foreground(s, {"sleep"});
        s.send("\032");
        expect(s, "[1] + Stopped");
        expect(s, "vsh> ");
        s.send("kill -9 %1; wait; echo killed\r");
        expect(s, "\nkilled\n");
        finish(s);
    });
    const std::string expected_backend = backend == "auto" ? "clone" : backend;
    const std::string early_stop = backend == "posix_spawn" ? "default" : "caught";
    std::istringstream lines(read_file(log));
    int records = 0;
    for (std::string line; std::getline(lines, line);) {
        ++records;
        check(line.find("\"backend\":\"" + expected_backend + "\"") != std::string::npos,
              "a record not from " + expected_backend + ": " + line);
        check(line.find("\"fallback\":null") != std::string::npos, "a fallback: " + line);
        check(line.find("\"early_stop\":\"" + early_stop + "\"") != std::string::npos,
              "early_stop is not " + early_stop + ": " + line);
        if (line.find("\"argv0\":\"sleep\"") != std::string::npos) {
            check(line.find("\"status\":\"SIGKILL\"") != std::string::npos &&
                      line.find("\"stops\":1,") != std::string::npos,
                  "the stopped job's record: " + line);
        } else {
            check(line.find("\"stops\"") == std::string::npos, "a stop counted: " + line);
        }
    }
    check(records == 4, "expected 4 records (true, echo, cat, sleep), got " +
                            std::to_string(records) + ":\n" + read_file(log));
}

// `vsh -i -m` reading commands from a file (or, with `through_pipe`, a pipe) still controls
// jobs on its terminal (found through /dev/tty, as dash does): a job that stops is a job, and
// fg gives it the terminal.
void interactive_with_stdin_off_the_terminal(const std::string& scratch, bool through_pipe) {
    std::ofstream(scratch + "/commands") << "sh -c 'kill -s STOP $$; ps -o stat= -p $$ >job-stat'\n"
                                            "echo after-stop\n"
                                            "fg >/dev/null\n"
                                            "cat job-stat\n"
                                            "exit 3\n";
    LaunchOptions options = base_options(scratch);
    options.vsh_path = "/bin/sh";
    options.args = {"-c", through_pipe ? "cat commands | '" + vsh_binary + "' -i -m"
                                       : "exec '" + vsh_binary + "' -i -m <commands"};
    with_session(options, [](PtySession& s) {
        expect(s, "[1] + Stopped");
        expect(s, "after-stop");
        check(s.expect("+\n"), "the resumed job was not in the terminal's foreground");
        expect_exit(s, 3);
        check(s.transcript().find("job control is off") == std::string::npos,
              "job control was turned off");
    });
}

// The terminal goes away (the window is closed) while a pipeline is stopped: the shell exits,
// and the stopped job, whose process group is then orphaned, is not left behind.
void hang_up_with_a_stopped_job(const std::string& scratch) {
    with_session(base_options(scratch), [&scratch](PtySession& s) {
        expect(s, "vsh> ");
        s.send("sleep 31 | cat >" + scratch + "/cat-out; echo not-reached\r");
        wait_for_job_in_foreground(s, {"sleep", "cat"});
        s.send("\032");
        expect(s, "[1] + Stopped");
        expect(s, "vsh> ");
        const pid_t job = s.foreground_group() == s.pid() ? 0 : -1;
        check(job == 0, "the shell did not take the terminal back");
        check(s.transcript().find("\nnot-reached") == std::string::npos,
              "the rest of the line ran after Ctrl-Z");
        const pid_t session = s.pid();
        s.hang_up();
        std::optional<int> status = s.wait_exit();
        check(status.has_value(), "vsh did not exit on hang-up");
        // The orphaned, stopped group gets SIGHUP and SIGCONT from the kernel: both die.
        const std::string listing = "ps -o pid= -s " + std::to_string(session) + " >/dev/null";
        const auto deadline = Clock::now() + kPatience;
        bool gone = false;
        while (!gone && Clock::now() < deadline) {
            gone = std::system(listing.c_str()) != 0;  // ps fails when it lists nothing.
            if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        check(gone, "the stopped job outlived the terminal");
    });
}

// Two interactive shells on two terminals at once, each stopping and resuming its own
// pipeline: neither takes the other's terminal or jobs.
void two_shells_at_once(const std::string& scratch) {
    with_session(base_options(scratch), [&scratch](PtySession& first) {
        with_session(base_options(scratch), [&first](PtySession& second) {
            expect(first, "vsh> ");
            expect(second, "vsh> ");
            for (PtySession* s : {&first, &second}) {
                s->send("sleep 32 | cat\r");
                wait_for_job_in_foreground(*s, {"sleep", "cat"});
            }
            for (PtySession* s : {&second, &first}) {
                s->send("\032");
                expect(*s, "[1] + Stopped");
                expect(*s, "vsh> ");
            }
            for (PtySession* s : {&first, &second}) {
                s->send("jobs | wc -l; kill -9 %1; wait; echo gone\r");
                expect(*s, "\n1\n");
                expect(*s, "gone");
                finish(*s);
            }
        });
    });
}

// Ctrl-C ends a loop the shell runs itself and a loop of commands, with the rest of the line;
// Ctrl-\ ends a foreground pipeline; Ctrl-Z in a loop stops the job and ends the loop.
void interrupting_loops(const std::string& scratch, const std::string& backend) {
    with_session(backend_options(scratch, backend), [](PtySession& s) {
        expect(s, "vsh> ");
        s.send("while :; do :; done; echo not-reached\r");
        expect(s, "done; echo not-reached\n");
        // The shell runs this loop itself and holds the terminal: the key reaches it.
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        s.send("\003");
        expect(s, "vsh> ");
        s.send("echo st=$?\r");
        expect(s, "\nst=130\n");
        expect(s, "vsh> ");
        s.send("for i in 1 2 3; do sleep 5; echo i=$i; done\r");
        expect(s, "done\n");
        wait_for_job_in_foreground(s);
        s.send("\003");
        expect(s, "vsh> ");
        s.send("echo st=$?\r");
        expect(s, "\nst=130\n");
        expect(s, "vsh> ");
        s.send("sleep 30 | cat\r");
        expect(s, "sleep 30 | cat\n");
        // Both stages running: a key that came before cat started would leave it to end
        // normally at the end of its input, with status 0.
        check(s.wait_for_process("cat"), "cat did not start");
        wait_for_job_in_foreground(s, {"sleep", "cat"});
        s.send("\034");
        expect(s, "vsh> ");
        s.send("echo st=$?\r");
        expect(s, "\nst=131\n");
        expect(s, "vsh> ");
        s.send("while :; do sleep 5; done; echo not-reached\r");
        expect(s, "not-reached\n");
        wait_for_job_in_foreground(s, {"sleep"});
        s.send("\032");
        expect(s, "[1] + Stopped                 sleep 5\n");
        expect(s, "vsh> ");
        s.send("echo st=$?; kill -9 %1\r");
        expect(s, "\nst=148\n");
        check(s.transcript().find("\ni=") == std::string::npos, "the loop went on after Ctrl-C");
        check(s.transcript().find("\nnot-reached") == std::string::npos,
              "the rest of a line ran after Ctrl-C or Ctrl-Z");
        finish(s);
    });
}

// A script with an INT trap, in a ( ) that runs in the shell itself (no child of its own:
// bench/PROFILE.md) when Ctrl-C comes: the key ends the subshell, as it would end a child
// whose INT is back at its default, and then the script's own action runs. Once in a
// program the subshell runs, once in a loop of the shell's own.
void ctrl_c_in_a_subshell_run_in_the_shell(const std::string& scratch, const std::string& backend) {
    with_session(backend_options(scratch, backend), [](PtySession& s) {
        expect(s, "vsh> ");
        const std::string script =
            "trap \"echo caught; exit 7\" INT; (echo in-body; sleep 30; echo after-sleep); "
            "echo not-reached";
        s.send("'" + vsh_binary + "' -c '" + script + "'; echo st=$?\r");
        expect(s, "\nin-body\n");
        wait_for_job_in_foreground(s, {"sleep"});
        s.send("\003");
        expect(s, "caught\n");
        expect(s, "st=7\n");
        expect(s, "vsh> ");
        const std::string loop =
            "trap \"echo caught; exit 8\" INT; (echo in-loop; while :; do :; done; "
            "echo after-loop); echo not-reached";
        s.send("'" + vsh_binary + "' -c '" + loop + "'; echo st=$?\r");
        expect(s, "\nin-loop\n");
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        s.send("\003");
        expect(s, "caught\n");
        expect(s, "st=8\n");
        expect(s, "vsh> ");
        check(s.transcript().find("\nafter-") == std::string::npos,
              "the subshell went on after Ctrl-C");
        check(s.transcript().find("\nnot-reached") == std::string::npos,
              "the script went on after its INT action's exit");
        finish(s);
    });
}

}  // namespace

std::vector<Case> job_control_cases() {
    std::vector<Case> cases = {
        {"job control: vsh -i -m with stdin off the terminal finds it through /dev/tty",
         [](const std::string& scratch) {
             interactive_with_stdin_off_the_terminal(scratch, false);
         }},
        {"job control: vsh -i -m reading a pipe controls jobs on its terminal",
         [](const std::string& scratch) {
             interactive_with_stdin_off_the_terminal(scratch, true);
         }},
        {"job control: a hang-up with a stopped job ends the shell and the job",
         hang_up_with_a_stopped_job},
        {"job control: two shells at once keep their own terminals and jobs", two_shells_at_once},
    };
    for (const char* backend : kBackends) {
        const std::string name = backend;
        const std::string tag = "job control [" + name + "]: ";
        cases.push_back(
            {tag + "Ctrl-Z stops a foreground pipeline 20 times, the prompt back each time",
             [name](const std::string& scratch) { twenty_pipeline_stops(scratch, name); }});
        cases.push_back({tag + "Ctrl-Z, jobs, fg on a pipeline whose echo ran in the shell",
                         [name](const std::string& scratch) {
                             stop_a_pipeline_with_a_stage_in_the_shell(scratch, name);
                         }});
        cases.push_back({tag + "fg, then Ctrl-Z again, with the notice each time",
                         [name](const std::string& scratch) { fg_and_stop_again(scratch, name); }});
        cases.push_back({tag + "stops sent at random moments of a loop of short commands",
                         [name](const std::string& scratch) { stop_probe(scratch, name); }});
        cases.push_back(
            {tag + "Ctrl-C and Ctrl-Z end loops and the rest of the line",
             [name](const std::string& scratch) { interrupting_loops(scratch, name); }});
        cases.push_back({tag + "Ctrl-C in a script's ( ) run in the shell, with an INT trap",
                         [name](const std::string& scratch) {
                             ctrl_c_in_a_subshell_run_in_the_shell(scratch, name);
                         }});
        cases.push_back(
            {tag + "the timing log shows the backend, and a stop is not an exit",
             [name](const std::string& scratch) { timing_log_of_foreground_jobs(scratch, name); }});
    }
    return cases;
}

}  // namespace vsh::pty_test
