// Redirections (XCU 2.7). They are evaluated in the parent, always: files are opened there
// (O_CLOEXEC) so errors come out as clear messages before anything is spawned, and the result
// is a list of fd moves that is either applied in the shell (builtins, functions, compound
// commands: saved and undone afterwards) or handed to a backend as SpawnPlan fd actions.
#pragma once

#include <span>
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
    // Saves `fd` (if not already saved) before it is overwritten.
    void save(int fd);
    // Forgets the saved copies without restoring (exec with only redirections).
    void discard();
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

// Redirections evaluated for one command.
class PreparedRedirections {
  public:
    PreparedRedirections() = default;
    PreparedRedirections(const PreparedRedirections&) = delete;
    PreparedRedirections& operator=(const PreparedRedirections&) = delete;
    ~PreparedRedirections();

    // Expands targets and opens files. On error prints the message and returns false.
    // `pending`: moves the command's process gets before these ones and that this process has
    // not made (a pipeline stage's pipe ends), so that /dev/stdout & co. name what they will.
    [[nodiscard]] bool prepare(Shell& sh, const std::vector<ast::Redirection>& redirections,
                               std::span<const FdMove> pending = {});

    // Applies the moves in this process. With `saved`, every overwritten fd is saved first.
    [[nodiscard]] bool apply(Shell& sh, SavedFds* saved);

    // Appends the moves to a spawn plan's fd actions.
    void add_to_plan(backends::SpawnPlan& plan) const;

    bool empty() const { return moves_.empty(); }

  private:
    std::vector<FdMove> moves_;
    std::vector<int> owned_;  // Descriptors we opened (closed by the destructor).
};

// A here-document's content as a readable fd (pipe or memory file), O_CLOEXEC.
int here_document_fd(const std::string& content);

}  // namespace vsh
