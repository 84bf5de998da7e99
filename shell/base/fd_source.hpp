// Reading commands from a file descriptor (vsh -s, sh < script, a pipe) without reading past
// the current command, so a command that reads the same input (read, cat) gets what follows
// (POSIX XCU 2.1 / sh: "the shell shall read its input in such a way that ...").
#pragma once

#include <string>

#include "shell/base/source.hpp"

namespace vsh {

// While the parser reads the lines of one command, no command runs, so nobody else can take
// from the input: a block read from a file (or copied from a pipe with tee(2)) serves all the
// lines of the command, and only when the command is complete does the source give back what
// it looked at beyond them (a seek back, or a read(2) of exactly what the parser took from the
// pipe). A 5,000-line compound command read from a pipe costs a few system calls, not three
// a line.
class FdSource final : public InputSource {
  public:
    explicit FdSource(int fd);
    bool read_line(std::string& buffer, Prompt prompt) override;
    void release_lookahead() override;

  private:
    // How the input is read without taking more than the line: a block, then a seek back
    // over the rest; a copy of what the pipe holds, then a read of what was used; or one
    // byte at a time.
    enum class Kind : unsigned char { Seekable, Pipe, Bytes };

    bool read_seekable(std::string& buffer);
    bool read_pipe(std::string& buffer);
    bool read_bytes(std::string& buffer);
    // Hands the next line of ahead_ (or all that is left of it, without a newline) to
    // `buffer`; false when nothing of ahead_ is left.
    bool hand_out(std::string& buffer, bool& complete);
    // Pipe: reads from the pipe the bytes of ahead_ already handed out.
    bool take_handed_out();

    int fd_;
    Kind kind_;
    bool eof_ = false;
    // Seekable: bytes read from the file past what was handed out (the file offset is at
    // ahead_'s end). Pipe: a copy of the start of the pipe (still in the pipe).
    std::string ahead_;
    std::size_t handed_ = 0;  // How much of ahead_ the parser has been given.
};

// Reads a whole script file, without its NUL bytes (FdSource drops them too). Returns false
// with *error set when it cannot be read.
bool read_script_file(const std::string& path, std::string& text, int* error);

}  // namespace vsh
