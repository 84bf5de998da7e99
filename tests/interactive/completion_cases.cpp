// Tab completion at a terminal: names holding the shell's special characters, completed
// unquoted, inside "..." and inside '...', must run on the right file; escaped and quoted
// prefixes are understood; cd, backend, set -o and job-control builtins get their own
// candidates; and a long list asks first and waits for the answer.
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/interactive/harness.hpp"

namespace vsh::pty_test {
namespace {

// The characters the shell treats specially when unquoted; one file per character holds it.
const std::string kSpecials = " \t\n'\"$`\\&|;<>()*?[#=%!{}";

std::string file_prefix(std::size_t index) {
    return "q" + std::to_string(index) + "_";
}

std::string file_content(std::size_t index) {
    return "content-" + std::to_string(index);
}

// q<N>_a<char>b holding "content-<N>", for each special character.
void make_special_files(const std::string& scratch) {
    for (std::size_t i = 0; i < kSpecials.size(); ++i) {
        std::ofstream(scratch + "/" + file_prefix(i) + "a" + kSpecials[i] + "b")
            << file_content(i) << "\n";
    }
}

// Types `cat ` + opening quote + the file's unique prefix, Tab, Enter: the file's content must
// come out, so the completed name, however quoted, named that file.
void complete_each_special(PtySession& s, const std::string& opening_quote) {
    for (std::size_t i = 0; i < kSpecials.size(); ++i) {
        s.send("cat " + opening_quote + file_prefix(i) + "\t\r");
        expect(s, "\n" + file_content(i) + "\n");
        expect(s, "vsh> ");
    }
}

void special_characters_case(const std::string& scratch, const std::string& opening_quote) {
    make_special_files(scratch);
    with_session(base_options(scratch), [&](PtySession& s) {
        expect(s, "vsh> ");
        complete_each_special(s, opening_quote);
        finish(s);
    });
}

// Waits a little and fails if `text` showed up meanwhile.
void expect_absent_for_a_while(PtySession& s, const std::string& text, const std::string& why) {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    s.poll_output();
    check(s.unread().find(text) == std::string::npos, why);
}

}  // namespace

std::vector<Case> completion_cases() {
    return {
        {"completion: special characters, unquoted",
         [](const std::string& scratch) {
             special_characters_case(scratch, "");
             // A leading ~ is escaped too: the only file in the directory starts with it.
             mkdir((scratch + "/tilde").c_str(), 0755);
             std::ofstream(scratch + "/tilde/~home") << "tilde-content\n";
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("cd tilde\r");
                 expect(s, "vsh> ");
                 s.send("cat \t");
                 expect(s, "cat \\~home ");
                 s.send("\r");
                 expect(s, "\ntilde-content\n");
                 finish(s);
             });
         }},
        {"completion: special characters, in double quotes",
         [](const std::string& scratch) { special_characters_case(scratch, "\""); }},
        {"completion: special characters, in single quotes",
         [](const std::string& scratch) { special_characters_case(scratch, "'"); }},
        {"completion: escaped and quoted prefixes",
         [](const std::string& scratch) {
             mkdir((scratch + "/dir one").c_str(), 0755);
             std::ofstream(scratch + "/my file") << "my-file-content\n";
             std::ofstream(scratch + "/it's here") << "its-content\n";
             with_session(base_options(scratch), [&](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("cat \"my fi\t");
                 expect(s, "cat \"my file\" ");
                 s.send("\r");
                 expect(s, "\nmy-file-content\n");
                 s.send("cat 'it'\\''s\t");
                 expect(s, "cat 'it'\\''s here' ");
                 s.send("\r");
                 expect(s, "\nits-content\n");
                 s.send("cd dir\\ o\t");
                 expect(s, "cd dir\\ one/");
                 s.send("\r");
                 expect(s, "vsh> ");
                 s.send("pwd\r");
                 expect(s, scratch + "/dir one\n");
                 finish(s);
             });
         }},
        {"completion: cd offers directories only",
         [](const std::string& scratch) {
             mkdir((scratch + "/dfolder").c_str(), 0755);
             std::ofstream(scratch + "/dfile") << "x\n";
             with_session(base_options(scratch), [&](PtySession& s) {
                 expect(s, "vsh> ");
                 // For ls both match, so nothing unique is inserted; for cd only the folder.
                 s.send("ls df\t\t");
                 expect(s, "dfile");
                 expect(s, "dfolder/");
                 s.send("\x15");  // Ctrl-U
                 s.send("cd df\t");
                 expect(s, "cd dfolder/");
                 s.send("\r");
                 expect(s, "vsh> ");
                 s.send("pwd\r");
                 expect(s, scratch + "/dfolder\n");
                 finish(s);
             });
         }},
        {"completion: backend and option names",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("backend \t\t");
                 expect(s, "auto");
                 expect(s, "posix_spawn");
                 s.send("\x15");
                 s.send("backend vf\t");
                 expect(s, "backend vfork ");
                 s.send("\r");
                 expect(s, "vsh> ");
                 s.send("backend\r");
                 expect(s, "\nvfork\n");
                 s.send(vsh_binary + " --backend=posix_\t");
                 expect(s, "--backend=posix_spawn ");
                 s.send("-c backend\r");
                 expect(s, "\nposix_spawn\n");
                 s.send("set -o nogl\t");
                 expect(s, "set -o noglob ");
                 s.send("\r");
                 expect(s, "vsh> ");
                 s.send("set -o | grep noglob\r");
                 expect(s, "noglob          on");
                 finish(s);
             });
         }},
        {"completion: job specs",
         [](const std::string& scratch) {
             with_session(base_options(scratch), [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("sleep 60 &\r");
                 expect(s, "[1] ");
                 expect(s, "vsh> ");
                 s.send("jobs %\t\t");
                 expect(s, "%1");
                 expect(s, "%sleep");
                 s.send("\x15");
                 s.send("kill %sl\t");
                 expect(s, "kill %sleep ");
                 s.send("\r");
                 expect(s, "vsh> ");
                 s.send("wait %1; echo status-$?\r");
                 expect(s, "status-143");
                 finish(s);
             });
         }},
        {"completion: a long list asks first and waits for the answer",
         [](const std::string& scratch) {
             // 150 commands with long names: more than completion-query-items (100), and
             // more rows than the 24-line terminal holds.
             const std::string bin = scratch + "/bin";
             mkdir(bin.c_str(), 0755);
             for (int i = 100; i < 250; ++i) {
                 std::string path =
                     bin + "/vshcompletiontestcommand-with-a-long-name-" + std::to_string(i);
                 std::ofstream(path) << "#!/bin/sh\n";
                 chmod(path.c_str(), 0755);
             }
             LaunchOptions options = base_options(scratch);
             options.environment["PATH"] = bin;
             with_session(options, [](PtySession& s) {
                 expect(s, "vsh> ");
                 s.send("\t\t");
                 expect(s, "Display all ");
                 expect(s, " possibilities? (y or n)");
                 expect_absent_for_a_while(s, "long-name-",
                                           "the list came without waiting for an answer");
                 s.send("n");
                 expect(s, "vsh> ");
                 s.send("echo after-no\r");
                 expect(s, "\nafter-no\n");
                 check(s.transcript().find("long-name-") == std::string::npos,
                       "names were listed after the answer no");
                 s.send("\t\t");
                 expect(s, "(y or n)");
                 s.send("y");
                 expect(s, "long-name-");
                 expect(s, "--More--");
                 expect_absent_for_a_while(s, "long-name-249",
                                           "the pager did not stop at --More--");
                 s.send("q");
                 expect(s, "vsh> ");
                 s.send("echo after-pager\r");
                 expect(s, "\nafter-pager\n");
                 check(s.transcript().find("long-name-249") == std::string::npos,
                       "q at --More-- did not end the list");
                 // Ctrl-C at the question ends the line, as it would at the prompt.
                 s.send("\t\t");
                 expect(s, "(y or n)");
                 s.send("\x03");
                 expect(s, "^C\n");
                 expect(s, "vsh> ");
                 s.send("echo after-interrupt\r");
                 expect(s, "\nafter-interrupt\n");
                 check(s.transcript().find("long-name-249") == std::string::npos,
                       "Ctrl-C at the question listed the names");
                 finish(s);
             });
         }},
    };
}

}  // namespace vsh::pty_test
