// Word expansion (XCU 2.6) in POSIX order: tilde, parameter, command substitution and
// arithmetic expansion, then field splitting, pathname expansion and quote removal.
#pragma once

#include <string>
#include <vector>

#include "shell/ast/ast.hpp"

namespace vsh {

class Shell;

class Expander {
  public:
    explicit Expander(Shell& sh) : sh_(sh) {}

    // Expands command words into fields (split, globbed, quotes removed), appending to `out`.
    void expand_words(const std::vector<ast::Word>& words, std::vector<std::string>& out);
    void expand_word_fields(const ast::Word& word, std::vector<std::string>& out);

    // Expands a word to one string without field splitting or pathname expansion: assignment
    // values, redirection targets, the case subject, here-document bodies.
    std::string expand_string(const ast::Word& word);
    // Assignment values: also tilde after ':' (the parser marks those as Tilde parts).
    std::string expand_assignment(const ast::Word& word) { return expand_string(word); }

    // Expands a word as a pattern (case items, ${x#pattern}): quoted characters come out
    // backslash-escaped, so pattern_match() treats them literally.
    std::string expand_pattern(const ast::Word& word);

    // True if expanding `word` can change shell state or fail (${x=...}, ${x?...},
    // arithmetic with assignments, nounset): such a word must be expanded in the process
    // that runs the command, never in the parent on a child's behalf.
    static bool has_side_effects(const ast::Word& word);

  private:
    Shell& sh_;
};

}  // namespace vsh
