#include "shell/lexer/reader.hpp"

#include <algorithm>
#include <cstring>

namespace vsh::lex {

Reader::Reader(InputSource& source, std::uint32_t first_line)
    : source_(source), first_line_(first_line) {
    line_starts_.push_back(0);
}

int Reader::at_slow(std::size_t offset) {
    if (offset >= limit_) return kEndOfInput;
    while (offset >= buffer_.size()) {
        if (!read_more()) return kEndOfInput;
    }
    return static_cast<unsigned char>(buffer_[offset]);
}

bool Reader::read_more() {
    if (end_of_input_) return false;
    std::size_t old_size = buffer_.size();
    if (!source_.read_line(buffer_, prompt_) || buffer_.size() == old_size) {
        end_of_input_ = true;
        return false;
    }
    prompt_ = Prompt::Continuation;
    // A source may hand over several lines at once; record every line start.
    const char* data = buffer_.data();
    std::size_t from = old_size;
    while (from < buffer_.size()) {
        const void* nl = std::memchr(data + from, '\n', buffer_.size() - from);
        if (nl == nullptr) break;
        std::size_t next = static_cast<std::size_t>(static_cast<const char*>(nl) - data) + 1;
        line_starts_.push_back(next);
        from = next;
    }
    return true;
}

ast::SourcePos Reader::where(std::size_t offset) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    std::size_t index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
    ast::SourcePos pos;
    pos.line = first_line_ + static_cast<std::uint32_t>(index);
    pos.column = static_cast<std::uint32_t>(offset - line_starts_[index] + 1);
    return pos;
}

void Reader::splice(std::size_t begin, std::size_t end, std::string_view text) {
    buffer_.replace(begin, end - begin, text);
    std::ptrdiff_t delta =
        static_cast<std::ptrdiff_t>(text.size()) - static_cast<std::ptrdiff_t>(end - begin);
    for (std::size_t& start : line_starts_) {
        if (start >= end) {
            start = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(start) + delta);
        } else if (start > begin) {
            start = begin;
        }
    }
    if (limit_ != static_cast<std::size_t>(-1) && limit_ >= end) {
        limit_ = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(limit_) + delta);
    }
}

void Reader::erase_on_last_line(std::size_t offset, std::size_t count) {
    buffer_.erase(offset, count);
    for (std::size_t& start : line_starts_) {
        if (start > offset) start -= std::min(count, start - offset);
    }
}

void Reader::discard_consumed() {
    prompt_ = Prompt::Primary;
    if (pos == 0) return;
    ast::SourcePos here = where(pos);
    std::size_t index = here.line - first_line_;
    // Keep the bookkeeping of lines at and after pos, rebased to the new buffer start.
    std::vector<std::size_t> kept;
    kept.push_back(0);
    for (std::size_t i = index + 1; i < line_starts_.size(); ++i) {
        kept.push_back(line_starts_[i] - pos);
    }
    buffer_.erase(0, pos);
    line_starts_ = std::move(kept);
    first_line_ = here.line;
    // When pos was mid-line (after a parse error) the rest of that line now counts columns
    // from 1; only its line number matters for diagnostics.
    pos = 0;
}

std::size_t Reader::line_end(std::size_t offset) {
    for (;;) {
        if (at(offset) == kEndOfInput) return offset;
        std::size_t limit = std::min(buffer_.size(), limit_);
        const void* nl = std::memchr(buffer_.data() + offset, '\n', limit - offset);
        if (nl != nullptr) {
            return static_cast<std::size_t>(static_cast<const char*>(nl) - buffer_.data());
        }
        offset = limit;
    }
}

}  // namespace vsh::lex
