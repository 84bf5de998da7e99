// export and readonly: set attributes, optionally assigning; -p prints them for re-input.
#include "builtins/declarations.hpp"
#include "shell/base/quote.hpp"
#include "shell/core/shell.hpp"

namespace vsh {

namespace {

enum class Attribute : unsigned char { Export, Readonly };

int declare(Shell& sh, Args argv, Attribute attribute) {
    const char* who = attribute == Attribute::Export ? "export" : "readonly";
    std::size_t i = 1;
    bool print = false;
    for (; i < argv.size(); ++i) {
        if (argv[i] == "--") {
            ++i;
            break;
        }
        if (argv[i] == "-p") {
            print = true;
            continue;
        }
        if (argv[i].size() > 1 && argv[i][0] == '-') {
            sh.error(who, "illegal option " + argv[i]);
            throw FatalError{2};
        }
        break;
    }
    if (i >= argv.size()) {
        (void)print;
        for (const auto& [name, v] : sh.vars.sorted()) {
            bool has = attribute == Attribute::Export ? v->exported : v->readonly;
            if (!has) continue;
            std::string line = who;
            line += ' ';
            line += name;
            if (v->set) {
                line += '=';
                line += shell_quote(v->value);
            }
            line += '\n';
            sh.out.write(line);
        }
        return 0;
    }
    int status = 0;
    for (; i < argv.size(); ++i) {
        const std::string& arg = argv[i];
        std::size_t eq = arg.find('=');
        std::string name = arg.substr(0, eq);
        if (!is_name(name)) {
            sh.error(who, name + ": bad variable name");
            throw FatalError{2};
        }
        if (eq != std::string::npos) {
            if (!sh.assign(name, std::string_view(arg).substr(eq + 1))) throw FatalError{2};
        }
        if (attribute == Attribute::Export) {
            sh.vars.set_exported(name, true);
        } else {
            sh.vars.set_readonly(name);
        }
    }
    return status;
}

}  // namespace

int builtin_export(Shell& sh, Args argv) {
    return declare(sh, argv, Attribute::Export);
}
int builtin_readonly(Shell& sh, Args argv) {
    return declare(sh, argv, Attribute::Readonly);
}

int builtin_local(Shell& sh, Args argv) {
    if (!sh.vars.in_function_scope()) {
        sh.error("local", "not in a function");
        return 2;
    }
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& arg = argv[i];
        std::size_t eq = arg.find('=');
        std::string name = arg.substr(0, eq);
        if (name == "-") continue;  // `local -` (dash: save options) is accepted and ignored.
        if (!is_name(name)) {
            sh.error("local", name + ": bad variable name");
            return 2;
        }
        sh.vars.make_local(name);
        if (eq != std::string::npos && !sh.assign(name, std::string_view(arg).substr(eq + 1)))
            return 1;
    }
    return 0;
}

}  // namespace vsh
