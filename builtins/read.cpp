// read (XCU read): read [-r] [-d delim] [-p prompt] name... reads one logical line from standard
// input and splits it into the names by IFS (XCU 2.6.5), the last name taking the rest.
//
// It must not consume input meant for the commands after it: from a seekable file it reads a
// block and seeks back over the excess; from a pipe it reads up to the delimiter and no further
// (read_pipe_through); from a terminal, one byte at a time.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "builtins/declarations.hpp"
#include "builtins/option_util.hpp"
#include "builtins/usage.hpp"
#include "shell/base/pipe_peek.hpp"
#include "shell/core/shell.hpp"
#include "shell/traps/traps.hpp"

namespace vsh {
namespace {

// Byte source over fd 0 that never reads past what it hands out (see the file comment).
class InputBytes {
  public:
    static constexpr int kEnd = -1;          // End of file.
    static constexpr int kInterrupted = -2;  // A trapped signal arrived; see signal().
    static constexpr int kError = -3;        // errno holds the reason.

    explicit InputBytes(char delimiter)
        : kind_(lseek(0, 0, SEEK_CUR) != -1 ? Kind::Seekable : Kind::Pipe), delimiter_(delimiter) {}
    InputBytes(const InputBytes&) = delete;
    InputBytes& operator=(const InputBytes&) = delete;
    ~InputBytes() { give_back(); }

    int next() {
        if (used_ < buffer_.size()) return static_cast<unsigned char>(buffer_[used_++]);
        buffer_.resize(kBlock);
        used_ = 0;
        for (;;) {
            ssize_t n = read_some();
            if (n > 0) {
                buffer_.resize(static_cast<std::size_t>(n));
                return static_cast<unsigned char>(buffer_[used_++]);
            }
            buffer_.clear();
            if (n == 0) return kEnd;
            if (errno != EINTR) return kError;
            // Only a signal with a trap (or the interactive shell's SIGINT) ends the read;
            // other interruptions are retried.
            signal_ = TrapTable::first_pending_signal();
            if (signal_ > 0) return kInterrupted;
        }
    }

    int signal() const { return signal_; }

  private:
    static constexpr std::size_t kBlock = 4096;
    // How fd 0 is read without taking more than the line: a block, then a seek back over the
    // rest; up to the delimiter (read_pipe_through); or one byte at a time (a terminal).
    enum class Kind : unsigned char { Seekable, Pipe, Bytes };

    ssize_t read_some() {
        if (kind_ == Kind::Seekable) return ::read(0, buffer_.data(), buffer_.size());
        if (kind_ == Kind::Pipe) {
            ssize_t n = read_pipe_through(0, buffer_.data(), buffer_.size(), delimiter_);
            if (n >= 0 || errno != EINVAL) return n;
            kind_ = Kind::Bytes;
        }
        return ::read(0, buffer_.data(), 1);
    }

    // Seeks back over bytes read but not used, so the next command starts right after the
    // delimiter.
    void give_back() {
        if (kind_ == Kind::Seekable && used_ < buffer_.size())
            lseek(0, -static_cast<off_t>(buffer_.size() - used_), SEEK_CUR);
        buffer_.clear();
        used_ = 0;
    }

    Kind kind_;
    char delimiter_;  // A pipe is read up to it and no further.
    std::string buffer_;
    std::size_t used_ = 0;
    int signal_ = 0;
};

// The line as read, with a mark on each character that a backslash protected from splitting.
struct MarkedLine {
    std::string text;
    std::vector<bool> escaped;
    void push(char c, bool is_escaped) {
        text.push_back(c);
        escaped.push_back(is_escaped);
    }
};

enum class Backslashes : unsigned char { Interpret, Raw };
enum class LineEnd : unsigned char { Delimiter, EndOfFile, Interrupted, Error };

LineEnd read_line(InputBytes& input, char delimiter, Backslashes backslashes, MarkedLine& line) {
    for (;;) {
        int c = input.next();
        if (c == InputBytes::kEnd) return LineEnd::EndOfFile;
        if (c == InputBytes::kInterrupted) return LineEnd::Interrupted;
        if (c == InputBytes::kError) return LineEnd::Error;
        if (c == '\0' && delimiter != '\0') continue;  // A variable cannot hold NUL (as bash).
        if (c == static_cast<unsigned char>(delimiter)) return LineEnd::Delimiter;
        if (c == '\\' && backslashes == Backslashes::Interpret) {
            int next = input.next();
            if (next == InputBytes::kEnd) return LineEnd::EndOfFile;
            if (next == InputBytes::kInterrupted) return LineEnd::Interrupted;
            if (next == InputBytes::kError) return LineEnd::Error;
            if (next == '\n') continue;  // Line continuation.
            line.push(static_cast<char>(next), true);
            continue;
        }
        line.push(static_cast<char>(c), false);
    }
}

// Splits `line` by IFS into `count` fields, the last one taking the rest of the line.
class FieldSplitter {
  public:
    FieldSplitter(const MarkedLine& line, std::string_view ifs) : line_(line), ifs_(ifs) {}

