// Where the parser's text comes from: a whole string (-c, eval, a script file read at once)
// or a line-at-a-time reader (stdin, the interactive line editor).
#pragma once

#include <string>

namespace vsh {

enum class Prompt : unsigned char { Primary /* PS1 */, Continuation /* PS2 */ };

class InputSource {
  public:
    virtual ~InputSource() = default;
    // Appends the next line of input, with its '\n' if it has one, to `buffer`.
    // Returns false at end of input (nothing appended). `prompt` says which prompt an
    // interactive source shows; other sources ignore it.
    virtual bool read_line(std::string& buffer, Prompt prompt) = 0;
    // True when nothing but blanks, newlines and comments is left to read (so the command
    // just parsed is the last one). A source that cannot tell says false.
    virtual bool at_end() const { return false; }
    // Called once a complete command has been parsed, before it runs: a source that read
    // ahead of the lines it handed out, in input a command may read too (the shell's standard
    // input), gives that back now, so the command finds its input just after the last line.
    virtual void release_lookahead() {}
};

// All of a string, handed out one line at a time.
class StringSource final : public InputSource {
  public:
    explicit StringSource(std::string text) : text_(std::move(text)) {}
    bool read_line(std::string& buffer, Prompt) override {
        if (pos_ >= text_.size()) return false;
        std::size_t nl = text_.find('\n', pos_);
        std::size_t end = nl == std::string::npos ? text_.size() : nl + 1;
        buffer.append(text_, pos_, end - pos_);
        pos_ = end;
        return true;
    }

    bool at_end() const override {
        std::size_t i = pos_;
        while (i < text_.size()) {
            char c = text_[i];
            if (c == ' ' || c == '\t' || c == '\n') {
                ++i;
            } else if (c == '#') {
                std::size_t nl = text_.find('\n', i);
                if (nl == std::string::npos) return true;
                i = nl + 1;
            } else {
                return false;
            }
        }
        return true;
    }

  private:
    std::string text_;
    std::size_t pos_ = 0;
};

}  // namespace vsh
