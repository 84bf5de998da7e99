// VSH_TIMING_LOG: how the log file is opened, cached, reopened and given up on.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "shell/core/shell.hpp"
#include "shell/core/timing_log.hpp"
#include "shell/timing/json_reader.hpp"
#include "shell/timing/timing.hpp"
#include "test_shell.hpp"

namespace {

std::string read_file(const std::string& path) {
    std::string text;
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return text;
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) text.append(buf, static_cast<std::size_t>(n));
    close(fd);
    return text;
}

std::size_t count_lines(const std::string& text) {
    std::size_t lines = 0;
    for (char c : text) lines += c == '\n';
    return lines;
}

vsh::ProcessRecord sample_record(const char* command) {
    vsh::ProcessRecord record;
    record.command = command;
    record.backend = "vfork";
    record.start_unix_ns = 1700000000000000000;
    return record;
}

struct TempDir {
    std::string path;
    TempDir() {
        char templ[] = "/tmp/vsh-timing-test-XXXXXX";
        REQUIRE(mkdtemp(templ) != nullptr);
        path = templ;
    }
    ~TempDir() {
        std::string command = "rm -rf '" + path + "'";
        int ignored = system(command.c_str());
        (void)ignored;
    }
};

}  // namespace

TEST_CASE("Timing log: appends one line per record to a file opened once, high and 0600") {
    TempDir dir;
    std::string log = dir.path + "/timing.log";
    TestShell sh;
    std::string err;
    sh.err.set_capture(&err);
    CHECK_FALSE(vsh::timing_wanted(sh));
    REQUIRE(sh.assign("VSH_TIMING_LOG", log));
    CHECK(vsh::timing_wanted(sh));

    vsh::timing_record(sh, sample_record("first"));
    int fd = sh.timing_log_fd;
    REQUIRE(fd >= vsh::kFirstInternalFd);
    CHECK((fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
    CHECK((fcntl(fd, F_GETFL) & O_APPEND) != 0);
    struct stat st;
    REQUIRE(stat(log.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    vsh::timing_record(sh, sample_record("second"));
    CHECK(sh.timing_log_fd == fd);  // Cached, not reopened.
    std::string text = read_file(log);
    REQUIRE(count_lines(text) == 2);
    auto first = vsh::parse_json_object(text.substr(0, text.find('\n')));
    REQUIRE(first.has_value());
    CHECK(vsh::json_field(*first, "argv0")->text == "first");
    CHECK(vsh::json_field(*first, "shell_pid")->number == getpid());
    CHECK(err.empty());
    close(sh.timing_log_fd);
}

TEST_CASE("Timing log: a new value of VSH_TIMING_LOG switches files") {
    TempDir dir;
    TestShell sh;
    REQUIRE(sh.assign("VSH_TIMING_LOG", dir.path + "/a.log"));
    vsh::timing_record(sh, sample_record("to-a"));
    REQUIRE(sh.assign("VSH_TIMING_LOG", dir.path + "/b.log"));
    vsh::timing_record(sh, sample_record("to-b"));
    CHECK(vsh::timing_log_open_path() == dir.path + "/b.log");
    CHECK(count_lines(read_file(dir.path + "/a.log")) == 1);
    std::string b = read_file(dir.path + "/b.log");
    CHECK(count_lines(b) == 1);
    CHECK(b.find("\"to-b\"") != std::string::npos);

    // Unset or empty: nothing is written and nothing is wanted.
    REQUIRE(sh.assign("VSH_TIMING_LOG", ""));
    CHECK_FALSE(vsh::timing_wanted(sh));
    vsh::timing_record(sh, sample_record("nowhere"));
    CHECK(count_lines(read_file(dir.path + "/b.log")) == 1);
    if (sh.timing_log_fd >= 0) close(sh.timing_log_fd);
}

TEST_CASE("Timing log: an unopenable file warns once and is then left alone") {
    TempDir dir;
    TestShell sh;
    std::string err;
    sh.err.set_capture(&err);
    std::string bad = dir.path + "/no/such/dir/t.log";
    REQUIRE(sh.assign("VSH_TIMING_LOG", bad));
    vsh::timing_record(sh, sample_record("a"));
    vsh::timing_record(sh, sample_record("b"));
    sh.err.flush();
    CHECK(sh.timing_log_fd == -1);
    CHECK(err == "vsh: timing log " + bad + ": No such file or directory\n");

    // A collector still gets its records when the log is broken.
    vsh::TimingCollector collector;
    sh.timing_collector = &collector;
    vsh::timing_record(sh, sample_record("c"));
    sh.timing_collector = nullptr;
    REQUIRE(collector.records.size() == 1);
    CHECK(collector.records[0].command == "c");

    // Fixing the variable brings the log back.
    REQUIRE(sh.assign("VSH_TIMING_LOG", dir.path + "/ok.log"));
    vsh::timing_record(sh, sample_record("d"));
    CHECK(sh.timing_log_fd >= vsh::kFirstInternalFd);
    CHECK(count_lines(read_file(dir.path + "/ok.log")) == 1);
    sh.err.set_capture(nullptr);
    close(sh.timing_log_fd);
}
