// Redirections (XCU 2.7). They are evaluated in the parent: files are opened there
// (O_CLOEXEC) so errors come out as clear messages before anything is spawned, and the result
// is a list of fd moves that is either applied in the shell (builtins, functions, compound
// commands: saved and undone afterwards) or handed to a backend as SpawnPlan fd actions.
// The exception is a FIFO, whose open blocks until the other end is opened too: for a
// command the shell does not run in itself, that open is left to the command's own process
// (`cat <fifo &` must not stop the shell, which opens the writing end next).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "backends/spawn_plan.hpp"
#include "shell/ast/ast.hpp"

namespace vsh {

class Shell;

// One fd move: make `fd` a copy of `source`, or close `fd` when `source` is -1.
struct FdMove {
    int fd = -1;
    int source = -1;
};

// Descriptors the shell overwrote in itself, restored by restore().
class SavedFds {
  public:
    SavedFds() = default;
    SavedFds(const SavedFds&) = delete;
    SavedFds& operator=(const SavedFds&) = delete;
    SavedFds(SavedFds&& other) noexcept : saved_(std::move(other.saved_)) { other.saved_.clear(); }
    ~SavedFds() { restore(); }
    void restore();
    // Saves `fd` (if not already saved) before it is overwritten. False, with errno, when
    // `fd` is open but no copy of it can be made (out of descriptors): then it must not be
    // overwritten, or restore() could not bring it back.
    [[nodiscard]] bool save(int fd);
    // What `fd` was before the redirections: the saved copy, `fd` itself when it was not
    // overwritten, or -1 when it was closed.
    int original(int fd) const;

  private:
    struct Saved {
        int fd;
        int copy;  // -1: fd was closed before.
    };
    std::vector<Saved> saved_;
};

// Whether prepare() may leave the open of a FIFO to the process that runs the command.
enum class FifoOpen : unsigned char {
    InShell,  // Open every file now, in this process.
    Defer,    // Expand a FIFO's name now, open it later with open_deferred().
};

// Redirections evaluated for one command.
class PreparedRedirections {
  public:
    PreparedRedirections() = default;
    PreparedRedirections(const PreparedRedirections&) = delete;
    PreparedRedirections& operator=(const PreparedRedirections&) = delete;
    ~PreparedRedirections();

    // Expands targets and opens files. On error prints the message and returns false.
    // `fifo_open`: whether a FIFO is opened here or left to open_deferred. `pending`: moves the
    // command's process gets before these ones and that this process has not made (a pipeline
    // stage's pipe ends), so that /dev/stdout & co. name what they will.
    [[nodiscard]] bool prepare(Shell& sh, const std::vector<ast::Redirection>& redirections,
                               FifoOpen fifo_open = FifoOpen::InShell,
                               std::span<const FdMove> pending = {});

    // Whether prepare() left opens for open_deferred(); apply() and add_to_plan() need them
    // done first.
    bool has_deferred_opens() const { return !deferred_.empty(); }
    // Opens what prepare() deferred (in the process that runs the command; it may block). On
    // error prints the message and returns false.
    [[nodiscard]] bool open_deferred(Shell& sh);

    // Applies the moves in this process. With `saved`, every overwritten fd is saved first.
    [[nodiscard]] bool apply(Shell& sh, SavedFds* saved);

    // Appends the moves to a spawn plan's fd actions.
    void add_to_plan(backends::SpawnPlan& plan) const;

    bool empty() const { return moves_.empty(); }

  private:
    // A FIFO prepare() did not open: moves_[move].source is set by open_deferred().
    struct DeferredOpen {
        std::size_t move;
        std::string path;
        ast::RedirOp op;
    };
    std::vector<FdMove> moves_;
    std::vector<int> owned_;  // Descriptors we opened (closed by the destructor).
    std::vector<DeferredOpen> deferred_;
};

// The status of a command whose redirections failed: 1, or, when a trap action that ran while
// an open waited ended the shell or a function (`exit 3`, `return`), the status it left.
int redirection_failure_status(const Shell& sh);

// A here-document's content as a readable fd (pipe or memory file), O_CLOEXEC.
int here_document_fd(const std::string& content);

}  // namespace vsh
