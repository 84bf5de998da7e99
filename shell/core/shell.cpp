#include "shell/core/shell.hpp"

#include "shell/base/privileges.hpp"

#include <unistd.h>

#include <new>

#include "shell/base/locale.hpp"
#include "shell/core/timing_log.hpp"
#include "shell/jobs/jobs.hpp"
#include "shell/traps/traps.hpp"

namespace vsh {

Shell::Shell() : traps(std::make_unique<TrapTable>()), jobs(std::make_unique<JobTable>()) {
    shell_pid = getpid();
    // A background job's record is finished when the job table reaps it.
    jobs->timing_sink = [this](ProcessRecord&& record) { append_to_timing_log(*this, record); };
    vars.on_change = [this](std::string_view name) {
        if (name == "PATH") command_hash.clear();
        if (name == "OPTIND") getopts = GetoptsPosition{};
        if (name == "LC_ALL" || name == "LC_CTYPE" || name == "LC_COLLATE" || name == "LANG")
            locale_variables_changed([this](std::string_view n) { return vars.get(n); });
    };
}

Shell::~Shell() = default;

void Shell::error(std::string_view message) {
    out.flush();
    std::string line = "vsh: ";
    if (!source_name.empty()) {
        line += source_name;
        line += ':';
        if (lineno > 0) {
            line += std::to_string(lineno);
            line += ':';
        }
        line += ' ';
    }
    line += message;
    line += '\n';
    err.write(line);
    err.flush();
}

int Shell::report_out_of_memory() {
    try {
        error("out of memory");
    } catch (const std::bad_alloc&) {
        // Not even the message fits: written as it is.
        static constexpr char kText[] = "vsh: out of memory\n";
        (void)!write(2, kText, sizeof kText - 1);
    }
    return 2;
}

void Shell::out_of_memory() {
    throw FatalError{report_out_of_memory()};
}

void Shell::error(std::string_view who, std::string_view message) {
    std::string text(who);
    text += ": ";
    text += message;
    error(text);
}

namespace {

struct OptionInfo {
    std::string_view name;
    char letter;  // 0: long name only.
    bool Options::*field;
};

// clang-format off: one option a line.
constexpr OptionInfo kOptions[] = {
    {"allexport", 'a', &Options::allexport},
    {"notify", 'b', &Options::notify},
    {"noclobber", 'C', &Options::noclobber},
    {"errexit", 'e', &Options::errexit},
    {"noglob", 'f', &Options::noglob},
    {"hashall", 'h', &Options::hashall},
    {"histexpand", 'H', &Options::histexpand},
    {"monitor", 'm', &Options::monitor},
    {"noexec", 'n', &Options::noexec},
    {"nounset", 'u', &Options::nounset},
    {"privileged", 'p', &Options::privileged},
    {"verbose", 'v', &Options::verbose},
    {"xtrace", 'x', &Options::xtrace},
    {"ignoreeof", 0, &Options::ignoreeof},
    {"nolog", 0, &Options::nolog},
    {"pipefail", 0, &Options::pipefail},
    {"vi", 0, &Options::vi},
    {"emacs", 0, &Options::emacs},
    {"timing", 0, &Options::timing},
};
// clang-format on

}  // namespace

std::string Shell::option_letters() const {
    std::string letters;
    for (const OptionInfo& o : kOptions)
        if (o.letter != 0 && options.*o.field) letters += o.letter;
    if (options.interactive) letters += 'i';
    if (options.stdin_mode) letters += 's';
    return letters;
}

bool Shell::set_option_letter(char letter, bool on) {
    for (const OptionInfo& o : kOptions) {
        if (o.letter == letter) {
            options.*o.field = on;
            if (o.field == &Options::allexport) vars.set_allexport(on);
            // `set +p` gives up the ids the shell kept with -p (as bash).
            if (o.field == &Options::privileged && !on && started_with_other_ids())
                (void)drop_privileges();
            if (o.field == &Options::vi && on) options.emacs = false;
            if (o.field == &Options::emacs && on) options.vi = false;
            return true;
        }
    }
    return false;
}

bool Shell::set_option_name(std::string_view name, bool on) {
    for (const OptionInfo& o : kOptions) {
        if (o.name == name) {
            if (o.letter != 0) return set_option_letter(o.letter, on);
            options.*o.field = on;
            if (o.field == &Options::vi && on) options.emacs = false;
            if (o.field == &Options::emacs && on) options.vi = false;
            return true;
        }
    }
    return false;
}

std::vector<std::pair<std::string_view, bool>> Shell::option_list() const {
    std::vector<std::pair<std::string_view, bool>> list;
    for (const OptionInfo& o : kOptions) list.emplace_back(o.name, options.*o.field);
    return list;
}

bool Shell::assign(std::string_view name, std::string_view value) {
    if (vars.set(name, value)) return true;
    error(std::string(name) + ": is read only");
    return false;
}

int Shell::run_string(std::string_view text, std::string_view name_for_errors) {
    (void)name_for_errors;
    return runner->run_text(text);
}

void Shell::flush_streams() {
    out.flush();
    err.flush();
}

const Builtin* BuiltinTable::find(std::string_view name) const {
    if (name.empty()) return nullptr;
    const auto c = static_cast<unsigned char>(name[0]);
    for (std::size_t i = first_[c]; i < first_[c + 1]; ++i)
        if (table_[i].name == name) return &table_[i];
    return nullptr;
}

}  // namespace vsh
