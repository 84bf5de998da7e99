// The timing log's JSON: the writer's escaping (command names are arbitrary bytes), the
// record line's fields, and the reader the report uses to get them back.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <string>

#include "shell/timing/json_reader.hpp"
#include "shell/timing/json_writer.hpp"
#include "shell/timing/record_format.hpp"

namespace {

std::string quoted(std::string_view text) {
    std::string out;
    vsh::append_json_string(out, text);
    return out;
}

// The string a JSON reader gets back from append_json_string's output.
std::string round_trip(std::string_view text) {
    std::string line = "{\"s\":" + quoted(text) + "}";
    auto object = vsh::parse_json_object(line);
    REQUIRE(object.has_value());
    const vsh::JsonScalar* s = vsh::json_field(*object, "s");
    REQUIRE(s != nullptr);
    return s->text;
}

}  // namespace

TEST_CASE("JSON strings: plain text passes through, quotes and backslashes are escaped") {
    CHECK(quoted("ls") == "\"ls\"");
    CHECK(quoted("") == "\"\"");
    CHECK(quoted("say \"hi\"") == "\"say \\\"hi\\\"\"");
    CHECK(quoted("C:\\dir") == "\"C:\\\\dir\"");
    CHECK(quoted("a/b") == "\"a/b\"");
}

TEST_CASE("JSON strings: control characters are escaped, never written raw") {
    CHECK(quoted("a\nb") == "\"a\\nb\"");
    CHECK(quoted("\t\r\b\f") == "\"\\t\\r\\b\\f\"");
    CHECK(quoted(std::string("x\0y", 3)) == "\"x\\u0000y\"");
    CHECK(quoted("\x01\x1f") == "\"\\u0001\\u001f\"");
    CHECK(quoted("\x7f") == "\"\\u007f\"");
    CHECK(quoted("\x1b[31m") == "\"\\u001b[31m\"");
}

TEST_CASE("JSON strings: valid UTF-8 is kept, stray bytes are written as \\u00XX") {
    CHECK(quoted("caf\xc3\xa9") == "\"caf\xc3\xa9\"");            // é, two bytes
    CHECK(quoted("\xe2\x82\xac") == "\"\xe2\x82\xac\"");          // €, three bytes
    CHECK(quoted("\xf0\x9f\x90\x9a") == "\"\xf0\x9f\x90\x9a\"");  // a four-byte code point
    CHECK(quoted("caf\xe9") == "\"caf\\u00e9\"");                 // Latin-1 é alone
    CHECK(quoted("\xff\xfe") == "\"\\u00ff\\u00fe\"");
    CHECK(quoted("\xc3") == "\"\\u00c3\"");                                   // truncated sequence
    CHECK(quoted("\xc0\xaf") == "\"\\u00c0\\u00af\"");                        // overlong '/'
    CHECK(quoted("\xed\xa0\x80") == "\"\\u00ed\\u00a0\\u0080\"");             // a UTF-16 surrogate
    CHECK(quoted("\xf4\x90\x80\x80") == "\"\\u00f4\\u0090\\u0080\\u0080\"");  // > U+10FFFF
}

TEST_CASE("JSON strings: what the writer escapes, the reader restores") {
    CHECK(round_trip("plain") == "plain");
    CHECK(round_trip("q\"b\\n\nt\t") == "q\"b\\n\nt\t");
    CHECK(round_trip(std::string("\0\x01\x7f", 3)) == std::string("\0\x01\x7f", 3));
    CHECK(round_trip("caf\xc3\xa9 \xe2\x82\xac") == "caf\xc3\xa9 \xe2\x82\xac");
    // A stray byte comes back as the Latin-1 character of the same value.
    CHECK(round_trip("\xe9") == "\xc3\xa9");
}

TEST_CASE("JSON numbers: integers and seconds with six decimals") {
    std::string out;
    vsh::append_json_integer(out, -42);
    CHECK(out == "-42");
    out.clear();
    vsh::append_json_seconds(out, 1712345678123456789);
    CHECK(out == "1712345678.123456");
    out.clear();
    vsh::append_json_seconds(out, 5000);  // 5 us
    CHECK(out == "0.000005");
}

