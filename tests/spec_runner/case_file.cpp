#include "tests/spec_runner/case_file.hpp"

#include <fstream>
#include <sstream>

namespace vsh::spec {
namespace {

enum class Section { Script, Stdin, Stdout, StderrMatches, Status };

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return "";
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

std::string join_lines(std::vector<std::string> lines) {
    std::string joined;
    for (const auto& line : lines) joined += line + "\n";
    return joined;
}

// Collects the lines of one case before they are turned into a SpecCase.
struct CaseBuilder {
    SpecCase spec;
    Section section = Section::Script;
    bool in_header = true;  // metadata comments are read only before the first script line
    std::vector<std::string> script, stdin_lines, stdout_lines, stderr_lines, status_lines;
    bool saw_status = false;

    std::vector<std::string>* current() {
        switch (section) {
            case Section::Script:
                return &script;
            case Section::Stdin:
                return &stdin_lines;
            case Section::Stdout:
                return &stdout_lines;
            case Section::StderrMatches:
                return &stderr_lines;
            case Section::Status:
                return &status_lines;
        }
        return &script;
    }
};

void drop_trailing_blank_lines(std::vector<std::string>& lines) {
    while (!lines.empty() && trim(lines.back()).empty()) lines.pop_back();
}

void finish_case(CaseBuilder& builder, ParseResult& result) {
    // Blank lines at the end of the last section separate cases; they are not content.
    drop_trailing_blank_lines(*builder.current());
    SpecCase& spec = builder.spec;
    spec.script = join_lines(builder.script);
    spec.stdin_text = join_lines(builder.stdin_lines);
    spec.expected_stdout = join_lines(builder.stdout_lines);
    for (const auto& line : builder.stderr_lines)
        if (!trim(line).empty()) spec.stderr_must_contain.push_back(line);

    drop_trailing_blank_lines(builder.status_lines);
    if (builder.saw_status) {
        const std::string status =
            builder.status_lines.empty() ? "" : trim(builder.status_lines[0]);
        if (status == "nonzero") {
            spec.expected_status.kind = ExpectedStatus::Kind::Nonzero;
        } else {
            try {
                std::size_t used = 0;
                spec.expected_status.value = std::stoi(status, &used);
                if (used != status.size()) throw std::invalid_argument(status);
            } catch (const std::exception&) {
                result.errors.push_back(spec.location() + ": bad status '" + status + "'");
                return;
            }
        }
        if (builder.status_lines.size() > 1)
            result.errors.push_back(spec.location() + ": status section has extra lines");
    }
    result.cases.push_back(std::move(spec));
}

}  // namespace

ParseResult parse_case_file(const std::string& path) {
    ParseResult result;
    std::ifstream in(path);
    if (!in) {
        result.errors.push_back(path + ": cannot open");
        return result;
    }
    std::optional<CaseBuilder> builder;
    std::string line;
    int line_number = 0;
    while (std::getline(in, line)) {
        ++line_number;
        if (starts_with(line, "#### ")) {
            if (builder) finish_case(*builder, result);
            builder.emplace();
            builder->spec.file = path;
            builder->spec.line = line_number;
            builder->spec.name = trim(line.substr(5));
            continue;
        }
        if (!builder) continue;  // file commentary before the first case
        if (starts_with(line, "---- ")) {
            const std::string name = trim(line.substr(5));
            builder->in_header = false;
            drop_trailing_blank_lines(*builder->current());
            if (name == "stdin")
                builder->section = Section::Stdin;
            else if (name == "stdout")
                builder->section = Section::Stdout;
            else if (name == "stderr-matches") {
                builder->section = Section::StderrMatches;
                builder->spec.stderr_rule = StderrRule::Matches;
            } else if (name == "stderr-any") {
                builder->section = Section::StderrMatches;  // No lines expected in it.
                builder->spec.stderr_rule = StderrRule::Any;
            } else if (name == "status") {
                builder->section = Section::Status;
                builder->saw_status = true;
            } else {
                result.errors.push_back(path + ":" + std::to_string(line_number) +
                                        ": unknown section '" + name + "'");
            }
            continue;
        }
        if (builder->in_header && builder->section == Section::Script) {
            if (starts_with(line, "# reason:")) {
                builder->spec.reasons.push_back(trim(line.substr(9)));
                continue;
            }
            if (starts_with(line, "# dash:")) {
                builder->spec.dash_differs = trim(line.substr(7));
                continue;
            }
            builder->in_header = false;
        }
        builder->current()->push_back(line);
    }
    if (builder) finish_case(*builder, result);
    return result;
}

}  // namespace vsh::spec
