#include "shell/exec/trace_quote.hpp"

#include <string_view>

#include "shell/base/quote.hpp"
#include "shell/parser/parser.hpp"

namespace vsh {
namespace {

// True when `s`, read back in `position`, would not be the same single word: it holds an
// operator, quoting, expansion or pattern character or a control character, or starts a
// comment or tilde prefix; as
// a command name it is a reserved word or looks like an assignment; as an assignment value it
// holds a tilde prefix after a colon (XCU 2.6.1).
bool needs_trace_quotes(const std::string& s, TracePosition position) {
    if (s.empty() || s.find_first_of(" \t\n'\"\\$`*?|&;<>()") != std::string::npos) return true;
    if (s[0] == '#' || s[0] == '~') return true;
    // A '[' is a pattern character only with a ']' after it (`[ -n x ]` reads back as is).
    if (const std::size_t open = s.find('[');
        open != std::string::npos && s.find(']', open) != std::string::npos)
        return true;
    for (char c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
    switch (position) {
        case TracePosition::CommandName: {
            static constexpr std::string_view kReserved[] = {
                "!",  "{",   "}",  "case", "do",   "done",  "elif",  "else", "esac",
                "fi", "for", "if", "in",   "then", "until", "while", "time"};
            for (std::string_view word : kReserved)
                if (s == word) return true;
            const std::size_t eq = s.find('=');
            return eq != std::string::npos && eq > 0 && is_name(std::string_view(s).substr(0, eq));
        }
        case TracePosition::AssignmentValue:
            return s.find(":~") != std::string::npos;
        case TracePosition::Argument:
            return false;
    }
    return true;
}

}  // namespace

std::string trace_quote(const std::string& s, TracePosition position) {
    if (!needs_trace_quotes(s, position)) return s;
    return single_quote(s);
}

std::string job_text(const std::vector<std::string>& argv) {
    std::string text;
    for (const std::string& word : argv) {
        if (!text.empty()) text += ' ';
        text += trace_quote(
            word, &word == argv.data() ? TracePosition::CommandName : TracePosition::Argument);
    }
    return text;
}

}  // namespace vsh
