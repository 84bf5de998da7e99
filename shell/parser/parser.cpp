#include "shell/parser/parser.hpp"

#include "shell/lexer/char_set.hpp"
#include "shell/lexer/tilde.hpp"
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

std::size_t assignment_name_length(const ast::Word& word) {
    if (word.empty() || word[0].kind != ast::WordPart::Kind::Literal) return 0;
    const std::string& text = word[0].text;
    std::size_t eq = text.find('=');
    if (eq == std::string::npos || !is_name(std::string_view(text).substr(0, eq))) return 0;
    return eq;
}

void mark_declaration_tildes(ast::Word& word) {
    std::size_t name_length = assignment_name_length(word);
    if (name_length == 0) return;
    bool any = false;
    for (const ast::WordPart& part : word)
        if (part.kind == ast::WordPart::Kind::Literal && part.text.find('~') != std::string::npos)
            any = true;
    if (!any) return;
    ast::WordPart name;
    name.kind = ast::WordPart::Kind::Literal;
    name.text = word[0].text.substr(0, name_length + 1);
    word[0].text.erase(0, name_length + 1);
    if (word[0].text.empty()) word.erase(word.begin());
    lex::mark_tilde_prefixes(word, lex::TildePlaces::AssignmentValue);
    word.insert(word.begin(), std::move(name));
}

namespace {

bool is_plain_word(const ast::Word& word, std::string_view text) {
    return word.size() == 1 && word[0].kind == ast::WordPart::Kind::Literal && word[0].text == text;
}

bool names_declaration_utility(const ast::Word& word) {
    return is_plain_word(word, "export") || is_plain_word(word, "readonly") ||
           is_plain_word(word, "local");
}

}  // namespace

std::size_t declaration_arguments_start(const std::vector<ast::Word>& words) {
    if (words.empty()) return 0;
    if (names_declaration_utility(words[0])) return 1;
    if (words.size() > 1 && is_plain_word(words[0], "command") &&
        names_declaration_utility(words[1])) {
        return 2;
    }
    return 0;
}

}  // namespace vsh
