// Habits of bash users at a terminal (issue 12): what needs a real terminal to be seen.
#include <string>
#include <vector>

#include "tests/interactive/harness.hpp"

namespace vsh::pty_test {
namespace {

// read -p writes its prompt when standard input is a terminal (the spec cases show that it
// does not otherwise), and the line typed after it is what read gets.
void read_prompt_at_a_terminal(const std::string& scratch) {
    with_session(base_options(scratch), [](PtySession& s) {
        expect(s, "vsh> ");
        // The quotes keep the echoed command line from matching the prompt or the output.
        s.send("read -p 'Na''me? ' n; echo \"got:$n\"\r");
        expect(s, "Name? ");
        s.send("alice\r");
        expect(s, "\ngot:alice\n");
        expect(s, "vsh> ");
        finish(s);
    });
}

}  // namespace

std::vector<Case> habits_cases() {
    return {{"habits: read -p shows its prompt at a terminal", read_prompt_at_a_terminal}};
}

}  // namespace vsh::pty_test
