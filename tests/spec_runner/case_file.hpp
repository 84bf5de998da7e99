// A spec case file: many cases, each a script with its expected stdout, stderr and status.
//
// Format (one case):
//   #### name of the case
//   # reason: XCU 2.6.2 — why this is the expected result   (optional, any number)
//   # dash: differs — why vsh differs from dash on purpose   (optional)
//   script lines ...
//   ---- stdin            (optional: text fed to the script's standard input)
//   ---- stdout           (expected standard output, line by line; absent means empty)
//   ---- stderr-matches   (optional: each line must occur somewhere in standard error)
//   ---- stderr-any       (optional, empty: standard error may hold anything, for cases whose
//                          messages vary: another shell's, a program's, timing figures)
// Without either stderr section, standard error must be empty: an unexpected message fails
// the case.
//   ---- status           (expected exit status: a number, or `nonzero`; absent means 0)
// Lines before the first `####` are the file's own commentary.  Blank lines at the end of
// a case's last section are layout, not content.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace vsh::spec {

// What the exit status of a case must be.
struct ExpectedStatus {
    enum class Kind { Exactly, Nonzero };
    Kind kind = Kind::Exactly;
    int value = 0;

    [[nodiscard]] bool accepts(int status) const {
        return kind == Kind::Nonzero ? status != 0 : status == value;
    }
    [[nodiscard]] std::string describe() const {
        return kind == Kind::Nonzero ? "nonzero" : std::to_string(value);
    }
};

// What standard error may hold.
enum class StderrRule { Empty, Matches, Any };

struct SpecCase {
    std::string file;  // path of the case file, for reports
    int line = 0;      // line of the `####` header
    std::string name;
    std::vector<std::string> reasons;         // `# reason:` lines, shown with a failure
    std::optional<std::string> dash_differs;  // set when dash is known to disagree on purpose
    std::string script;
    std::string stdin_text;
    std::string expected_stdout;
    std::vector<std::string> stderr_must_contain;
    StderrRule stderr_rule = StderrRule::Empty;
    ExpectedStatus expected_status;

    [[nodiscard]] std::string location() const { return file + ":" + std::to_string(line); }
};

struct ParseResult {
    std::vector<SpecCase> cases;
    std::vector<std::string> errors;  // "file:line: message"
};

// Reads and parses one case file; malformed sections are reported, not guessed at.
[[nodiscard]] ParseResult parse_case_file(const std::string& path);

}  // namespace vsh::spec
