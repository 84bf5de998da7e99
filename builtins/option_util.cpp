#include "builtins/option_util.hpp"

#include <string>

#include "shell/core/shell.hpp"

namespace vsh {

char OptionScanner::next() {
    argument_ = {};
    if (position_ == 0) {
        if (index_ >= argv_.size()) return 0;
        const std::string& arg = argv_[index_];
        if (arg.size() < 2 || arg[0] != '-') return 0;
        if (arg == "--") {
            ++index_;
            return 0;
        }
        position_ = 1;
    }
    const std::string& arg = argv_[index_];
    char letter = arg[position_++];
    std::size_t at = spec_.find(letter);
    bool takes_argument =
        at != std::string_view::npos && at + 1 < spec_.size() && spec_[at + 1] == ':';
    if (at == std::string_view::npos || letter == ':') {
        sh_.error(argv_[0], std::string("illegal option -") + letter);
        return '?';
    }
    if (takes_argument) {
        if (position_ < arg.size()) {
            argument_ = std::string_view(arg).substr(position_);
        } else if (index_ + 1 < argv_.size()) {
            argument_ = argv_[++index_];
        } else {
            sh_.error(argv_[0], std::string("option requires an argument -- ") + letter);
            return '?';
        }
        position_ = arg.size();
    }
    if (position_ >= arg.size()) {
        position_ = 0;
        ++index_;
    }
    return letter;
}

}  // namespace vsh
