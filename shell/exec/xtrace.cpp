#include "shell/exec/xtrace.hpp"

#include <memory>
#include <variant>

#include "shell/base/output.hpp"
#include "shell/base/scoped_value.hpp"
#include "shell/core/shell.hpp"
#include "shell/exec/command_words.hpp"
#include "shell/exec/redirect.hpp"
#include "shell/exec/trace_quote.hpp"
#include "shell/expand/expand.hpp"
#include "shell/expand/prompt_escapes.hpp"
#include "shell/parser/parser.hpp"

namespace vsh {

std::optional<std::string> expand_as_double_quoted(Shell& sh, const std::string& text) {
    if (text.find_first_of("$`\\") == std::string::npos) return text;
    std::string program = ": \"";
    for (char c : text) {
        if (c == '"') program += '\\';
        program += c;
    }
    program += '"';
    auto parsed = parse_program(program, nullptr);
    auto* command = std::get_if<std::unique_ptr<ast::Command>>(&parsed);
    if (command == nullptr) return std::nullopt;
    const auto* simple = std::get_if<ast::SimpleCommand>(&unwrap_command(**command).node);
    if (simple == nullptr || simple->words.size() < 2) return std::nullopt;
    // `set -x` is off for the time of an expansion that is not a command.
    const ScopedValue<bool> quiet(sh.options.xtrace, false);
    try {
        return Expander(sh).expand_string(simple->words[1]);
    } catch (const FatalError&) {
        return std::nullopt;
    }
}

std::string expand_ps4(Shell& sh) {
    const std::string* ps4 = sh.vars.get("PS4");
    // The "+ " default is PS4's initial value (main.cpp); once unset it expands to nothing,
    // as in dash, bash, mksh and yash.
    if (ps4 == nullptr) return {};
    // bash's prompt escapes (\u, \t ...) come first; a PS4 without a backslash costs nothing.
    std::string decoded =
        ps4->find('\\') == std::string::npos
            ? *ps4
            : decode_prompt_escapes(
                  *ps4, ShellPromptFacts(sh, sh.history.next_number(), sh.history.next_number()));
    if (decoded.find_first_of("$`\\") == std::string::npos) return decoded;
    return expand_as_double_quoted(sh, decoded).value_or(*ps4);
}

void trace_command(Shell& sh, const std::vector<std::string>& argv,
                   std::span<const std::pair<std::string, std::string>> assignments,
                   const SavedFds* redirected) {
    std::string line = expand_ps4(sh);
    bool first = true;
    for (const auto& [name, value] : assignments) {
        if (!first) line += ' ';
        first = false;
        line += name;
        line += '=';
        line += trace_quote(value, TracePosition::AssignmentValue);
    }
    for (const std::string& a : argv) {
        // The first word after the assignments is the command name.
        const TracePosition position =
            &a == argv.data() ? TracePosition::CommandName : TracePosition::Argument;
        if (!first) line += ' ';
        first = false;
        line += trace_quote(a, position);
    }
    line += '\n';
    sh.out.flush();
    if (const int fd = redirected != nullptr ? redirected->original(2) : 2; fd != 2) {
        sh.err.flush();
        if (fd >= 0) (void)write_all(fd, line);
        return;
    }
    sh.err.write(line);
    sh.err.flush();
}

}  // namespace vsh
