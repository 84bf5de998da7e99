// Completion's quoting: every character the shell treats specially, written back so that the
// shell reads the same name, in each quoting context; and the reading of a partly typed word.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <string>

#include "shell/core/shell.hpp"
#include "shell/interactive/completion.hpp"
#include "shell/interactive/completion_edit.hpp"
#include "shell/interactive/completion_quote.hpp"
#include "test_shell.hpp"

using vsh::interactive::closing_quote;
using vsh::interactive::CompletionKind;
using vsh::interactive::is_quoted_at;
using vsh::interactive::plan_completion;
using vsh::interactive::quote_for_completion;
using vsh::interactive::QuoteContext;
using vsh::interactive::read_partial_word;
using vsh::interactive::WordStart;

namespace {

// Every character the task lists as special to the shell when unquoted.
const std::string kSpecials = std::string(" \t\n'\"$`\\&|;<>()*?[#~=%!{}");

std::string unquoted(const std::string& name) {
    return quote_for_completion(name, QuoteContext::None, WordStart::Yes);
}

}  // namespace

TEST_CASE("unquoted: a backslash before each special character", "[completion]") {
    CHECK(unquoted("a b") == "a\\ b");
    CHECK(unquoted("a\tb") == "a\\\tb");
    CHECK(unquoted("it's") == "it\\'s");
    CHECK(unquoted("say\"hi\"") == "say\\\"hi\\\"");
    CHECK(unquoted("$x") == "\\$x");
    CHECK(unquoted("`x`") == "\\`x\\`");
    CHECK(unquoted("back\\slash") == "back\\\\slash");
    CHECK(unquoted("a&b|c;d") == "a\\&b\\|c\\;d");
    CHECK(unquoted("<in>") == "\\<in\\>");
    CHECK(unquoted("(sub)") == "\\(sub\\)");
    CHECK(unquoted("*?[") == "\\*\\?\\[");
    CHECK(unquoted("#hash") == "\\#hash");
    CHECK(unquoted("a=b") == "a\\=b");
    CHECK(unquoted("50%") == "50\\%");
    CHECK(unquoted("wow!") == "wow\\!");
    CHECK(unquoted("{a,b}") == "\\{a,b\\}");
    CHECK(unquoted("plain-name_1.txt") == "plain-name_1.txt");
}

TEST_CASE("unquoted: ~ only at the start of the word, newline in quotes", "[completion]") {
    CHECK(unquoted("~home") == "\\~home");
    CHECK(quote_for_completion("~home", QuoteContext::None, WordStart::No) == "~home");
    CHECK(unquoted("a~b") == "a~b");
    // Backslash-newline would be a line continuation and vanish.
    CHECK(unquoted("a\nb") == "a'\n'b");
}

TEST_CASE("double quotes: a backslash before $ ` \" \\ only", "[completion]") {
    auto dq = [](const std::string& name) {
        return quote_for_completion(name, QuoteContext::Double, WordStart::No);
    };
    CHECK(dq("$x") == "\\$x");
    CHECK(dq("`x`") == "\\`x\\`");
    CHECK(dq("say\"hi") == "say\\\"hi");
    CHECK(dq("a\\b") == "a\\\\b");
    CHECK(dq("it's a & b; (c) *?[ # ~ = % {}") == "it's a & b; (c) *?[ # ~ = % {}");
    // History expansion works inside double quotes: '!' is single-quoted between them.
    CHECK(dq("a!b") == "a\"'!'\"b");
    CHECK(dq("a\nb") == "a\nb");
    CHECK(closing_quote(QuoteContext::Double) == "\"");
}

TEST_CASE("single quotes: ' becomes '\\'' and nothing else changes", "[completion]") {
    auto sq = [](const std::string& name) {
        return quote_for_completion(name, QuoteContext::Single, WordStart::No);
    };
    CHECK(sq("it's") == "it'\\''s");
    CHECK(sq("$x `y` \"z\" \\ & | ; < > ( ) * ? [ # ~ = % ! { }\n\t") ==
          "$x `y` \"z\" \\ & | ; < > ( ) * ? [ # ~ = % ! { }\n\t");
    CHECK(closing_quote(QuoteContext::Single) == "'");
    CHECK(closing_quote(QuoteContext::None).empty());
}

TEST_CASE("every special character survives quoting and reading back", "[completion]") {
    for (char c : kSpecials) {
        const std::string name = std::string("a") + c + "b";
        INFO("character code " << static_cast<int>(c));
        // Unquoted: the whole word reads back as the name, with no quote left open.
        auto plain = read_partial_word(unquoted(name));
        CHECK(plain.value == name);
        CHECK(plain.start == 0);
        CHECK(plain.open_quote == QuoteContext::None);
        for (QuoteContext context : {QuoteContext::Double, QuoteContext::Single}) {
            const std::string open(closing_quote(context));
            auto quoted =
                read_partial_word(open + quote_for_completion(name, context, WordStart::No) + open);
            CHECK(quoted.value == name);
            CHECK(quoted.start == 0);
            CHECK(quoted.open_quote == QuoteContext::None);
        }
    }
    // A leading ~ too.
    CHECK(read_partial_word(unquoted("~x")).value == "~x");
}

