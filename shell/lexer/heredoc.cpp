// Here-document bodies (XCU 2.7.4): read line by line after the newline token that ends the
// line holding their operators, in the order the operators appeared.
#include "shell/lexer/lexer.hpp"

namespace vsh::lex {

void Lexer::read_here_docs() {
    std::vector<PendingHereDoc> pending = std::move(pending_);
    pending_.clear();
    for (const PendingHereDoc& here_doc : pending) read_here_doc(here_doc);
}

void Lexer::read_here_doc(const PendingHereDoc& here_doc) {
    std::size_t body_begin = reader_.pos;
    std::size_t body_end;
    std::size_t after;
    std::size_t line = body_begin;
    // In an unquoted body a backslash-newline joins lines, so the line after one cannot be
    // the delimiter (as in dash), and its tabs are not leading ones that <<- strips.
    bool joined = false;
    for (;;) {
        if (reader_.at(line) == kEndOfInput) {
            // End of input before the delimiter: the body is what was read.
            body_end = after = line;
            break;
        }
        if (here_doc.strip_tabs && !joined) {
            std::size_t tabs = 0;
            while (reader_.at(line + tabs) == '\t') ++tabs;
            if (tabs > 0) reader_.erase_on_last_line(line, tabs);
        }
        std::size_t end = reader_.line_end(line);
        if (!joined && reader_.text(line, end) == here_doc.delimiter) {
            body_end = line;
            after = reader_.at(end) == '\n' ? end + 1 : end;
            break;
        }
        if (!here_doc.quoted) {
            std::size_t backslashes = 0;
            while (end - backslashes > line && reader_.at(end - backslashes - 1) == '\\') {
                ++backslashes;
            }
            joined = backslashes % 2 == 1;
        }
        if (reader_.at(end) == kEndOfInput) {
            body_end = after = end;
            break;
        }
        line = end + 1;
    }

    ast::Word body;
    if (here_doc.quoted) {
        ast::WordPart part;
        part.kind = ast::WordPart::Kind::Quoted;
        part.text = reader_.text(body_begin, body_end);
        body.push_back(std::move(part));
    } else {
        std::size_t saved_limit = reader_.limit();
        reader_.set_limit(body_end < saved_limit ? body_end : saved_limit);
        reader_.pos = body_begin;
        // An alias used in a $(...) of the body is spliced into the text: what lies after the
        // body moves by as much (or the delimiter line would be read as a command).
        const std::size_t size_before = reader_.buffered();
        {
            // An error inside the body leaves the reader's limit as it was.
            struct RestoreLimit {
                Reader& reader;
                std::size_t limit;
                bool done = false;
                ~RestoreLimit() {
                    if (!done) reader.set_limit(limit);
                }
            } restore{reader_, saved_limit};
            lex_here_doc_body(body);
            restore.done = true;
        }
        const std::ptrdiff_t moved = static_cast<std::ptrdiff_t>(reader_.buffered()) -
                                     static_cast<std::ptrdiff_t>(size_before);
        after = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(after) + moved);
        if (saved_limit != static_cast<std::size_t>(-1) && saved_limit >= body_end)
            saved_limit =
                static_cast<std::size_t>(static_cast<std::ptrdiff_t>(saved_limit) + moved);
        reader_.set_limit(saved_limit);
    }
    reader_.pos = after;
    if (here_doc.command != nullptr && here_doc.index < here_doc.command->redirections.size()) {
        here_doc.command->redirections[here_doc.index].target = std::move(body);
    }
}

}  // namespace vsh::lex
