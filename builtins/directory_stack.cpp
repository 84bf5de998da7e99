// pushd, popd and dirs (bash extensions): a stack of directories whose top is always the
// working directory. Output formats are bash's; DIRSTACK is not kept.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "builtins/declarations.hpp"
#include "builtins/usage.hpp"
#include "builtins/working_directory.hpp"
#include "shell/core/shell.hpp"

namespace vsh {

namespace {

// The entries below the top, nearest first. One shell per process, so one stack per process;
// a subshell gets a copy with its fork, as it does of every other piece of shell state.
std::vector<std::string>& stored_entries() {
    static std::vector<std::string> entries;
    return entries;
}

// The whole stack as `dirs` shows it: the working directory, then the stored entries.
std::vector<std::string> whole_stack(Shell& sh) {
    std::vector<std::string> stack{logical_cwd(sh).value_or(".")};
    const std::vector<std::string>& entries = stored_entries();
    stack.insert(stack.end(), entries.begin(), entries.end());
    return stack;
}

enum class HomeForm : unsigned char { Tilde, Long };

std::string shown(Shell& sh, const std::string& dir, HomeForm form) {
    const std::string* home = sh.vars.get("HOME");
    if (form == HomeForm::Long || home == nullptr || home->empty() || *home == "/") return dir;
    if (dir.compare(0, home->size(), *home) != 0) return dir;
    if (dir.size() != home->size() && dir[home->size()] != '/') return dir;
    return "~" + dir.substr(home->size());
}

// A "+N" or "-N" operand: "+N" counts from the top (0 is the working directory), "-N" from
// the bottom.
struct StackIndex {
    std::optional<std::size_t> position;  // Nullopt when N is beyond the stack.
};

// Nullopt when `arg` is no "+N" or "-N"; `size` is the whole stack's size.
std::optional<StackIndex> parse_index(const std::string& arg, std::size_t size) {
    if (arg.size() < 2 || (arg[0] != '+' && arg[0] != '-')) return std::nullopt;
    std::size_t n = 0;
    auto [end, error] = std::from_chars(arg.data() + 1, arg.data() + arg.size(), n);
    if (error != std::errc() || end != arg.data() + arg.size()) return std::nullopt;
    if (n >= size) return StackIndex{};
    return StackIndex{arg[0] == '+' ? n : size - 1 - n};
}

int index_out_of_range(Shell& sh, const char* who, const std::string& arg) {
    sh.error(who, arg + ": directory stack index out of range");
    return 1;
}

void write_one_line(Shell& sh, HomeForm form) {
    std::string line;
    for (const std::string& dir : whole_stack(sh)) {
        if (!line.empty()) line += ' ';
        line += shown(sh, dir, form);
    }
    sh.out.write(line + "\n");
}

// Changes directory as `cd` would (CDPATH, PWD and OLDPWD), so the stack's top stays $PWD.
int change_directory(Shell& sh, const std::string& dir) {
    std::vector<std::string> cd_argv{"cd", "--", dir};
    return builtin_cd(sh, cd_argv);
}

// Makes the whole stack `stack`: its top becomes the working directory.
int become(Shell& sh, std::vector<std::string> stack) {
    if (int status = change_directory(sh, stack.front()); status != 0) return status;
    stack.erase(stack.begin());
    stored_entries() = std::move(stack);
    write_one_line(sh, HomeForm::Tilde);
    return 0;
}

}  // namespace

int builtin_pushd(Shell& sh, Args argv) {
    std::size_t first = argv.size() > 1 && argv[1] == "--" ? 2 : 1;
    if (argv.size() > first + 1) return usage_error(sh, "pushd");
    std::vector<std::string> stack = whole_stack(sh);
    if (argv.size() == first) {
        // No operand: exchange the top two.
        if (stack.size() < 2) {
            sh.error("pushd", "no other directory");
            return 1;
        }
        std::swap(stack[0], stack[1]);
        return become(sh, std::move(stack));
    }
    const std::string& arg = argv[first];
    if (std::optional<StackIndex> index =
            first == 1 ? parse_index(arg, stack.size()) : std::nullopt) {
        if (!index->position) return index_out_of_range(sh, "pushd", arg);
        // Rotate the stack so that entry N is on top.
        std::rotate(stack.begin(), stack.begin() + static_cast<long>(*index->position),
                    stack.end());
        return become(sh, std::move(stack));
    }
    if (int status = change_directory(sh, arg); status != 0) return status;
    stored_entries().insert(stored_entries().begin(), stack.front());
    write_one_line(sh, HomeForm::Tilde);
    return 0;
}

int builtin_popd(Shell& sh, Args argv) {
    std::size_t first = argv.size() > 1 && argv[1] == "--" ? 2 : 1;
    if (argv.size() > first + 1) return usage_error(sh, "popd");
    std::vector<std::string> stack = whole_stack(sh);
    std::size_t position = 0;
    if (argv.size() > first) {
        std::optional<StackIndex> index = parse_index(argv[first], stack.size());
        if (!index) return usage_error(sh, "popd");
        if (!index->position) return index_out_of_range(sh, "popd", argv[first]);
        position = *index->position;
    }
    if (stack.size() < 2) {
        sh.error("popd", "directory stack empty");
        return 1;
    }
    stack.erase(stack.begin() + static_cast<long>(position));
    if (position == 0) return become(sh, std::move(stack));
    // Removing an entry below the top leaves the working directory alone.
    stack.erase(stack.begin());
    stored_entries() = std::move(stack);
    write_one_line(sh, HomeForm::Tilde);
    return 0;
}

namespace {

enum class Layout : unsigned char { OneLine, PerLine /* -p */, Numbered /* -v */ };

// What `dirs` was asked for.
struct DirsRequest {
    HomeForm form = HomeForm::Tilde;
    Layout layout = Layout::OneLine;
    bool clear = false;                    // -c
    std::optional<std::string> index_arg;  // +N or -N
};

bool looks_like_index(const std::string& arg) {
    return arg.size() >= 2 &&
           (arg[0] == '+' || (arg[0] == '-' && std::isdigit(static_cast<unsigned char>(arg[1]))));
}

// Options may be grouped (-lv) and mixed with one +N or -N, as in bash; nullopt after a usage
// error has been reported.
std::optional<DirsRequest> parse_dirs_arguments(Shell& sh, Args argv) {
    DirsRequest request;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& arg = argv[i];
        if (looks_like_index(arg)) {
            request.index_arg = arg;
            continue;
        }
        if (arg.size() < 2 || arg[0] != '-') return std::nullopt;
        for (char letter : std::string_view(arg).substr(1)) {
            if (letter == 'c') {
                request.clear = true;
            } else if (letter == 'l') {
                request.form = HomeForm::Long;
            } else if (letter == 'p') {
                if (request.layout != Layout::Numbered) request.layout = Layout::PerLine;
            } else if (letter == 'v') {
                request.layout = Layout::Numbered;
            } else {
                sh.error("dirs", std::string("illegal option -") + letter);
                return std::nullopt;
            }
        }
    }
    return request;
}

void write_per_line(Shell& sh, const std::vector<std::string>& stack, const DirsRequest& request) {
    for (std::size_t i = 0; i < stack.size(); ++i) {
        std::string prefix;
        if (request.layout == Layout::Numbered) {
            prefix = std::to_string(i);
            if (prefix.size() < 2) prefix.insert(0, 2 - prefix.size(), ' ');
            prefix += "  ";
        }
        sh.out.write(prefix + shown(sh, stack[i], request.form) + "\n");
    }
}

}  // namespace

int builtin_dirs(Shell& sh, Args argv) {
    std::optional<DirsRequest> request = parse_dirs_arguments(sh, argv);
    if (!request) return usage_error(sh, "dirs");
    if (request->clear) {
        stored_entries().clear();
        return 0;
    }
    std::vector<std::string> stack = whole_stack(sh);
    if (request->index_arg) {
        std::optional<StackIndex> index = parse_index(*request->index_arg, stack.size());
        if (!index) return usage_error(sh, "dirs");
        if (!index->position) return index_out_of_range(sh, "dirs", *request->index_arg);
        sh.out.write(shown(sh, stack[*index->position], request->form) + "\n");
        return 0;
    }
    if (request->layout == Layout::OneLine) {
        write_one_line(sh, request->form);
    } else {
        write_per_line(sh, stack, *request);
    }
    return 0;
}

}  // namespace vsh
