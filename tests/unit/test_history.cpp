// The history list and its file: numbering, the HISTSIZE limit, and the two file forms it
// reads (one command per line, or timestamped entries that keep multi-line commands whole).
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "shell/history/history.hpp"

namespace {

std::string scratch_file(const char* tag) {
    return "/tmp/vsh-history-test-" + std::to_string(getpid()) + "-" + tag;
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream all;
    all << in.rdbuf();
    return all.str();
}

}  // namespace

TEST_CASE("numbers rise by one and survive dropping the oldest", "[history]") {
    vsh::History h;
    h.set_limit(2);
    CHECK(h.add("a") == 1);
    CHECK(h.add("b") == 2);
    CHECK(h.add("c") == 3);
    REQUIRE(h.entries().size() == 2);
    CHECK(h.entries().front().number == 2);
    CHECK(h.entries().back().text == "c");
    CHECK(h.next_number() == 4);
    h.set_limit(1);
    REQUIRE(h.entries().size() == 1);
    CHECK(h.entries().front().text == "c");
}

TEST_CASE("a limit of 0 keeps nothing but still counts", "[history]") {
    vsh::History h;
    h.set_limit(0);
    h.add("a");
    CHECK(h.empty());
    CHECK(h.next_number() == 2);
}

TEST_CASE("a plain file is one command per line", "[history]") {
    std::string path = scratch_file("plain");
    write_file(path, "echo one\n\necho two\n");
    vsh::History h;
    REQUIRE(h.load(path));
    REQUIRE(h.entries().size() == 2);
    CHECK(h.entries()[0].text == "echo one");
    CHECK(h.entries()[1].text == "echo two");
    std::remove(path.c_str());
}

TEST_CASE("a timestamped file keeps multi-line entries whole", "[history]") {
    std::string path = scratch_file("stamped");
    write_file(path, "#100\necho one\n#200\nfor i in 1\ndo :\ndone\n");
    vsh::History h;
    REQUIRE(h.load(path));
    REQUIRE(h.entries().size() == 2);
    CHECK(h.entries()[0].when == 100);
    CHECK(h.entries()[1].text == "for i in 1\ndo :\ndone");
    std::remove(path.c_str());
}

TEST_CASE("save writes what load reads back, mode 0600", "[history]") {
    std::string path = scratch_file("roundtrip");
    vsh::History h;
    h.add("echo 'a b'", 1234);
    h.add("if true\nthen :\nfi", 1235);
    REQUIRE(h.save(path));
    CHECK(read_file(path) == "#1234\necho 'a b'\n#1235\nif true\nthen :\nfi\n");
    struct stat st;
    REQUIRE(stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    vsh::History again;
    REQUIRE(again.load(path));
    REQUIRE(again.entries().size() == 2);
    CHECK(again.entries()[1].text == "if true\nthen :\nfi");
    std::remove(path.c_str());
}

TEST_CASE("a missing file is an empty history, not an error", "[history]") {
    vsh::History h;
    CHECK(h.load(scratch_file("missing")));
    CHECK(h.empty());
}
