// Reading commands from a file descriptor (vsh -s, sh < script, a pipe) without reading past
// the current line, so a command that reads the same input (read, cat) gets what follows
// (POSIX XCU 2.1 / sh: "the shell shall read its input in such a way that ...").
#pragma once

#include <string>

#include "shell/base/source.hpp"

namespace vsh {

class FdSource final : public InputSource {
  public:
    explicit FdSource(int fd);
    bool read_line(std::string& buffer, Prompt prompt) override;

  private:
    // How the input is read without taking more than the line: a block, then a seek back
    // over the rest; up to the newline (read_pipe_through); or one byte at a time.
    enum class Kind : unsigned char { Seekable, Pipe, Bytes };

    bool read_seekable(std::string& buffer);
    bool read_pipe(std::string& buffer);
    bool read_bytes(std::string& buffer);

    int fd_;
    Kind kind_;
    bool eof_ = false;
};

// Reads a whole script file, without its NUL bytes (FdSource drops them too). Returns false
// with *error set when it cannot be read.
bool read_script_file(const std::string& path, std::string& text, int* error);

}  // namespace vsh