    std::vector<std::string> split(std::size_t count) {
        std::vector<std::string> fields;
        std::size_t pos = 0;
        std::size_t end = line_.text.size();
        while (pos < end && is_ifs_white(pos)) ++pos;
        // Trailing IFS white space never belongs to the last field.
        while (end > pos && is_ifs_white(end - 1)) --end;
        for (std::size_t i = 0; i + 1 < count; ++i) {
            std::size_t stop = field_end(pos, end);
            fields.push_back(line_.text.substr(pos, stop - pos));
            pos = after_delimiter(stop, end);
        }
        // The last field is the rest, unless the rest is a single field and its terminating
        // delimiter: `IFS=: read a b <<< x:y:` gives b=y, but `x:y::` gives b=y:: (dash, bash).
        std::size_t stop = field_end(pos, end);
        if (stop < end && after_delimiter(stop, end) == end) end = stop;
        fields.push_back(line_.text.substr(pos, end - pos));
        return fields;
    }

  private:
    const MarkedLine& line_;
    std::string_view ifs_;

    bool is_ifs(std::size_t i) const {
        return !line_.escaped[i] && ifs_.find(line_.text[i]) != std::string_view::npos;
    }
    bool is_ifs_white(std::size_t i) const {
        char c = line_.text[i];
        return is_ifs(i) && (c == ' ' || c == '\t' || c == '\n');
    }
    std::size_t field_end(std::size_t pos, std::size_t end) const {
        while (pos < end && !is_ifs(pos)) ++pos;
        return pos;
    }
    // Skips one field delimiter at `pos`: IFS white space around at most one other IFS
    // character (XCU 2.6.5).
    std::size_t after_delimiter(std::size_t pos, std::size_t end) const {
        while (pos < end && is_ifs_white(pos)) ++pos;
        if (pos < end && is_ifs(pos) && !is_ifs_white(pos)) {
            ++pos;
            while (pos < end && is_ifs_white(pos)) ++pos;
        }
        return pos;
    }
};

}  // namespace

int builtin_read(Shell& sh, Args argv) {
    Backslashes backslashes = Backslashes::Interpret;
    char delimiter = '\n';
    std::string_view prompt;
    OptionScanner options(sh, argv, "rd:p:");
    while (char letter = options.next()) {
        if (letter == '?') return usage_error(sh, "read");
        if (letter == 'r')
            backslashes = Backslashes::Raw;
        else if (letter == 'p')
            prompt = options.argument();
        else
            delimiter = options.argument().empty() ? '\0' : options.argument()[0];
    }
    std::vector<std::string> names(
        argv.begin() + static_cast<std::ptrdiff_t>(options.operand_index()), argv.end());
    // Without names the line goes to REPLY unsplit (bash, ksh, mksh).
    const bool reply = names.empty();
    if (reply) names.emplace_back("REPLY");
    for (const std::string& name : names) {
        if (!is_name(name)) {
            sh.error("read", name + ": bad variable name");
            return 2;
        }
    }

    // Output written so far (a prompt, a previous echo -n) must appear before we block.
    sh.out.flush();
    // -p (a bash extension): the prompt goes to standard error, and only when someone is
    // there to see it; read from a file or a pipe it would be noise (bash does the same).
    if (!prompt.empty() && isatty(0) == 1) {
        sh.err.write(prompt);
        sh.err.flush();
    }

    MarkedLine line;
    LineEnd line_end;
    {
        InputBytes input(delimiter);
        line_end = read_line(input, delimiter, backslashes, line);
        if (line_end == LineEnd::Interrupted) return 128 + input.signal();
    }
    if (line_end == LineEnd::Error) {
        sh.error("read", std::string("read error: ") + std::strerror(errno));
        return 2;
    }

    std::vector<std::string> values;
    if (reply) {
        values.push_back(line.text);
    } else {
        const std::string* ifs = sh.vars.get("IFS");
        values = FieldSplitter(line, ifs != nullptr ? std::string_view(*ifs) : " \t\n")
                     .split(names.size());
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (!sh.assign(names[i], values[i])) return 2;
    }
    return line_end == LineEnd::EndOfFile ? 1 : 0;
}

}  // namespace vsh
