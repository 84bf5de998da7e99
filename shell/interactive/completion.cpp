#include "shell/interactive/completion.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <optional>

#include "backends/backend.hpp"
#include "builtins/builtin_table.hpp"
#include "shell/base/user_db.hpp"
#include "shell/core/shell.hpp"
#include "shell/interactive/completion_quote.hpp"
#include "shell/jobs/jobs.hpp"

namespace vsh::interactive {
namespace {

// Reserved words after which the next word is again a command (XCU 2.4).
bool keeps_command_position(std::string_view word) {
    static constexpr std::array<std::string_view, 11> kWords = {
        "!", "{", "do", "elif", "else", "if", "then", "time", "until", "while", "}"};
    return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

bool is_assignment(std::string_view word) {
    std::size_t eq = word.find('=');
    return eq != std::string_view::npos && eq > 0 && is_name(word.substr(0, eq));
}

bool is_separator(char c) {
    return c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '\n' || c == '`';
}

// Walks the text before the word being completed, tracking whether the next word starts a
// command. Quotes are honoured only enough not to mistake a quoted `;` for a separator.
struct PositionScanner {
    bool command_position = true;
    bool redirection_target = false;  // The previous token was `>`, `<`, `>>`...
    std::string token;
    std::string command_name;   // The current simple command's name, once past it.
    std::string previous_word;  // The last whole word of the current simple command.

    void end_token() {
        if (token.empty()) return;
        if (redirection_target) {
            redirection_target = false;
        } else if (command_position && (keeps_command_position(token) || is_assignment(token))) {
            // Still before the command name.
        } else {
            if (command_position) command_name = token;
            command_position = false;
            previous_word = token;
        }
        token.clear();
    }

    void start_command() {
        token.clear();
        command_position = true;
        redirection_target = false;
        command_name.clear();
        previous_word.clear();
    }

    void scan(std::string_view text) {
        char quote = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            char c = text[i];
            if (quote != 0) {
                token += c;
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.size()) {
                    token += text[++i];
                }
                continue;
            }
            if (c == '\\' && i + 1 < text.size()) {
                token += c;
                token += text[++i];
            } else if (c == '\'' || c == '"') {
                quote = c;
                token += c;
            } else if (c == '$' && i + 1 < text.size() && text[i + 1] == '(') {
                // $( starts a nested command.
                start_command();
                ++i;
            } else if (is_separator(c)) {
                start_command();
            } else if (c == '<' || c == '>') {
                // An io-number (2>) belongs to the operator, not to the words.
                bool io_number =
                    !token.empty() && std::all_of(token.begin(), token.end(),
                                                  [](char d) { return d >= '0' && d <= '9'; });
                if (io_number) token.clear();
                end_token();
                redirection_target = true;
            } else if (c == ' ' || c == '\t') {
                end_token();
            } else {
                token += c;
            }
        }
    }
};

void add_path_commands(const std::string& path_value, std::string_view prefix,
                       std::vector<std::string>& out) {
    std::size_t start = 0;
    for (;;) {
        std::size_t colon = path_value.find(':', start);
        std::string dir = path_value.substr(
            start, colon == std::string::npos ? std::string::npos : colon - start);
        if (dir.empty()) dir = ".";
        if (DIR* d = opendir(dir.c_str()); d != nullptr) {
            int dir_fd = dirfd(d);
            while (const dirent* entry = readdir(d)) {
                std::string_view name = entry->d_name;
                if (!name.starts_with(prefix) || name == "." || name == "..") continue;
                struct stat st;
                if (fstatat(dir_fd, entry->d_name, &st, 0) != 0 || !S_ISREG(st.st_mode)) continue;
                if (faccessat(dir_fd, entry->d_name, X_OK, AT_EACCESS) != 0) continue;
                out.emplace_back(name);
            }
            closedir(d);
        }
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
}

std::vector<std::string> command_candidates(const Shell& sh, std::string_view prefix) {
    std::vector<std::string> out;
    for (const Builtin& b : builtin_table())
        if (b.name.starts_with(prefix)) out.emplace_back(b.name);
    for (const auto& [name, body] : sh.functions)
        if (std::string_view(name).starts_with(prefix)) out.push_back(name);
    for (const auto& [name, value] : sh.aliases)
        if (std::string_view(name).starts_with(prefix)) out.push_back(name);
    if (const std::string* path = sh.vars.get("PATH"); path != nullptr)
        add_path_commands(*path, prefix, out);
    return out;
}

std::vector<std::string> variable_candidates(const Shell& sh, std::string_view word) {
    bool braced = word.starts_with("${");
    std::string_view prefix = word.substr(braced ? 2 : 1);
    std::vector<std::string> out;
    for (const auto& [name, variable] : sh.vars.sorted()) {
        if (!variable->set || !std::string_view(name).starts_with(prefix)) continue;
        out.push_back(braced ? "${" + name + "}" : "$" + name);
    }
    return out;
}

std::vector<std::string> user_candidates(std::string_view word) {
    std::string_view prefix = word.substr(1);
    std::vector<std::string> out;
    prepare_user_database();
    setpwent();
    while (const struct passwd* pw = getpwent()) {
        std::string_view name = pw->pw_name;
        if (name.starts_with(prefix)) out.push_back("~" + std::string(name));
    }
    endpwent();
    return out;
}

bool takes_job_specs(std::string_view command) {
    static constexpr std::array<std::string_view, 6> kCommands = {"bg",   "disown", "fg",
                                                                  "jobs", "kill",   "wait"};
    return std::find(kCommands.begin(), kCommands.end(), command) != kCommands.end();
}

// The argument context the text before the word gives: which builtin takes the word, and as
// what. Nothing here runs anything; the words are compared as typed.
std::optional<CompletionKind> argument_kind(const PositionScanner& scanner, std::string_view word) {
    if (word.starts_with("--backend=")) return CompletionKind::BackendName;
    const std::string& command = scanner.command_name;
    const std::string& previous = scanner.previous_word;
    if (command == "cd" || command == "pushd") return CompletionKind::DirectoryName;
    if (command == "backend" && !word.starts_with('-')) return CompletionKind::BackendName;
    const bool is_vsh = command == "vsh" || std::string_view(command).ends_with("/vsh");
    if (is_vsh && previous == "--backend") return CompletionKind::BackendName;
    if (command == "set" && (previous == "-o" || previous == "+o"))
        return CompletionKind::OptionName;
    if (word.starts_with('%') && takes_job_specs(command)) return CompletionKind::JobSpec;
    return std::nullopt;
}

// The directory a typed directory part names: `~` and `~login` expanded, "" meaning ".".
std::string directory_to_list(const Shell& sh, std::string_view typed_directory) {
    if (typed_directory.empty()) return ".";
    if (!typed_directory.starts_with('~')) return std::string(typed_directory);
    std::size_t slash = typed_directory.find('/');
    std::string_view login = typed_directory.substr(1, slash - 1);
    std::string_view rest = typed_directory.substr(slash);
    if (login.empty()) {
        const std::string* home = sh.vars.get("HOME");
        return home != nullptr ? *home + std::string(rest) : std::string(typed_directory);
    }
    prepare_user_database();
    const struct passwd* pw = getpwnam(std::string(login).c_str());
    return pw != nullptr ? pw->pw_dir + std::string(rest) : std::string(typed_directory);
}

enum class DirectoriesOnly : unsigned char { Yes, No };

std::vector<std::string> file_candidates(const Shell& sh, std::string_view word,
                                         DirectoriesOnly only) {
    std::size_t slash = word.rfind('/');
    std::string_view typed_directory =
        slash == std::string_view::npos ? std::string_view() : word.substr(0, slash + 1);
    std::string_view base = word.substr(typed_directory.size());
    std::string directory = directory_to_list(sh, typed_directory);
    std::vector<std::string> out;
    DIR* d = opendir(directory.c_str());
    if (d == nullptr) return out;
    const int dir_fd = dirfd(d);
    while (const dirent* entry = readdir(d)) {
        std::string_view name = entry->d_name;
        if (!name.starts_with(base)) continue;
        // Hidden names (and . and ..) only when asked for by a leading dot, as readline does.
        if (name.starts_with('.') && !base.starts_with('.')) continue;
        struct stat st;
        const bool is_directory =
            fstatat(dir_fd, entry->d_name, &st, 0) == 0 && S_ISDIR(st.st_mode);
        if (only == DirectoriesOnly::Yes && !is_directory) continue;
        out.push_back(std::string(typed_directory) + std::string(name) + (is_directory ? "/" : ""));
    }
    closedir(d);
    return out;
}

std::vector<std::string> backend_candidates(std::string_view word) {
    // Whatever precedes the name (`--backend=`) is kept, so every candidate extends `word`.
    std::size_t eq = word.starts_with("--backend=") ? word.find('=') + 1 : 0;
    std::string_view lead = word.substr(0, eq);
    std::string_view prefix = word.substr(eq);
    std::vector<std::string> out;
    for (const backends::Backend* backend : backends::all_backends())
        if (backend->name().starts_with(prefix))
            out.push_back(std::string(lead) + std::string(backend->name()));
    if (std::string_view("auto").starts_with(prefix)) out.push_back(std::string(lead) + "auto");
    return out;
}

std::vector<std::string> option_candidates(const Shell& sh, std::string_view prefix) {
    std::vector<std::string> out;
    for (const auto& [name, on] : sh.option_list())
        if (name.starts_with(prefix)) out.emplace_back(name);
    return out;
}

std::vector<std::string> job_candidates(const Shell& sh, std::string_view word) {
    std::vector<std::string> out;
    if (!sh.jobs) return out;
    for (const Job& job : sh.jobs->all()) {
        std::string number = "%" + std::to_string(job.id);
        if (std::string_view(number).starts_with(word)) out.push_back(number);
        // `%name` picks the job whose command starts with name; offered only when the name
        // needs no quoting, since a job spec is matched as typed.
        std::string name = job.command.substr(0, job.command.find_first_of(" \t"));
        if (name.empty() || quote_for_completion(name, QuoteContext::None, WordStart::No) != name)
            continue;
        if (std::string_view("%" + name).starts_with(word)) out.push_back("%" + name);
    }
    return out;
}

}  // namespace

CompletionKind completion_kind(std::string_view line_before_word, std::string_view word) {
    if (word.starts_with('$') && word.find('/') == std::string_view::npos) {
        std::string_view name = word.substr(word.starts_with("${") ? 2 : 1);
        if (name.empty() || is_name(name)) return CompletionKind::VariableName;
    }
    if (word.starts_with('~') && word.find('/') == std::string_view::npos)
        return CompletionKind::UserName;
    PositionScanner scanner;
    scanner.scan(line_before_word);
    // Text glued to the word without a blank (readline splits `a=b` at `=`) means the word
    // continues a token: an assignment's value or an argument, never a command name.
    if (scanner.token.empty() && scanner.command_position && !scanner.redirection_target &&
        word.find('/') == std::string_view::npos) {
        return CompletionKind::CommandName;
    }
    if (scanner.token.empty() && !scanner.command_position && !scanner.redirection_target) {
        if (std::optional<CompletionKind> kind = argument_kind(scanner, word)) return *kind;
    }
    return CompletionKind::FileName;
}

std::vector<std::string> completion_candidates(const Shell& sh, CompletionKind kind,
                                               std::string_view word) {
    std::vector<std::string> out;
    switch (kind) {
        case CompletionKind::CommandName:
            out = command_candidates(sh, word);
            break;
        case CompletionKind::VariableName:
            out = variable_candidates(sh, word);
            break;
        case CompletionKind::UserName:
            out = user_candidates(word);
            break;
        case CompletionKind::DirectoryName:
            out = file_candidates(sh, word, DirectoriesOnly::Yes);
            break;
        case CompletionKind::BackendName:
            out = backend_candidates(word);
            break;
        case CompletionKind::OptionName:
            out = option_candidates(sh, word);
            break;
        case CompletionKind::JobSpec:
            out = job_candidates(sh, word);
            break;
        case CompletionKind::FileName:
            out = file_candidates(sh, word, DirectoriesOnly::No);
            break;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace vsh::interactive
