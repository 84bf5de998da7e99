// libFuzzer target: word expansion (XCU 2.6) on untrusted text, in a shell that runs nothing.
//
// The input's first byte sets the scene (options, IFS, locale; see Scene), the rest is parsed
// as a program, and every word in the tree is expanded the way the executor would expand it:
// command words into fields, assignment values and redirection targets into strings, case
// subjects and patterns matched; assignments alone on a line are made. Nothing else runs:
// command substitution goes to a stub (CommandSubstituter) that returns the body's text, so
// nothing forks or execs; pathname expansion is off (noglob) unless the scene asks for it,
// and then only in an empty directory with no absolute or parent path, so that no input can
// walk the file system.
#include <fcntl.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "shell/ast/format.hpp"
#include "shell/base/locale.hpp"
#include "shell/core/shell.hpp"
#include "shell/expand/command_substituter.hpp"
#include "shell/expand/expand.hpp"
#include "shell/expand/pattern.hpp"
#include "shell/parser/parser.hpp"

namespace {

// Runs nothing: the "output" of $(body) is the body's one-line text, the status its length
// modulo 4, so that field splitting, globbing and $? see varied but repeatable values.
class StubSubstituter final : public vsh::CommandSubstituter {
  public:
    explicit StubSubstituter(vsh::Shell& sh) : sh_(sh) {}
    std::string command_substitution(const vsh::ast::Command* body) override {
        std::string output = body == nullptr ? std::string() : vsh::ast::format_command(*body);
        while (!output.empty() && output.back() == '\n') output.pop_back();
        sh_.last_status = static_cast<int>(output.size() % 4);
        return output;
    }

  private:
    vsh::Shell& sh_;
};

// The first input byte, bit by bit.
struct Scene {
    bool nounset;        // set -u
    bool glob;           // pathname expansion on (in an empty directory)
    bool odd_ifs;        // IFS=":x " instead of unset (default)
    bool utf8;           // LC_ALL=C.UTF-8: multibyte patterns and ${#x}
    bool no_positional;  // no $1...: "$@" makes no field
    bool readonly_x;     // x is readonly: ${x=...} fails

    explicit Scene(std::uint8_t byte)
        : nounset(byte & 1),
          glob(byte & 2),
          odd_ifs(byte & 4),
          utf8(byte & 8),
          no_positional(byte & 16),
          readonly_x(byte & 32) {}
};

void set_up(vsh::Shell& sh, const Scene& scene) {
    sh.source_name = "fuzz";
    sh.options.nounset = scene.nounset;
    sh.options.noglob = !scene.glob;
    (void)sh.vars.set("HOME", "/nonexistent/home");
    (void)sh.vars.set("x", "a b  c*");
    (void)sh.vars.set("y", "  lead and trail  ");
    (void)sh.vars.set("n", "42");
    (void)sh.vars.set("e", "");
    (void)sh.vars.set("u8", "h\xc3\xa9llo w\xc3\xb6rld");
    if (scene.odd_ifs) (void)sh.vars.set("IFS", ":x ");
    if (scene.utf8) (void)sh.vars.set("LC_ALL", "C.UTF-8");
    if (scene.readonly_x) sh.vars.set_readonly("x");
    if (!scene.no_positional) sh.positional = {"one", "two words", "", "*", "-n"};
    sh.arg0 = "fuzz";
    // The locale follows this shell's variables, whatever the previous input assigned.
    vsh::locale_variables_changed([&](std::string_view n) { return sh.vars.get(n); });
}

// Walks a tree and expands every word in it. Expansion errors (${x?}, bad substitutions,
// arithmetic errors, nounset) throw FatalError as in the shell; each word is tried on its own.
class Walker {
  public:
    explicit Walker(vsh::Shell& sh) : sh_(sh), expander_(sh) {}

    void command(const vsh::ast::Command& command, int depth) {
        if (depth > 200) return;
        for (const auto& redirection : command.redirections) string(redirection.target);
        std::visit([&](const auto& node) { this->node(node, depth + 1); }, command.node);
    }

  private:
    vsh::Shell& sh_;
    vsh::Expander expander_;

    template <typename F>
    void guarded(F&& expand) {
        try {
            expand();
        } catch (const vsh::FatalError&) {
        }
    }

    void fields(const std::vector<vsh::ast::Word>& words) {
        guarded([&] {
            std::vector<std::string> out;
            expander_.expand_words(words, out);
        });
    }
    void string(const vsh::ast::Word& word) {
        (void)vsh::Expander::has_side_effects(word);
        guarded([&] { (void)expander_.expand_string(word); });
    }

