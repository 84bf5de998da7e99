// The `time` table in timing mode: one line per process within 80 columns, a long fallback
// reason moved below the table as a numbered note.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "shell/timing/breakdown.hpp"

namespace {

vsh::ProcessRecord record(const char* command, const char* backend, const char* fallback) {
    vsh::ProcessRecord r;
    r.command = command;
    r.backend = backend;
    r.fallback = fallback;
    r.spawn_ns = 120000;
    r.wall_ns = 3000000;
    return r;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("a short fallback reason stays in the table", "[timing]") {
    std::string text = vsh::process_breakdown_text({record("ls", "fork", "no clone")});
    std::vector<std::string> lines = lines_of(text);
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].find("fork (fallback: no clone)") != std::string::npos);
}

TEST_CASE("long fallback reasons become numbered notes", "[timing]") {
    const char* long_reason =
        "the plan asks for a terminal handover that posix_spawn cannot do on this libc";
    const char* other_reason = "a second reason that is also far too long to fit in a column";
    std::string text = vsh::process_breakdown_text({
        record("cat", "fork", long_reason),
        record("grep", "vfork", nullptr),
        record("sort", "fork", long_reason),
        record("uniq", "fork", other_reason),
    });
    std::vector<std::string> lines = lines_of(text);
    REQUIRE(lines.size() == 7);  // Header, four processes, two notes.
    for (std::size_t i = 0; i < 5; ++i) CHECK(lines[i].size() <= 80);
    CHECK(lines[1].find("cat      fork [1]  ") == 0);
    CHECK(lines[2].find("grep     vfork     ") == 0);
    CHECK(lines[3].find("sort     fork [1]  ") == 0);  // The same reason, the same note.
    CHECK(lines[4].find("uniq     fork [2]  ") == 0);
    CHECK(lines[5] == std::string("[1] fallback: ") + long_reason);
    CHECK(lines[6] == std::string("[2] fallback: ") + other_reason);
}
