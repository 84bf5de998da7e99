// vsh_spec: runs spec case files against a shell, optionally checking each case against dash.
//
//   vsh_spec --shell PATH [--backend NAME] [--compare-dash PATH] [--filter SUBSTR]
//            [--jobs N] [--timeout SECONDS] FILES...
//
// Prints a unified diff for every failure and ends with "N passed, N failed[, N skipped]".
// With --compare-dash every case also runs under dash: a case whose expectation dash does
// not meet must carry a `# dash: differs — reason` line, or it counts as a failure (a wrong
// case, or a difference nobody decided on).  Without --shell only that dash check runs, and
// the recorded differences count as skipped.
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "tests/spec_runner/case_file.hpp"
#include "tests/spec_runner/line_diff.hpp"
#include "tests/spec_runner/run_case.hpp"

namespace vsh::spec {
namespace {

struct Options {
    std::optional<std::string> shell;
    std::optional<std::string> backend;
    std::optional<std::string> dash;
    std::optional<std::string> filter;
    int jobs = 2;
    int timeout_seconds = 10;
    std::vector<std::string> files;
};

[[noreturn]] void usage_error(const std::string& message) {
    std::cerr << "vsh_spec: " << message << "\n"
              << "usage: vsh_spec --shell PATH [--backend NAME] [--compare-dash PATH]\n"
              << "                [--filter SUBSTR] [--jobs N] [--timeout SECONDS] FILES...\n";
    std::exit(2);
}

Options parse_options(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage_error(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--shell")
            options.shell = value();
        else if (arg == "--backend")
            options.backend = value();
        else if (arg == "--compare-dash")
            options.dash = value();
        else if (arg == "--filter")
            options.filter = value();
        else if (arg == "--jobs")
            options.jobs = std::max(1, std::atoi(value().c_str()));
        else if (arg == "--timeout")
            options.timeout_seconds = std::max(1, std::atoi(value().c_str()));
        else if (arg.rfind("--", 0) == 0)
            usage_error("unknown option " + arg);
        else
            options.files.push_back(arg);
    }
    if (!options.shell && !options.dash) usage_error("give --shell, --compare-dash, or both");
    if (options.files.empty()) usage_error("no case files");
    return options;
}

// The case's result rendered in the case file's own notation, so a diff reads like an edit
// to the case.
std::string render(const std::string& stdout_text, const std::string& status) {
    return stdout_text + "---- status\n" + status + "\n";
}

std::string render_actual(const CaseOutcome& outcome) {
    switch (outcome.ending) {
        case CaseOutcome::Ending::TimedOut:
            return render(outcome.stdout_text, "(timed out)");
        case CaseOutcome::Ending::LaunchFailed:
            return render("", "(could not start: " + outcome.launch_error + ")");
        case CaseOutcome::Ending::Exited:
            break;
    }
    return render(outcome.stdout_text, std::to_string(outcome.status));
}

std::string describe_failure(const SpecCase& spec, const CaseOutcome& outcome) {
    std::string text = unified_diff(render(spec.expected_stdout, spec.expected_status.describe()),
                                    render_actual(outcome));
    for (const auto& needle : spec.stderr_must_contain)
        if (!stderr_contains(outcome.stderr_text, needle)) text += "stderr lacks: " + needle + "\n";
    if (!outcome.stderr_text.empty()) {
        std::string shown = outcome.stderr_text.substr(0, 2000);
        if (shown.back() != '\n') shown += '\n';
        text += spec.stderr_rule == StderrRule::Empty ? "unexpected stderr (none expected: give "
                                                        "---- stderr-matches or ---- stderr-any):\n"
                                                      : "stderr was:\n";
        text += shown;
    }
    return text;
}

CaseOutcome run_guarded(const SpecCase& spec, const RunOptions& options) {
    try {
        return run_case(spec, options);
    } catch (const std::exception& error) {
        CaseOutcome outcome;
        outcome.ending = CaseOutcome::Ending::LaunchFailed;
        outcome.launch_error = error.what();
        return outcome;
    }
}

struct CaseResults {
    std::optional<CaseOutcome> under_shell;
    std::optional<CaseOutcome> under_dash;
};

}  // namespace

int run(int argc, char** argv) {
    const Options options = parse_options(argc, argv);

    std::vector<SpecCase> cases;
    bool malformed = false;
    for (const auto& file : options.files) {
        auto parsed = parse_case_file(file);
        for (const auto& error : parsed.errors) std::cerr << error << "\n";
        malformed = malformed || !parsed.errors.empty();
        for (auto& spec : parsed.cases)
            if (!options.filter || spec.name.find(*options.filter) != std::string::npos ||
                spec.file.find(*options.filter) != std::string::npos)
                cases.push_back(std::move(spec));
    }
    if (malformed) return 2;

    RunOptions shell_run;
    if (options.shell) shell_run.shell = *options.shell;
    shell_run.backend = options.backend;
    shell_run.timeout = std::chrono::seconds(options.timeout_seconds);
    RunOptions dash_run;
    if (options.dash) dash_run.shell = *options.dash;
    dash_run.timeout = shell_run.timeout;

    std::vector<CaseResults> results(cases.size());
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < cases.size(); i = next++) {
            if (options.shell) results[i].under_shell = run_guarded(cases[i], shell_run);
            if (options.dash) results[i].under_dash = run_guarded(cases[i], dash_run);
        }
    };
    std::vector<std::thread> workers;
    for (int w = 0; w < options.jobs; ++w) workers.emplace_back(worker);
    for (auto& thread : workers) thread.join();

    int passed = 0, failed = 0, skipped = 0;
    std::vector<std::string> recorded_differences;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const SpecCase& spec = cases[i];
        bool ok = true;
        auto header = [&](const std::string& what) {
            std::cout << what << " " << spec.location() << ": " << spec.name << "\n";
            for (const auto& reason : spec.reasons) std::cout << "  reason: " << reason << "\n";
        };
        if (results[i].under_shell && !outcome_matches(spec, *results[i].under_shell)) {
            ok = false;
            header("FAIL");
            std::cout << describe_failure(spec, *results[i].under_shell) << "\n";
        }
        if (results[i].under_dash) {
            const bool dash_agrees = outcome_matches(spec, *results[i].under_dash);
            if (spec.dash_differs) {
                recorded_differences.push_back(spec.location() + ": " + spec.name + " — " +
                                               *spec.dash_differs +
                                               (dash_agrees ? "  [dash now agrees]" : ""));
                if (!options.shell) {
                    ++skipped;
                    continue;
                }
            } else if (!dash_agrees) {
                ok = false;
                header("DASH DISAGREES (unrecorded)");
                std::cout << describe_failure(spec, *results[i].under_dash) << "\n";
            }
        }
        ok ? ++passed : ++failed;
    }
    if (!recorded_differences.empty()) {
        std::cout << "Recorded differences from dash (" << recorded_differences.size() << "):\n";
        for (const auto& line : recorded_differences) std::cout << "  " << line << "\n";
    }
    std::cout << passed << " passed, " << failed << " failed";
    if (skipped > 0) std::cout << ", " << skipped << " skipped";
    std::cout << std::endl;
    return failed == 0 ? 0 : 1;
}

}  // namespace vsh::spec

int main(int argc, char** argv) {
    return vsh::spec::run(argc, argv);
}
