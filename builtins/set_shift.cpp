// set and shift: options and positional parameters.
#include "builtins/declarations.hpp"
#include "builtins/numbers.hpp"
#include "shell/base/quote.hpp"
#include "shell/core/shell.hpp"

namespace vsh {

namespace {

void list_variables(Shell& sh) {
    for (const auto& [name, v] : sh.vars.sorted()) {
        if (!v->set) continue;
        sh.out.write(name + "=" + shell_quote(v->value) + "\n");
    }
}

void list_options(Shell& sh, bool as_commands) {
    for (const auto& [name, on] : sh.option_list()) {
        if (as_commands) {
            sh.out.write(std::string("set ") + (on ? "-o " : "+o ") + std::string(name) + "\n");
        } else {
            std::string line(name);
            line.resize(16, ' ');
            line += on ? "on\n" : "off\n";
            sh.out.write(line);
        }
    }
}

}  // namespace

int builtin_set(Shell& sh, Args argv) {
    if (argv.size() == 1) {
        list_variables(sh);
        return 0;
    }
    std::size_t i = 1;
    bool replace_params = false;
    for (; i < argv.size(); ++i) {
        const std::string& arg = argv[i];
        if (arg == "--") {
            replace_params = true;
            ++i;
            break;
        }
        if (arg == "-") {
            // `set -`: turn off -x and -v, and end the options.
            sh.options.xtrace = sh.options.verbose = false;
            replace_params = i + 1 < argv.size();
            ++i;
            break;
        }
        // A lone "+" names no option and is skipped, as in dash and bash (POSIX leaves it
        // open); it does not start the operands.
        if (arg == "+") continue;
        if (arg.size() < 2 || (arg[0] != '-' && arg[0] != '+')) break;
        bool on = arg[0] == '-';
        for (std::size_t k = 1; k < arg.size(); ++k) {
            char c = arg[k];
            if (c == 'o') {
                if (i + 1 >= argv.size()) {
                    list_options(sh, !on);
                    continue;
                }
                const std::string& name = argv[++i];
                if (!sh.set_option_name(name, on)) {
                    sh.error("set", "illegal option -o " + name);
                    throw FatalError{2};
                }
                continue;
            }
            if (c == 'i' || c == 's' || c == 'c' || !sh.set_option_letter(c, on)) {
                sh.error("set", std::string("illegal option ") + arg[0] + c);
                throw FatalError{2};
            }
        }
    }
    if (i < argv.size() || replace_params) {
        sh.positional.assign(argv.begin() + static_cast<long>(i), argv.end());
    }
    return 0;
}

int builtin_shift(Shell& sh, Args argv) {
    long n = 1;
    if (argv.size() > 1 && (!parse_decimal(argv[1], &n) || n < 0)) {
        sh.error("shift", "bad number: " + argv[1]);
        throw FatalError{2};
    }
    if (static_cast<std::size_t>(n) > sh.positional.size()) {
        sh.error("shift", "can't shift that many");
        throw FatalError{2};
    }
    sh.positional.erase(sh.positional.begin(), sh.positional.begin() + n);
    return 0;
}

}  // namespace vsh