TEST_CASE("the partly typed word: escapes and quotes removed, quote state kept", "[completion]") {
    auto word = read_partial_word("cd dir\\ o");
    CHECK(word.start == 3);
    CHECK(word.value == "dir o");
    word = read_partial_word("cat \"my fi");
    CHECK(word.start == 4);
    CHECK(word.value == "my fi");
    CHECK(word.open_quote == QuoteContext::Double);
    word = read_partial_word("cat 'it'\\''s");
    CHECK(word.value == "it's");
    CHECK(word.open_quote == QuoteContext::Single);
    word = read_partial_word("echo a; ls x|gre");
    CHECK(word.value == "gre");
    word = read_partial_word("echo \"a\\\"b\\c");
    CHECK(word.value == "a\"b\\c");
    CHECK(read_partial_word("ls ").value.empty());
}

TEST_CASE("quoted positions: inside quotes and after a backslash", "[completion]") {
    const std::string line = "a\\ b 'c d' \"e f\" g";
    CHECK(is_quoted_at(line, 2));        // the escaped blank
    CHECK_FALSE(is_quoted_at(line, 4));  // the blank after b
    CHECK_FALSE(is_quoted_at(line, 5));  // the opening '
    CHECK(is_quoted_at(line, 7));        // the blank inside '...'
    CHECK_FALSE(is_quoted_at(line, 9));  // the closing '
    CHECK(is_quoted_at(line, 13));       // the blank inside "..."
    CHECK_FALSE(is_quoted_at(line, 16));
}

TEST_CASE("argument contexts: cd, backend, set -o, job specs", "[completion]") {
    using vsh::interactive::completion_kind;
    CHECK(completion_kind("cd ", "di") == CompletionKind::DirectoryName);
    CHECK(completion_kind("pushd ", "") == CompletionKind::DirectoryName);
    CHECK(completion_kind("backend ", "f") == CompletionKind::BackendName);
    CHECK(completion_kind("vsh ", "--backend=f") == CompletionKind::BackendName);
    CHECK(completion_kind("./build/vsh --backend ", "f") == CompletionKind::BackendName);
    CHECK(completion_kind("set -o ", "err") == CompletionKind::OptionName);
    CHECK(completion_kind("set +o ", "") == CompletionKind::OptionName);
    CHECK(completion_kind("set ", "err") == CompletionKind::FileName);
    for (const char* command : {"fg ", "bg ", "kill ", "wait ", "jobs ", "disown "})
        CHECK(completion_kind(command, "%") == CompletionKind::JobSpec);
    CHECK(completion_kind("kill ", "12") == CompletionKind::FileName);
    CHECK(completion_kind("ls ", "%") == CompletionKind::FileName);
    TestShell sh;
    CHECK(vsh::interactive::completion_candidates(sh, CompletionKind::BackendName, "--backend=") ==
          std::vector<std::string>{"--backend=auto", "--backend=clone", "--backend=fork",
                                   "--backend=posix_spawn", "--backend=vfork"});
    auto options = vsh::interactive::completion_candidates(sh, CompletionKind::OptionName, "err");
    CHECK(options == std::vector<std::string>{"errexit"});
}

TEST_CASE("the edit: quoted rest of the name, closing quote, and the listed choices",
          "[completion]") {
    char dir_template[] = "/tmp/vsh-complete-quote-XXXXXX";
    REQUIRE(mkdtemp(dir_template) != nullptr);
    const std::string dir = dir_template;
    std::ofstream(dir + "/it's a file") << "x";
    std::ofstream(dir + "/two one") << "x";
    std::ofstream(dir + "/two two") << "x";
    mkdir((dir + "/sub dir").c_str(), 0755);
    TestShell sh;
    const std::string cat = "cat " + dir + "/";
    const std::size_t at = cat.size();

    auto edit = plan_completion(sh, cat + "it", at);
    CHECK(edit.found);
    CHECK(edit.replacement == "it\\'s\\ a\\ file ");
    CHECK(edit.choices.empty());
    // After an opening quote readline replaces from just after it.
    edit = plan_completion(sh, cat + "\"it", at + 1);
    CHECK(edit.replacement == "it's a file\" ");
    edit = plan_completion(sh, cat + "'it", at + 1);
    CHECK(edit.replacement == "it'\\''s a file' ");
    // `'it'\''` then an open quote: only the rest goes in, quoted for '...'.
    edit = plan_completion(sh, cat + "'it'\\''s a", at + 7);
    CHECK(edit.replacement == "s a file' ");
    // A directory goes on with / and leaves the quote open.
    const std::string cd = "cd " + dir + "/";
    edit = plan_completion(sh, cd + "\"su", cd.size() + 1);
    CHECK(edit.replacement == "sub dir/");
    edit = plan_completion(sh, cd, cd.size());
    CHECK(edit.replacement == "sub\\ dir/");
    // Several: the common part, then the names to list.
    edit = plan_completion(sh, cat + "tw", at);
    CHECK(edit.replacement == "two\\ ");
    CHECK(edit.choices == std::vector<std::string>{"two one", "two two"});
    edit = plan_completion(sh, cat + "none", at);
    CHECK_FALSE(edit.found);
    // A typed ~ stays a tilde expansion; the rest of the path is still quoted.
    REQUIRE(sh.vars.set("HOME", dir));
    edit = plan_completion(sh, "ls ~/su", 3);
    CHECK(edit.replacement == "~/sub\\ dir/");

    std::remove((dir + "/it's a file").c_str());
    std::remove((dir + "/two one").c_str());
    std::remove((dir + "/two two").c_str());
    rmdir((dir + "/sub dir").c_str());
    rmdir(dir.c_str());
}
