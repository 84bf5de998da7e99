// fc: list, or edit and re-execute, commands from the history list (XCU fc).
//
//   fc [-r] [-e editor] [first [last]]
//   fc -l [-nr] [first [last]]
//   fc -s [old=new] [first]
//
// The command that runs fc is not in the list yet (it is entered when the next prompt comes),
// so -1 is the command before it, as in bash and mksh.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

#include "builtins/declarations.hpp"
#include "builtins/usage.hpp"
#include "shell/base/fd_source.hpp"
#include "shell/base/quote.hpp"
#include "shell/core/shell.hpp"
#include "shell/exec/executor.hpp"

namespace vsh {
namespace {

struct FcOptions {
    bool list = false;
    bool no_numbers = false;
    bool reverse = false;
    bool reexecute = false;
    std::optional<std::string> editor;
    std::vector<std::string> operands;
};

bool is_number(std::string_view text) {
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
    if (text.empty()) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

// Options end at "--", at the first operand, and at a negative number ("-1" is an operand).
bool parse(Shell& sh, Args argv, FcOptions& opts) {
    std::size_t i = 1;
    for (; i < argv.size(); ++i) {
        const std::string& arg = argv[i];
        if (arg == "--") {
            ++i;
            break;
        }
        if (arg.size() < 2 || arg[0] != '-' || is_number(arg)) break;
        for (std::size_t j = 1; j < arg.size(); ++j) {
            switch (arg[j]) {
                case 'l':
                    opts.list = true;
                    break;
                case 'n':
                    opts.no_numbers = true;
                    break;
                case 'r':
                    opts.reverse = true;
                    break;
                case 's':
                    opts.reexecute = true;
                    break;
                case 'e':
                    if (j + 1 < arg.size()) {
                        opts.editor = arg.substr(j + 1);
                    } else if (i + 1 < argv.size()) {
                        opts.editor = argv[++i];
                    } else {
                        sh.error("fc", "-e: option requires an editor");
                        (void)usage_error(sh, "fc");
                        return false;
                    }
                    j = arg.size();
                    break;
                default:
                    sh.error("fc", std::string("-") + arg[j] + ": unknown option");
                    (void)usage_error(sh, "fc");
                    return false;
            }
        }
    }
    opts.operands.assign(argv.begin() + static_cast<long>(i), argv.end());
    // `fc -e - [old=new] [first]` is ksh's and bash's spelling of -s.
    if (opts.editor && *opts.editor == "-") {
        opts.reexecute = true;
        opts.editor.reset();
    }
    return true;
}

// Where `operand` is in the list: a number (clamped to the oldest or newest command, as
// POSIX asks of ranges), -N for N commands back, or the newest command starting with a
// string. nullopt (reported) when no command starts with the string.
std::optional<std::size_t> find(Shell& sh, const std::string& operand) {
    const std::deque<HistoryEntry>& list = sh.history.entries();
    long size = static_cast<long>(list.size());
    if (is_number(operand)) {
        errno = 0;
        long n = std::strtol(operand.c_str(), nullptr, 10);
        if (errno == ERANGE) n = operand[0] == '-' ? LONG_MIN : LONG_MAX;
        long index = operand[0] == '-' ? size + n : n - list.front().number;
        if (index < 0) index = 0;
        if (index >= size) index = size - 1;
        return static_cast<std::size_t>(index);
    }
    for (std::size_t i = list.size(); i-- > 0;) {
        if (list[i].text.compare(0, operand.size(), operand) == 0) return i;
    }
    sh.error("fc", operand + ": not in the history");
    return std::nullopt;
}

// The commands `first`..`last` (either order) in the order fc uses them.
std::optional<std::vector<const HistoryEntry*>> select(Shell& sh, const std::string& first,
                                                       const std::string& last, bool reverse) {
    std::optional<std::size_t> from = find(sh, first);
    if (!from) return std::nullopt;
    std::optional<std::size_t> to = find(sh, last);
    if (!to) return std::nullopt;
    if (*from > *to) {
        std::swap(*from, *to);
        reverse = !reverse;
    }
    std::vector<const HistoryEntry*> chosen;
    for (std::size_t i = *from; i <= *to; ++i) chosen.push_back(&sh.history.entries()[i]);
    if (reverse) std::reverse(chosen.begin(), chosen.end());
    return chosen;
}

// FCEDIT, then EDITOR (as bash, so a user's EDITOR=vim is honoured), then ed (POSIX's default
// when FCEDIT is unset or empty).
std::string default_editor(const Shell& sh) {
    for (const char* name : {"FCEDIT", "EDITOR"}) {
        const std::string* value = sh.vars.get(name);
        if (value != nullptr && !value->empty()) return *value;
    }
    return "ed";
}

int list(Shell& sh, const FcOptions& opts) {
    if (opts.operands.size() > 2) {
        (void)usage_error(sh, "fc");
        return 2;
    }
    if (sh.history.empty()) return 0;
    std::string first = opts.operands.empty() ? "-16" : opts.operands[0];
    std::string last = opts.operands.size() < 2 ? "-1" : opts.operands[1];
    auto chosen = select(sh, first, last, opts.reverse);
    if (!chosen) return 1;
    for (const HistoryEntry* entry : *chosen) {
        // "%d\t%s\n", then "\t%s\n" for each further line of a multi-line command.
        if (!opts.no_numbers) sh.out.write(std::to_string(entry->number));
        std::size_t start = 0;
        for (;;) {
            std::size_t end = entry->text.find('\n', start);
            sh.out.put('\t');
            sh.out.write(std::string_view(entry->text).substr(start, end - start));
            sh.out.put('\n');
            if (end == std::string::npos) break;
            start = end + 1;
        }
    }
    return 0;
}

// Shows the commands about to run (on stderr, as bash and ksh do), enters them in the history
// in place of the fc command, and runs them in the current shell.
int reexecute(Shell& sh, std::string text) {
    while (!text.empty() && text.back() == '\n') text.pop_back();
    sh.err.write(text + "\n");
    sh.err.flush();
    if (!sh.history.replacement) sh.history.replacement.emplace();
    sh.history.replacement->push_back(text);
    sh.last_status = 0;
    StringSource source(std::move(text));
    return sh.executor->run_source(source, CommandLoop::Script, sh.lineno);
}

int substitute_and_run(Shell& sh, const FcOptions& opts) {
    std::string old_text, new_text;
    bool substitute = false;
    std::size_t next = 0;
    if (next < opts.operands.size() && opts.operands[next].find('=') != std::string::npos) {
        const std::string& pair = opts.operands[next++];
        std::size_t eq = pair.find('=');
        old_text = pair.substr(0, eq);
        new_text = pair.substr(eq + 1);
        substitute = !old_text.empty();
    }
    if (opts.operands.size() > next + 1) {
        (void)usage_error(sh, "fc");
        return 2;
    }
    if (sh.history.empty()) {
        sh.error("fc", "the history list is empty");
        return 1;
    }
    std::optional<std::size_t> index =
        find(sh, next < opts.operands.size() ? opts.operands[next] : "-1");
    if (!index) return 1;
    std::string text = sh.history.entries()[*index].text;
    if (substitute) {
        if (std::size_t at = text.find(old_text); at != std::string::npos)
            text.replace(at, old_text.size(), new_text);
    }
    return reexecute(sh, std::move(text));
}

// Writes `text` to a new temporary file; returns its path, or empty (reported) on failure.
std::string write_temporary(Shell& sh, const std::string& text) {
    const std::string* tmpdir = sh.vars.get("TMPDIR");
    std::string path = (tmpdir != nullptr && !tmpdir->empty() ? *tmpdir : "/tmp");
    path += "/vsh-fc.XXXXXX";
    int fd = mkostemp(path.data(), O_CLOEXEC);
    if (fd < 0) {
        sh.error("fc", "cannot create a temporary file: " + std::string(std::strerror(errno)));
        return {};
    }
    if (!write_all(fd, text)) {
        sh.error("fc", path + ": " + std::strerror(errno));
        close(fd);
        unlink(path.c_str());
        return {};
    }
    close(fd);
    return path;
}

int edit_and_run(Shell& sh, const FcOptions& opts) {
    if (opts.operands.size() > 2) {
        (void)usage_error(sh, "fc");
        return 2;
    }
    if (sh.history.empty()) {
        sh.error("fc", "the history list is empty");
        return 1;
    }
    std::string first = opts.operands.empty() ? "-1" : opts.operands[0];
    std::string last = opts.operands.size() < 2 ? first : opts.operands[1];
    auto chosen = select(sh, first, last, opts.reverse);
    if (!chosen) return 1;
    std::string text;
    for (const HistoryEntry* entry : *chosen) text += entry->text + "\n";

    std::string editor = opts.editor ? *opts.editor : default_editor(sh);
    std::string path = write_temporary(sh, text);
    if (path.empty()) return 1;
    // The editor's words are split as an unquoted expansion would be, so FCEDIT="vi -n"
    // works as it does in bash and ksh.
    // The file goes whatever happens; an error in the editor's command unwinds past here.
    struct RemoveFile {
        const std::string& path;
        ~RemoveFile() { unlink(path.c_str()); }
    } remove{path};
    const int status = sh.run_string(editor + " " + shell_quote(path));
    if (status != 0) {
        // POSIX: nothing is entered in the history or run, the fc line included.
        if (!sh.history.replacement) sh.history.replacement.emplace();
        return status;
    }
    int error = 0;
    text.clear();
    bool read = read_script_file(path, text, &error);
    if (!read) {
        sh.error("fc", path + ": " + std::strerror(error));
        return 1;
    }
    return reexecute(sh, std::move(text));
}

}  // namespace

int builtin_fc(Shell& sh, Args argv) {
    FcOptions opts;
    if (!parse(sh, argv, opts)) return 2;
    if (opts.list) return list(sh, opts);
    if (opts.reexecute) return substitute_and_run(sh, opts);
    return edit_and_run(sh, opts);
}

}  // namespace vsh
