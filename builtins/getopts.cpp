// getopts (XCU getopts). OPTIND names the next argument to look at; inside a group such as
// "-ab" OPTIND already points past the group (as in dash) and the character position is
// kept here. That position is trusted only while OPTIND still holds the value getopts last
// wrote, so a script that resets OPTIND starts afresh even without the reset in Shell.
#include <string>
#include <vector>

#include "builtins/declarations.hpp"
#include "builtins/number_util.hpp"
#include "builtins/usage.hpp"
#include "shell/core/shell.hpp"

namespace vsh {
namespace {

enum class Found : unsigned char { Option, End };

}  // namespace

int builtin_getopts(Shell& sh, Args argv) {
    // getopts takes no options, but a first "--" is discarded (XCU 1.4, utility defaults).
    if (argv.size() > 1 && argv[1] == "--") argv = argv.subspan(1);
    if (argv.size() < 3) {
        return usage_error(sh, "getopts");
    }
    std::string_view optstring = argv[1];
    const std::string& name = argv[2];
    const bool silent = !optstring.empty() && optstring[0] == ':';
    if (silent) optstring.remove_prefix(1);
    Args args = argv.size() > 3 ? argv.subspan(3) : Args(sh.positional);

    const std::string* optind_text = sh.vars.get("OPTIND");
    std::size_t optind = 1;
    if (optind_text != nullptr) {
        auto parsed = parse_unsigned(*optind_text);
        if (parsed && *parsed >= 1) optind = static_cast<std::size_t>(*parsed);
    }
    std::size_t position = sh.getopts.position;
    if (optind_text == nullptr || *optind_text != sh.getopts.optind_written || optind < 2)
        position = 0;

    // The argument being scanned is args[current]; with a pending position that is the one
    // before OPTIND.
    std::size_t current = position > 0 ? optind - 2 : optind - 1;
    if (position > 0 && (current >= args.size() || position >= args[current].size())) {
        position = 0;
        current = optind - 1;
    }

    std::string option_value;  // What `name` gets.
    std::string optarg;
    bool set_optarg = false;
    Found found = Found::Option;

    if (position == 0) {
        if (current >= args.size()) {
            // XCU getopts: at the end OPTIND is "$# + 1" when no operand is left, also when
            // it pointed further, as it does after `set --` shortened the parameters.
            found = Found::End;
            optind = args.size() + 1;
        } else {
            const std::string& arg = args[current];
            if (arg.size() < 2 || arg[0] != '-') {
                found = Found::End;
            } else if (arg == "--") {
                found = Found::End;
                ++optind;
            } else {
                position = 1;
                optind = current + 2;
            }
        }
    }

    int status = 0;
    if (found == Found::End) {
        option_value = "?";
        position = 0;
        status = 1;
    } else {
        const std::string& arg = args[current];
        char letter = arg[position++];
        std::size_t at = letter == ':' ? std::string_view::npos : optstring.find(letter);
        if (position >= arg.size()) position = 0;
        if (at == std::string_view::npos) {
            option_value = "?";
            if (silent) {
                optarg.assign(1, letter);
                set_optarg = true;
            } else {
                sh.error("getopts", std::string("illegal option -- ") + letter);
            }
        } else if (at + 1 < optstring.size() && optstring[at + 1] == ':') {
            if (position > 0) {
                optarg = arg.substr(position);  // -bvalue
                position = 0;
                set_optarg = true;
                option_value.assign(1, letter);
            } else if (optind - 1 < args.size()) {
                optarg = args[optind - 1];  // -b value
                ++optind;
                set_optarg = true;
                option_value.assign(1, letter);
            } else if (silent) {
                option_value = ":";
                optarg.assign(1, letter);
                set_optarg = true;
            } else {
                sh.error("getopts", std::string("option requires an argument -- ") + letter);
                option_value = "?";
            }
        } else {
            option_value.assign(1, letter);
        }
    }

    // Assigning OPTIND resets sh.getopts (the shell cannot tell getopts from a script),
    // so the new state is stored only afterwards.
    std::string optind_written = std::to_string(optind);
    bool ok = sh.assign("OPTIND", optind_written);
    sh.getopts = GetoptsPosition{optind_written, position};
    // XCU getopts: OPTARG is unset when no option-argument was found.
    if (set_optarg) {
        ok = sh.assign("OPTARG", optarg) && ok;
    } else if (!sh.vars.unset("OPTARG")) {
        sh.error("OPTARG", "is read only");
        ok = false;
    }
    // A bad name is found only now, after OPTIND and OPTARG moved on, as in dash and bash: the
    // option was consumed even though it could not be stored.
    if (!is_name(name)) {
        sh.error("getopts", name + ": bad variable name");
        return 2;
    }
    ok = sh.assign(name, option_value) && ok;
    if (!ok) return 2;
    return status;
}

}  // namespace vsh