    void list(const vsh::ast::List& list, int depth) {
        for (const auto& item : list.items) command(*item.command, depth);
    }

    // Assignments with no command name are made, as the executor makes them, so that later
    // words see long or odd values (patterns matched against them, fields split from them).
    void node(const vsh::ast::SimpleCommand& simple, int) {
        for (const auto& assignment : simple.assignments) {
            guarded([&] {
                std::string value = expander_.expand_assignment(assignment.value);
                if (simple.words.empty()) (void)sh_.assign(assignment.name, value);
            });
        }
        fields(simple.words);
    }
    void node(const vsh::ast::Pipeline& pipeline, int depth) {
        for (const auto& c : pipeline.commands) command(*c, depth);
    }
    void node(const vsh::ast::AndOrList& and_or, int depth) {
        for (const auto& c : and_or.items) command(*c, depth);
    }
    void node(const vsh::ast::List& l, int depth) { list(l, depth); }
    void node(const vsh::ast::BraceGroup& group, int depth) { list(group.body, depth); }
    void node(const vsh::ast::Subshell& subshell, int depth) { list(subshell.body, depth); }
    void node(const vsh::ast::If& branches, int depth) {
        for (const auto& branch : branches.branches) {
            list(branch.condition, depth);
            list(branch.body, depth);
        }
        if (branches.else_body) list(*branches.else_body, depth);
    }
    void node(const vsh::ast::Loop& loop, int depth) {
        list(loop.condition, depth);
        list(loop.body, depth);
    }
    void node(const std::unique_ptr<vsh::ast::For>& loop, int depth) { node(*loop, depth); }
    void node(const vsh::ast::For& loop, int depth) {
        fields(loop.words);
        list(loop.body, depth);
    }
    void node(const vsh::ast::Case& choice, int depth) {
        std::string subject;
        guarded([&] { subject = expander_.expand_string(choice.subject); });
        for (const auto& item : choice.items) {
            for (const auto& pattern : item.patterns) {
                guarded(
                    [&] { (void)vsh::pattern_match(expander_.expand_pattern(pattern), subject); });
            }
            list(item.body, depth);
        }
    }
    void node(const vsh::ast::FunctionDef& function, int depth) {
        if (function.body) command(*function.body, depth);
    }
    void node(const vsh::ast::Timed& timed, int depth) {
        if (timed.pipeline) command(*timed.pipeline, depth);
    }
};

// Pathname expansion runs in an empty directory, made once per process and removed at once
// (it stays open, and empty: nothing is left in /tmp, even by a crash). The fuzzer reads its
// corpus by relative paths between inputs, so each input goes there and comes back.
class InEmptyDirectory {
  public:
    InEmptyDirectory() {
        static const int empty = open_empty_directory();
        previous_ = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (previous_ < 0 || fchdir(empty) != 0) std::abort();
    }
    ~InEmptyDirectory() {
        if (fchdir(previous_) != 0) std::abort();
        close(previous_);
    }
    InEmptyDirectory(const InEmptyDirectory&) = delete;
    InEmptyDirectory& operator=(const InEmptyDirectory&) = delete;

  private:
    int previous_;

    static int open_empty_directory() {
        char dir[] = "/tmp/vsh-fuzz-expand.XXXXXX";
        if (mkdtemp(dir) == nullptr) std::abort();
        int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0 || rmdir(dir) != 0) std::abort();
        return fd;
    }
};

// Globbing may only look inside the empty directory: no '/' anywhere, so no absolute path,
// no `..`, no subdirectory walk (an input like /*/*/*/* would read the whole file system).
// A '/' can also come from $'\057' or from ~ (HOME): inputs with those do not glob either.
bool glob_is_safe(std::string_view text) {
    return text.find_first_of("/~") == std::string_view::npos &&
           text.find("$'") == std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const Scene scene(data[0]);
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

    auto parsed = vsh::parse_program(text, nullptr);
    auto* tree = std::get_if<std::unique_ptr<vsh::ast::Command>>(&parsed);
    if (tree == nullptr) return 0;

    vsh::Shell sh;
    StubSubstituter stub(sh);
    sh.substituter = &stub;
    std::string errors;  // Diagnostics go here, not to the fuzzer's terminal.
    sh.err.set_capture(&errors);
    set_up(sh, scene);
    if (scene.glob && !glob_is_safe(text)) sh.options.noglob = true;
    const InEmptyDirectory in_empty_directory;
    Walker(sh).command(**tree, 0);
    sh.err.set_capture(nullptr);
    return 0;
}
