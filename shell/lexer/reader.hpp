// The lexer's view of its input: one growing buffer of source text, filled a line at a time
// from an InputSource only when the lexer asks for a character it does not have yet. Reading
// no further than that is what lets `sh < script` hand the rest of the script to a command
// that reads the same input (XCU 2.1).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "shell/ast/ast.hpp"
#include "shell/base/source.hpp"

namespace vsh::lex {

// What at() returns past the end of the input (or past the current limit).
inline constexpr int kEndOfInput = -1;

class Reader {
  public:
    Reader(InputSource& source, std::uint32_t first_line);

    // The character at buffer offset `offset`, reading lines on demand; kEndOfInput past
    // the end of input or at/after limit().
    int at(std::size_t offset) {
        if (offset < buffer_.size() && offset < limit_) {
            return static_cast<unsigned char>(buffer_[offset]);
        }
        return at_slow(offset);
    }

    // The first offset at or after `offset` that does not start a backslash-newline pair
    // (line continuation, XCU 2.2.1, removed everywhere outside single quotes).
    std::size_t skip_continuations(std::size_t offset) {
        while (at(offset) == '\\' && at(offset + 1) == '\n') offset += 2;
        return offset;
    }

    // The next character of cooked input (continuations skipped); moves pos past any.
    int peek() {
        pos = skip_continuations(pos);
        return at(pos);
    }
    // The cooked character after the one peek() returns.
    int peek_second() {
        pos = skip_continuations(pos);
        return at(skip_continuations(pos + 1));
    }

    // Line and column of a buffer offset.
    [[nodiscard]] ast::SourcePos where(std::size_t offset) const;

    // Replaces buffer_[begin, end) with `text` (alias substitution); shifts line bookkeeping.
    void splice(std::size_t begin, std::size_t end, std::string_view text);
    // Erases `count` characters at `offset`, which lies on the last line read (here-document
    // tab stripping).
    void erase_on_last_line(std::size_t offset, std::size_t count);

    // Forgets everything before pos (called between complete commands so memory stays
    // bounded); the next line read asks for the primary prompt.
    void discard_consumed();

    // Offset of the '\n' ending the line that holds `offset`, or of the end of input.
    std::size_t line_end(std::size_t offset);

    // The first offset at or after `offset` whose character is in `stops`, looking only at
    // what is already buffered (and below the limit).
    template <typename CharSet>
    [[nodiscard]] std::size_t scan(std::size_t offset, const CharSet& stops) const {
        std::size_t end = buffer_.size() < limit_ ? buffer_.size() : limit_;
        while (offset < end && !stops[static_cast<unsigned char>(buffer_[offset])]) ++offset;
        return offset;
    }

    [[nodiscard]] std::string_view text(std::size_t begin, std::size_t end) const {
        return std::string_view(buffer_).substr(begin, end - begin);
    }
    [[nodiscard]] std::size_t limit() const { return limit_; }
    void set_limit(std::size_t limit) { limit_ = limit; }
    [[nodiscard]] std::size_t buffered() const { return buffer_.size(); }
    [[nodiscard]] bool exhausted() const { return end_of_input_; }

    // Current cooked-input offset; the lexer moves it directly.
    std::size_t pos = 0;

  private:
    int at_slow(std::size_t offset);
    bool read_more();

    InputSource& source_;
    std::string buffer_;
    // Offsets in buffer_ where source lines start; line_starts_[0] == 0 is first_line_.
    std::vector<std::size_t> line_starts_;
    std::uint32_t first_line_;
    std::size_t limit_ = static_cast<std::size_t>(-1);
    bool end_of_input_ = false;
    Prompt prompt_ = Prompt::Primary;
};

}  // namespace vsh::lex
