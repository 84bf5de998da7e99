// The shared history file: records appended whole by many processes at once, trimming to
// HISTFILESIZE keeping the newest entries, loading back, and the 0600 mode.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "shell/history/history.hpp"
#include "shell/history/history_file.hpp"

namespace {

std::string scratch_file(const char* tag) {
    return "/tmp/vsh-history-file-test-" + std::to_string(getpid()) + "-" + tag;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream all;
    all << in.rdbuf();
    return all.str();
}

std::size_t occurrences(const std::string& text, const std::string& wanted) {
    std::size_t count = 0;
    for (std::size_t at = text.find(wanted); at != std::string::npos;
         at = text.find(wanted, at + wanted.size()))
        ++count;
    return count;
}

}  // namespace

TEST_CASE("history records from many processes at once stay whole", "[history-file]") {
    const std::string path = scratch_file("concurrent");
    std::remove(path.c_str());
    constexpr int kWriters = 6;
    constexpr int kRecords = 200;
    for (int w = 0; w < kWriters; ++w) {
        pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            // A long three-line entry, so that an unlocked or split write would show.
            for (int r = 0; r < kRecords; ++r) {
                std::string tag = "w" + std::to_string(w) + "r" + std::to_string(r);
                std::string command =
                    "for x in " + tag + "\ndo " + std::string(300, 'x') + "\ndone " + tag;
                if (!vsh::append_history_records(path, vsh::history_record(command, 1))) _exit(1);
            }
            _exit(0);
        }
    }
    for (int w = 0; w < kWriters; ++w) {
        int status = 0;
        REQUIRE(wait(&status) > 0);
        CHECK(status == 0);
    }
    const std::string text = read_file(path);
    for (int w = 0; w < kWriters; ++w) {
        std::size_t previous = 0;
        for (int r = 0; r < kRecords; ++r) {
            std::string tag = "w" + std::to_string(w) + "r" + std::to_string(r);
            std::string record =
                "#1\nfor x in " + tag + "\ndo " + std::string(300, 'x') + "\ndone " + tag + "\n";
            REQUIRE(occurrences(text, record) == 1);
            std::size_t at = text.find(record);
            CHECK((r == 0 || at > previous));
            previous = at;
        }
    }
    struct stat info {};
    REQUIRE(stat(path.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    vsh::History loaded;
    loaded.set_limit(100000);
    REQUIRE(vsh::load_history_file(path, loaded));
    CHECK(loaded.entries().size() == kWriters * kRecords);
    std::remove(path.c_str());
}

TEST_CASE("trimming keeps the newest entries, multi-line ones whole", "[history-file]") {
    const std::string path = scratch_file("trim");
    std::remove(path.c_str());
    std::string records;
    for (int i = 1; i <= 5; ++i)
        records += vsh::history_record("cmd" + std::to_string(i) + "\nsecond line", 10 + i);
    REQUIRE(vsh::append_history_records(path, records));
    REQUIRE(vsh::trim_history_file(path, 2));
    CHECK(read_file(path) == "#14\ncmd4\nsecond line\n#15\ncmd5\nsecond line\n");
    // -1 (HISTFILESIZE unusable) leaves the file alone; more room than entries too.
    REQUIRE(vsh::trim_history_file(path, -1));
    REQUIRE(vsh::trim_history_file(path, 10));
    CHECK(read_file(path) == "#14\ncmd4\nsecond line\n#15\ncmd5\nsecond line\n");
    REQUIRE(vsh::trim_history_file(path, 0));
    CHECK(read_file(path).empty());
    std::remove(path.c_str());
}

TEST_CASE("trimming counts plain lines of an old-style file as entries", "[history-file]") {
    const std::string path = scratch_file("plain");
    std::remove(path.c_str());
    std::ofstream(path) << "one\ntwo\nthree\n";
    REQUIRE(vsh::trim_history_file(path, 2));
    CHECK(read_file(path) == "two\nthree\n");
    std::remove(path.c_str());
}

TEST_CASE("a missing history file loads as empty and trims as nothing", "[history-file]") {
    const std::string path = scratch_file("missing");
    std::remove(path.c_str());
    vsh::History h;
    CHECK(vsh::load_history_file(path, h));
    CHECK(h.empty());
    CHECK(vsh::trim_history_file(path, 3));
}
