#include "shell/lexer/tilde.hpp"

#include <string>
#include <utility>

namespace vsh::lex {

namespace {

using Kind = ast::WordPart::Kind;

ast::WordPart make_part(Kind kind, std::string text) {
    ast::WordPart part;
    part.kind = kind;
    part.text = std::move(text);
    return part;
}

// Where the tilde prefix starting at `tilde` ends inside `text`, or npos when the prefix
// would run past this unquoted text (into a quoted or expanded part: then it is no prefix).
std::size_t prefix_end(const std::string& text, std::size_t tilde, TildePlaces places,
                       bool last_part) {
    std::size_t end =
        text.find_first_of(places == TildePlaces::AssignmentValue ? "/:" : "/", tilde + 1);
    if (end != std::string::npos) return end;
    return last_part ? text.size() : std::string::npos;
}

}  // namespace

void mark_tilde_prefixes(ast::Word& word, TildePlaces places) {
    if (word.empty()) return;
    if (places == TildePlaces::WordStart) {
        // Fast path for the common case: nothing to do unless the word starts with '~'.
        if (word[0].kind != Kind::Literal || word[0].text.empty() || word[0].text[0] != '~') {
            return;
        }
    } else {
        bool any = false;
        for (const ast::WordPart& part : word) {
            if (part.kind == Kind::Literal && part.text.find('~') != std::string::npos) any = true;
        }
        if (!any) return;
    }
    ast::Word result;
    result.reserve(word.size() + 2);
    for (std::size_t i = 0; i < word.size(); ++i) {
        ast::WordPart& part = word[i];
        bool first = i == 0;
        if (part.kind != Kind::Literal || (!first && places == TildePlaces::WordStart)) {
            result.push_back(std::move(part));
            continue;
        }
        const std::string& text = part.text;
        bool last_part = i + 1 == word.size();
        std::size_t cursor = 0;
        std::size_t candidate = first ? 0 : text.find(':');
        if (!first && candidate != std::string::npos) ++candidate;
        while (candidate != std::string::npos && candidate < text.size()) {
            std::size_t end = std::string::npos;
            if (text[candidate] == '~') end = prefix_end(text, candidate, places, last_part);
            if (end != std::string::npos) {
                if (candidate > cursor) {
                    result.push_back(
                        make_part(Kind::Literal, text.substr(cursor, candidate - cursor)));
                }
                result.push_back(
                    make_part(Kind::Tilde, text.substr(candidate + 1, end - candidate - 1)));
                cursor = end;
            }
            if (places != TildePlaces::AssignmentValue) break;
            std::size_t colon = text.find(':', end != std::string::npos ? end : candidate);
            candidate = colon == std::string::npos ? colon : colon + 1;
        }
        if (cursor == 0) {
            result.push_back(std::move(part));
        } else if (cursor < text.size()) {
            result.push_back(make_part(Kind::Literal, text.substr(cursor)));
        }
    }
    word = std::move(result);
}

}  // namespace vsh::lex
