#include "shell/interactive/completion.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>

#include "builtins/builtin.hpp"
#include "shell/core/shell.hpp"
#include "shell/core/user_db.hpp"

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

    void end_token() {
        if (token.empty()) return;
        if (redirection_target) {
            redirection_target = false;
        } else if (command_position && (keeps_command_position(token) || is_assignment(token))) {
            // Still before the command name.
        } else {
            command_position = false;
        }
        token.clear();
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
                token.clear();
                command_position = true;
                redirection_target = false;
                ++i;
            } else if (is_separator(c)) {
                token.clear();
                command_position = true;
                redirection_target = false;
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
    for (const Builtin& b : all_builtins())
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
        case CompletionKind::FileName:
            break;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace vsh::interactive