TEST_CASE("JSON reader: accepts objects with scalars and nested values") {
    auto object = vsh::parse_json_object(
        R"( {"a":1.5e3,"b":null,"c":true,"d":false,"e":"x","f":[1,{"g":[]}],"h":{"i":2}} )");
    REQUIRE(object.has_value());
    CHECK(vsh::json_field(*object, "a")->number == 1500);
    CHECK(vsh::json_field(*object, "a")->text == "1.5e3");
    CHECK(vsh::json_field(*object, "b")->kind == vsh::JsonScalar::Kind::Null);
    CHECK(vsh::json_field(*object, "c")->boolean);
    CHECK_FALSE(vsh::json_field(*object, "d")->boolean);
    CHECK(vsh::json_field(*object, "f")->kind == vsh::JsonScalar::Kind::Nested);
    CHECK(vsh::json_field(*object, "missing") == nullptr);
    auto pair = vsh::parse_json_object(R"({"s":"\ud83d\udc1a"})");
    REQUIRE(pair.has_value());
    CHECK(vsh::json_field(*pair, "s")->text == "\xf0\x9f\x90\x9a");
}

TEST_CASE("JSON reader: rejects what is not one valid object") {
    for (const char* bad : {"", "[]", "{", "{\"a\":}", "{\"a\":1,}", "{\"a\":01}", "{\"a\":1.}",
                            "{\"a\":tru}", "{a:1}", "{\"a\":\"\x01\"}", "{\"a\":1} x",
                            "{\"a\":\"\\q\"}", "{\"a\":\"unterminated}", "{\"a\":-}"}) {
        INFO(bad);
        CHECK_FALSE(vsh::parse_json_object(bad).has_value());
    }
}

TEST_CASE("Wait statuses read as exit codes or signal names") {
    CHECK(vsh::wait_status_text(0) == "0");
    CHECK(vsh::wait_status_text(127 << 8) == "127");
    CHECK(vsh::wait_status_text(SIGKILL) == "SIGKILL");
    CHECK(vsh::wait_status_text(SIGSEGV | 0x80) == "SIGSEGV (core dumped)");
}

TEST_CASE("A record line is one JSON object with every field of the log format") {
    vsh::ProcessRecord record;
    record.command = "weird\n\xff name";
    record.backend = "posix_spawn";
    record.fallback = nullptr;
    record.pid = 4321;
    record.start_unix_ns = 1700000000250000000;
    record.spawn_ns = 85'400;
    record.wall_ns = 2'000'999;
    record.usage.ru_utime.tv_sec = 1;
    record.usage.ru_utime.tv_usec = 5;
    record.usage.ru_stime.tv_usec = 300;
    record.usage.ru_maxrss = 2048;
    record.wait_status = 3 << 8;
    record.shell_rss_kb = 999;

    std::string line = vsh::timing_record_json(record, 1234);
    REQUIRE(line.back() == '\n');
    CHECK(line.find('\n') == line.size() - 1);  // One line, however odd the command.
    auto object = vsh::parse_json_object(line);
    REQUIRE(object.has_value());
    auto field = [&](const char* key) {
        const vsh::JsonScalar* value = vsh::json_field(*object, key);
        REQUIRE(value != nullptr);
        return *value;
    };
    CHECK(field("time").text == "1700000000.250000");
    CHECK(field("shell_pid").number == 1234);
    CHECK(field("child_pid").number == 4321);
    CHECK(field("backend").text == "posix_spawn");
    CHECK(field("fallback").kind == vsh::JsonScalar::Kind::Null);
    CHECK_FALSE(field("shell_code").boolean);
    CHECK(field("spawn_us").number == 85);
    CHECK(field("wall_us").number == 2000);
    CHECK(field("user_us").number == 1000005);
    CHECK(field("sys_us").number == 300);
    CHECK(field("max_rss_kb").number == 2048);
    CHECK(field("status").number == 3);
    CHECK(field("argv0").text == "weird\n\xc3\xbf name");
    CHECK(field("shell_rss_kb").number == 999);

    record.fallback = "terminal handoff";
    record.wait_status = SIGTERM;
    object = vsh::parse_json_object(vsh::timing_record_json(record, 1));
    REQUIRE(object.has_value());
    CHECK(field("fallback").text == "terminal handoff");
    CHECK(field("status").text == "SIGTERM");
}
