#include "shell/expand/prompt_escapes.hpp"

#include <pwd.h>
#include <unistd.h>

#include <climits>
#include <ctime>
#include <optional>

#include "shell/base/user_db.hpp"
#include "shell/core/shell.hpp"
#include "shell/jobs/jobs.hpp"

namespace vsh {
namespace {

// The escape's text, made safe for the double-quoted expansion that follows.
void append_literal(std::string& out, std::string_view text) {
    for (char c : text) {
        if (c == '$' || c == '`' || c == '\\') out += '\\';
        out += c;
    }
}

std::string formatted_time(const std::tm& when, const char* format) {
    char buffer[256];
    std::size_t n = std::strftime(buffer, sizeof buffer, format, &when);
    return std::string(buffer, n);
}

// $HOME at the start of the directory (as a whole component) becomes ~.
std::string tilde_directory(const std::string& directory, const std::string& home) {
    if (home.empty() || home == "/") return directory;
    if (directory.compare(0, home.size(), home) != 0) return directory;
    if (directory.size() == home.size()) return "~";
    if (directory[home.size()] != '/') return directory;
    return "~" + directory.substr(home.size());
}

std::string last_component(const std::string& directory, const std::string& home) {
    if (!home.empty() && directory == home) return "~";
    if (directory == "/") return directory;
    std::string trimmed = directory;
    while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
    std::size_t slash = trimmed.rfind('/');
    return slash == std::string::npos ? trimmed : trimmed.substr(slash + 1);
}

bool is_octal(char c) {
    return c >= '0' && c <= '7';
}

// The text of the escape at text[i] (just after the backslash), with `i` moved to its last
// character; nothing for a backslash that starts no escape.
std::optional<std::string> escape_text(std::string_view text, std::size_t& i,
                                       const PromptFacts& facts) {
    const char c = text[i];
    switch (c) {
        case 'a':
            return "\a";
        case 'e':
            return "\033";
        case 'n':
            return "\n";
        case 'r':
            return "\r";
        case 'u':
            return facts.user();
        case 'H':
            return facts.host();
        case 'h': {
            std::string host = facts.host();
            return host.substr(0, host.find('.'));
        }
        case 'w':
            return tilde_directory(facts.working_directory(), facts.home());
        case 'W':
            return last_component(facts.working_directory(), facts.home());
        case 's':
            return facts.shell_name();
        case 'v': {
            std::string version = VSH_VERSION;
            std::size_t second_dot = version.find('.', version.find('.') + 1);
            return version.substr(0, second_dot);
        }
        case 'V':
            return VSH_VERSION;
        case 'j':
            return std::to_string(facts.job_count());
        case '!':
            return std::to_string(facts.history_number());
        case '#':
            return std::to_string(facts.command_number());
        case '$':
            return facts.is_root() ? "#" : "$";
        case 't':
            return formatted_time(facts.now(), "%H:%M:%S");
        case 'T':
            return formatted_time(facts.now(), "%I:%M:%S");
        case '@':
            return formatted_time(facts.now(), "%I:%M %p");
        case 'A':
            return formatted_time(facts.now(), "%H:%M");
        case 'd':
            return formatted_time(facts.now(), "%a %b %d");
        case 'D': {
            std::size_t close = text.find('}', i);
            if (i + 1 >= text.size() || text[i + 1] != '{' || close == std::string_view::npos)
                break;
            std::string format(text.substr(i + 2, close - i - 2));
            i = close;
            // bash: an empty format is the locale's time.
            return formatted_time(facts.now(), format.empty() ? "%X" : format.c_str());
        }
        default:
            if (is_octal(c)) {
                int value = 0;
                std::size_t end = i;
                while (end < text.size() && end < i + 3 && is_octal(text[end]))
                    value = value * 8 + (text[end++] - '0');
                i = end - 1;
                return std::string(1, static_cast<char>(value));
            }
            break;
    }
    return std::nullopt;
}

}  // namespace

std::string decode_prompt_escapes(std::string_view text, const PromptFacts& facts) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) {
            out += text[i];
            continue;
        }
        const char c = text[++i];
        if (c == '[') {
            out += '\001';
        } else if (c == ']') {
            out += '\002';
        } else if (c == '\\') {
            out += "\\\\";
        } else {
            if (std::optional<std::string> replacement = escape_text(text, i, facts)) {
                append_literal(out, *replacement);
            } else {
                // Left for the expansion that follows: `\$` there is still a quoted dollar.
                out += '\\';
                out += c;
            }
        }
    }
    return out;
}

std::string ShellPromptFacts::user() const {
    prepare_user_database();
    if (const passwd* entry = getpwuid(geteuid()); entry != nullptr) return entry->pw_name;
    return std::to_string(geteuid());
}

std::string ShellPromptFacts::host() const {
    char name[HOST_NAME_MAX + 1] = {};
    if (gethostname(name, sizeof name - 1) != 0) return {};
    return name;
}

std::string ShellPromptFacts::working_directory() const {
    if (const std::string* pwd = sh_.vars.get("PWD"); pwd != nullptr && !pwd->empty()) return *pwd;
    char buffer[PATH_MAX];
    return getcwd(buffer, sizeof buffer) != nullptr ? buffer : ".";
}

std::string ShellPromptFacts::home() const {
    const std::string* home = sh_.vars.get("HOME");
    return home != nullptr ? *home : std::string();
}

std::string ShellPromptFacts::shell_name() const {
    const std::string& name = sh_.arg0;
    std::size_t slash = name.rfind('/');
    std::string base = slash == std::string::npos ? name : name.substr(slash + 1);
    // A login shell's $0 starts with '-'.
    if (!base.empty() && base[0] == '-') base.erase(0, 1);
    return base;
}

int ShellPromptFacts::job_count() const {
    return static_cast<int>(sh_.jobs->all().size());
}

int ShellPromptFacts::history_number() const {
    return history_number_;
}

int ShellPromptFacts::command_number() const {
    return command_number_;
}

bool ShellPromptFacts::is_root() const {
    return geteuid() == 0;
}

std::tm ShellPromptFacts::now() const {
    std::time_t seconds = std::time(nullptr);
    std::tm local{};
    localtime_r(&seconds, &local);
    return local;
}

}  // namespace vsh
