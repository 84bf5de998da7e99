// libFuzzer target: the lexer and parser on arbitrary bytes. Every input is parsed three ways
// (a whole program without aliases, a whole program with aliases, and one complete command at
// a time as `vsh -n` and an interactive shell read it), and a tree that parses is turned back
// into text (shell/ast/format.hpp), which must read back to the same text.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include "shell/ast/format.hpp"
#include "shell/base/source.hpp"
#include "shell/parser/ast_dump.hpp"
#include "shell/parser/parser.hpp"

namespace {

// Aliases that exercise the rules of XCU 2.3.1: a value ending in a blank (the next word is
// looked up too), one that expands to itself, two that expand to each other, one that opens
// a compound command, and reserved words, which are never alias names when they are
// recognised as reserved words.
const vsh::AliasTable& aliases() {
    static const vsh::AliasTable table = {
        {"ll", "ls -l"},  {"a", "b "},      {"b", "c "},        {"c", "echo c"},
        {"self", "self"}, {"ping", "pong"}, {"pong", "ping x"}, {"begin", "{ "},
        {"if", "echo"},   {"x", "y=1 "},    {"empty", ""},      {"semi", "; echo"},
    };
    return table;
}

[[noreturn]] void mismatch(const char* what, std::string_view source, std::string_view a,
                           std::string_view b) {
    std::fprintf(stderr, "fuzz_parse: %s\nsource:\n%.*s\nfirst:\n%.*s\nsecond:\n%.*s\n", what,
                 static_cast<int>(source.size()), source.data(), static_cast<int>(a.size()),
                 a.data(), static_cast<int>(b.size()), b.data());
    std::abort();
}

// A tree's one-line text (shell/ast/format.hpp) must parse, and formatting what it parses to
// must give the same text: the text is a fixed point. (It need not give back the very tree it
// came from: a here-document's body is left out on purpose, and a newline inside $((...))
// becomes a space.) Not for a source with a null byte: format writes it as $'\0', which ends
// the $'...' string when read back (a finding kept in
// tests/fuzz/regressions/pending/fuzz_parse/format-nul-byte).
void check_format_reads_back(const vsh::ast::Command& tree, std::string_view source) {
    const std::string text = vsh::ast::format_command(tree);
    auto again = vsh::parse_program(text, nullptr);
    if (auto* error = std::get_if<vsh::ParseError>(&again))
        mismatch("the formatted text does not parse", source, text, error->message);
    const std::string text2 =
        vsh::ast::format_command(*std::get<std::unique_ptr<vsh::ast::Command>>(again));
    if (text2 != text) mismatch("formatting is not stable", source, text, text2);
}

// The format check is on unless VSH_FUZZ_NO_FORMAT_CHECK is set (to look for crashes past a
// known format finding).
bool format_check_on() {
    static const bool on = std::getenv("VSH_FUZZ_NO_FORMAT_CHECK") == nullptr;
    return on;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    auto plain = vsh::parse_program(text, nullptr);
    if (auto* tree = std::get_if<std::unique_ptr<vsh::ast::Command>>(&plain)) {
        if (format_check_on() && text.find('\0') == std::string_view::npos)
            check_format_reads_back(**tree, text);
        else
            (void)vsh::ast::format_command(**tree);
    }

    auto with_aliases = vsh::parse_program(text, &aliases());
    if (auto* tree = std::get_if<std::unique_ptr<vsh::ast::Command>>(&with_aliases))
        (void)vsh::ast::format_command(**tree);

    // One complete command at a time, going on after a syntax error as an interactive shell
    // does. Each call must consume input: a loop here is a hang the fuzzer reports.
    vsh::StringSource source{std::string(text)};
    vsh::Parser parser(source, &aliases());
    for (;;) {
        vsh::ParseResult result = parser.next_command();
        if (std::holds_alternative<vsh::EndOfInput>(result)) break;
        if (auto* command = std::get_if<std::unique_ptr<vsh::ast::Command>>(&result))
            (void)vsh::dump_command(**command);
    }
    return 0;
}
