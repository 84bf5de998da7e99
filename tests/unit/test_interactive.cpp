// The parts of the interactive shell that need no terminal: what Tab completes, prompt
// expansion, job notices, history settings.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "shell/core/shell.hpp"
#include "shell/interactive/completion.hpp"
#include "shell/interactive/interactive_source.hpp"
#include "shell/interactive/job_notices.hpp"
#include "shell/interactive/prompt.hpp"
#include "shell/jobs/jobs.hpp"
#include "test_shell.hpp"

using vsh::interactive::completion_candidates;
using vsh::interactive::completion_kind;
using vsh::interactive::CompletionKind;

TEST_CASE("the first word of a command completes as a command name", "[interactive]") {
    CHECK(completion_kind("", "ec") == CompletionKind::CommandName);
    CHECK(completion_kind("ls; ", "ec") == CompletionKind::CommandName);
    CHECK(completion_kind("ls && ", "ec") == CompletionKind::CommandName);
    CHECK(completion_kind("ls | ", "gr") == CompletionKind::CommandName);
    CHECK(completion_kind("if ", "te") == CompletionKind::CommandName);
    CHECK(completion_kind("while true; do ", "ec") == CompletionKind::CommandName);
    CHECK(completion_kind("echo $(", "da") == CompletionKind::CommandName);
    // Assignments before the command name keep the position.
    CHECK(completion_kind("LANG=C ", "so") == CompletionKind::CommandName);
}

TEST_CASE("other words complete as file names", "[interactive]") {
    CHECK(completion_kind("ls ", "fi") == CompletionKind::FileName);
    CHECK(completion_kind("echo a; cat ", "fi") == CompletionKind::FileName);
    // A separator inside quotes does not start a command.
    CHECK(completion_kind("echo 'a;' ", "fi") == CompletionKind::FileName);
    // A redirection target is a file, even in command position.
    CHECK(completion_kind("> ", "out") == CompletionKind::FileName);
    CHECK(completion_kind("2>", "err") == CompletionKind::FileName);
    // A command word with a slash is a path.
    CHECK(completion_kind("", "./scr") == CompletionKind::FileName);
    // The value of an assignment (readline splits the word at `=`).
    CHECK(completion_kind("X=", "/us") == CompletionKind::FileName);
    CHECK(completion_kind("X=", "ab") == CompletionKind::FileName);
}

TEST_CASE("words after $ complete as variable names", "[interactive]") {
    CHECK(completion_kind("echo ", "$HO") == CompletionKind::VariableName);
    CHECK(completion_kind("echo ", "${HO") == CompletionKind::VariableName);
    CHECK(completion_kind("", "$") == CompletionKind::VariableName);
    CHECK(completion_kind("echo ", "$HOME/Do") == CompletionKind::FileName);
}

TEST_CASE("words after ~ complete as user names", "[interactive]") {
    CHECK(completion_kind("echo ", "~ro") == CompletionKind::UserName);
    CHECK(completion_kind("", "~") == CompletionKind::UserName);
    CHECK(completion_kind("ls ", "~root/Do") == CompletionKind::FileName);
    TestShell sh;
    // root is in every /etc/passwd.
    auto found = completion_candidates(sh, CompletionKind::UserName, "~roo");
    CHECK(std::find(found.begin(), found.end(), "~root") != found.end());
    CHECK(completion_candidates(sh, CompletionKind::UserName, "~no_such_user_vsh").empty());
}

TEST_CASE("command candidates: builtins, functions, aliases, PATH", "[interactive]") {
    TestShell sh;
    char dir_template[] = "/tmp/vsh-complete-XXXXXX";
    REQUIRE(mkdtemp(dir_template) != nullptr);
    std::string dir = dir_template;
    std::ofstream(dir + "/umbrella-tool") << "#!/bin/sh\n";
    chmod((dir + "/umbrella-tool").c_str(), 0755);
    std::ofstream(dir + "/umbrella-data") << "not executable\n";
    REQUIRE(sh.vars.set("PATH", dir));
    sh.aliases["umbrella-alias"] = "true";
    auto parsed = vsh::parse_program("true", nullptr);
    sh.functions["umbrella_function"] =
        std::move(std::get<std::unique_ptr<vsh::ast::Command>>(parsed));

    auto found = completion_candidates(sh, CompletionKind::CommandName, "um");
    CHECK(found == std::vector<std::string>{"umask", "umbrella-alias", "umbrella-tool",
                                            "umbrella_function"});
    CHECK(completion_candidates(sh, CompletionKind::CommandName, "zzz-none").empty());
    std::remove((dir + "/umbrella-tool").c_str());
    std::remove((dir + "/umbrella-data").c_str());
    rmdir(dir.c_str());
}

