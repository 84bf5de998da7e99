#include "shell/parser/parser.hpp"

#include "shell/lexer/char_set.hpp"
#include "shell/parser/grammar.hpp"

namespace vsh {

struct Parser::Impl {
    Impl(InputSource& source, const AliasTable* aliases, std::uint32_t first_line)
        : grammar(source, aliases, first_line) {}
    Grammar grammar;
};

Parser::Parser(InputSource& source, const AliasTable* aliases, std::uint32_t first_line)
    : impl_(std::make_unique<Impl>(source, aliases, first_line)) {}

Parser::~Parser() = default;

ParseResult Parser::next_command() {
    return impl_->grammar.next_command();
}

std::uint32_t Parser::line() const {
    return impl_->grammar.line();
}

std::variant<std::unique_ptr<ast::Command>, ParseError> parse_program(std::string_view text,
                                                                      const AliasTable* aliases,
                                                                      std::uint32_t first_line) {
    StringSource source{std::string(text)};
    Grammar grammar(source, aliases, first_line);
    return grammar.parse_all();
}

bool is_name(std::string_view name) {
    if (name.empty() || !lex::is_name_start(static_cast<unsigned char>(name[0]))) return false;
    for (char c : name) {
        if (!lex::is_name_char(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

}  // namespace vsh
