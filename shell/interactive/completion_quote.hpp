// How a completed name is written back into the line, and how the partly typed word before the
// cursor is read: the two halves of making completion safe for names holding blanks, quotes,
// `$`, `*` or newlines. Pure functions of text, so the unit tests reach every character.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vsh::interactive {

// The quoting in force where the inserted text goes.
enum class QuoteContext : unsigned char {
    None,    // Unquoted: special characters get a backslash.
    Double,  // Inside "...": only $ ` " \ need a backslash.
    Single,  // Inside '...': nothing is special but ' itself.
};

// Whether the inserted text begins the word (a leading `~` would start tilde expansion there,
// and only there).
enum class WordStart : unsigned char { Yes, No };

// `name` written so that the shell reads it back unchanged in `context`: unquoted with a
// backslash before each of space, tab, quotes, $ ` \ & | ; < > ( ) * ? [ # = % ! { } (and ~
// at the start of the word), a newline as '<newline>' since backslash-newline would vanish as
// a line continuation; in double quotes a backslash before $ ` " \; in single quotes each '
// as '\''. The open quote, if any, is left open.
[[nodiscard]] std::string quote_for_completion(std::string_view name, QuoteContext context,
                                               WordStart start);

// The quote character that closes `context` ("" for None).
[[nodiscard]] std::string_view closing_quote(QuoteContext context);

// The word that ends at the end of `text` (the line up to the cursor), read as the shell would:
// blanks and operators outside quotes end words, quotes and backslashes are removed from the
// value. Parameter expansions are not expanded (`$HOME` stays as typed).
struct PartialWord {
    std::size_t start = 0;                         // Offset of the word's first byte in text.
    std::string value;                             // The word with its quoting removed.
    QuoteContext open_quote = QuoteContext::None;  // The quote still open at the end of text.
};
[[nodiscard]] PartialWord read_partial_word(std::string_view text);

// Whether the byte at `index` in `line` is quoted: inside quotes (not the quote characters
// themselves) or after a backslash. Readline asks this to skip quoted word breaks.
[[nodiscard]] bool is_quoted_at(std::string_view line, std::size_t index);

}  // namespace vsh::interactive