TEST_CASE("variable candidates keep the $ or ${ the user typed", "[interactive]") {
    TestShell sh;
    REQUIRE(sh.vars.set("VSH_COMPLETE_ONE", "1"));
    REQUIRE(sh.vars.set("VSH_COMPLETE_TWO", "2"));
    CHECK(completion_candidates(sh, CompletionKind::VariableName, "$VSH_COMPLETE_") ==
          std::vector<std::string>{"$VSH_COMPLETE_ONE", "$VSH_COMPLETE_TWO"});
    CHECK(completion_candidates(sh, CompletionKind::VariableName, "${VSH_COMPLETE_O") ==
          std::vector<std::string>{"${VSH_COMPLETE_ONE}"});
}

TEST_CASE("PS1 exclamation-mark expansion", "[interactive]") {
    using vsh::interactive::expand_history_marks;
    CHECK(expand_history_marks("! $ ", 12) == "12 $ ");
    CHECK(expand_history_marks("a!!b", 3) == "a!b");
    CHECK(expand_history_marks("pid $! ", 3) == "pid $! ");
    CHECK(expand_history_marks("!!!", 5) == "!5");
}

TEST_CASE("prompts get parameter expansion", "[interactive]") {
    TestShell sh;
    REQUIRE(sh.vars.set("WHERE", "/tmp"));
    REQUIRE(sh.vars.set("PS1", "[$WHERE:!] \"q\" $((1+2))> "));
    REQUIRE(sh.vars.set("PS2", "${WHERE}! "));
    CHECK(vsh::interactive::expand_prompt(sh, vsh::Prompt::Primary, 7) == "[/tmp:7] \"q\" 3> ");
    // PS2 has no history number.
    CHECK(vsh::interactive::expand_prompt(sh, vsh::Prompt::Continuation, 7) == "/tmp! ");
    REQUIRE(sh.vars.unset("PS2"));
    CHECK(vsh::interactive::expand_prompt(sh, vsh::Prompt::Continuation, 7).empty());
}

TEST_CASE("a finished job's notice", "[interactive]") {
    vsh::Job job;
    job.id = 2;
    job.command = "sleep 1";
    vsh::JobProcess process;
    process.pid = 1234;
    process.done = true;
    process.wait_status = 0;  // Exited 0.
    job.processes.push_back(process);
    // POSIX's jobs format, "[%d] %c %s %s\n", the state padded so that commands line up.
    CHECK(vsh::interactive::done_notice(job, '+') == "[2] + Done                    sleep 1\n");
    job.processes.back().wait_status = 3 << 8;  // Exited 3.
    CHECK(vsh::interactive::done_notice(job, ' ') == "[2]   Done(3)                 sleep 1\n");
    job.processes.back().wait_status = SIGTERM;  // Killed by SIGTERM.
    CHECK(vsh::interactive::done_notice(job, '-') == "[2] - Terminated              sleep 1\n");
}

TEST_CASE("HISTFILE and HISTSIZE defaults", "[interactive]") {
    TestShell sh;
    REQUIRE(sh.vars.set("HOME", "/home/someone"));
    (void)sh.vars.unset("HISTFILE");
    (void)sh.vars.unset("HISTSIZE");
    CHECK(vsh::interactive::history_file(sh) == "/home/someone/.vsh_history");
    CHECK(vsh::interactive::history_size(sh) == 500);
    REQUIRE(sh.vars.set("HISTFILE", ""));
    CHECK(vsh::interactive::history_file(sh).empty());
    REQUIRE(sh.vars.set("HISTSIZE", "20"));
    CHECK(vsh::interactive::history_size(sh) == 20);
    REQUIRE(sh.vars.set("HISTSIZE", "lots"));
    CHECK(vsh::interactive::history_size(sh) == 500);
}
