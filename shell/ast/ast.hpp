// The whole vsh syntax tree, declared in one place (STYLE.md habit 1).
//
// The parser builds it, the executor walks it, and nothing else owns it. Every command node
// carries the source span it was parsed from so that errors, `set -x` traces and LINENO can
// name the line. A tree parsed from one complete command lives as long as that command runs;
// function bodies are shared_ptr so that a function outlives the text that defined it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace vsh::ast {

// 1-based line and column of a character in the source text.
struct SourcePos {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

// A half-open range of source text: [begin, end).
struct Span {
    SourcePos begin;
    SourcePos end;
};

struct Command;

// How a ${...} expansion treats its parameter (XCU 2.6.2).
enum class ParamOp : std::uint8_t {
    Plain,                 // $x, ${x}
    Length,                // ${#x}
    Default,               // ${x-word}, ${x:-word}
    Assign,                // ${x=word}, ${x:=word}
    Error,                 // ${x?word}, ${x:?word}
    Alternative,           // ${x+word}, ${x:+word}
    RemoveSmallestSuffix,  // ${x%word}
    RemoveLargestSuffix,   // ${x%%word}
    RemoveSmallestPrefix,  // ${x#word}
    RemoveLargestPrefix,   // ${x##word}
    Invalid,               // ${x!y}, ${}, ${x:2}...: a "bad substitution", reported when the
                           // word is expanded (as dash and bash do), not when it is parsed, so
                           // a bash-only branch that never runs does not stop a script.
                           // `text` holds the source text for the message.
};

// One piece of a word. A word is a sequence of parts whose expansions are concatenated.
// A flat struct rather than a variant: parts nest (double quotes hold parts, ${x:-w} holds a
// word) and a flat struct keeps that recursion cheap and simple.
struct WordPart {
    enum class Kind : std::uint8_t {
        Literal,       // Unquoted text; may hold pattern characters (* ? [) for globbing.
                       // A backslash-escaped character is stored as a Quoted part instead.
        Quoted,        // Text that quote removal already freed of its quotes: '...', $'...'
                       // (escapes decoded), or a backslash-escaped character. Never split,
                       // never globbed.
        DoubleQuoted,  // "...": `parts` holds what is inside.
        Param,         // $name, ${...}: `text` is the parameter name ("@", "1", "10", "x"),
                       // `op` and `colon` the operator, `parts` the word operand.
        CommandSubst,  // $(...) or `...`: `command` is the parsed body (may be null: empty).
        Arith,         // $((...)): `parts` is the expression, expanded as in double quotes,
                       // then evaluated.
        Tilde,         // ~ or ~user at the start of a word or assignment value: `text` is user.
    };

    Kind kind = Kind::Literal;
    ParamOp op = ParamOp::Plain;  // Param only.
    bool colon = false;           // Param only: the ':' form (treat empty as unset).
    bool backquote = false;       // CommandSubst only: written with backquotes.
    std::string text;             // Literal/Quoted text, Param name, Tilde user.

    // DoubleQuoted contents, Param operand, Arith expression; empty for the other kinds.
    const std::vector<WordPart>& parts() const;
    std::vector<WordPart>& mutable_parts();  // Makes the nested storage if there is none.
    // CommandSubst body (null: empty, or another kind).
    const Command* command() const;
    void set_command(std::shared_ptr<const Command> body);

    WordPart() = default;
    WordPart(const WordPart& other);
    WordPart& operator=(const WordPart& other);
    WordPart(WordPart&&) noexcept = default;
    WordPart& operator=(WordPart&&) noexcept = default;
    ~WordPart() = default;

  private:
    // The nested parts and the substitution body live apart: most parts (literal and quoted
    // text) have neither, and a syntax tree is mostly such parts. Kept inline they made each
    // part 80 bytes instead of 48, and a tree's size is what every fork of shell code copies
    // page tables for (bench/PROFILE.md, "The size of the syntax tree").
    struct Nested;
    std::unique_ptr<Nested> nested_;
};

using Word = std::vector<WordPart>;

struct WordPart::Nested {
    Word parts;
    std::shared_ptr<const Command> command;
};

inline const Word kNoParts{};

inline const Word& WordPart::parts() const {
    return nested_ ? nested_->parts : kNoParts;
}

inline Word& WordPart::mutable_parts() {
    if (!nested_) nested_ = std::make_unique<Nested>();
    return nested_->parts;
}

inline const Command* WordPart::command() const {
    return nested_ ? nested_->command.get() : nullptr;
}

inline void WordPart::set_command(std::shared_ptr<const Command> body) {
    if (!nested_) nested_ = std::make_unique<Nested>();
    nested_->command = std::move(body);
}

inline WordPart::WordPart(const WordPart& other)
    : kind(other.kind),
      op(other.op),
      colon(other.colon),
      backquote(other.backquote),
      text(other.text),
      nested_(other.nested_ ? std::make_unique<Nested>(*other.nested_) : nullptr) {}

inline WordPart& WordPart::operator=(const WordPart& other) {
    if (this != &other) *this = WordPart(other);
    return *this;
}

// NAME=value before a command name (or alone).
struct Assignment {
    std::string name;
    Word value;
    Span span;
};

enum class RedirOp : std::uint8_t {
    Input,      // <
    Output,     // >
    Clobber,    // >|
    Append,     // >>
    ReadWrite,  // <>
    DupInput,   // <&
    DupOutput,  // >&
    HereDoc,    // << and <<-
};

struct Redirection {
    int fd = 0;  // The IO number, or the operator's default (0 for < <& << <>, 1 otherwise).
    RedirOp op = RedirOp::Input;
    // The file name or fd word; for a here-document, the body: one Quoted part when the
    // delimiter was quoted, otherwise parts expanded as in double quotes (no field splitting).
    Word target;
    bool strip_tabs = false;  // <<-: leading tabs were removed from body lines (parser did it).
    // HereDoc only: the delimiter word as written, quotes kept (`EOF`, `'EOF'`), for showing
    // the command (shell/ast/format.hpp) without its body.
    std::string here_doc_delimiter;
    Span span;
};

inline const std::vector<Redirection> kNoRedirections{};

// A command's redirections: most commands have none, so the list lives apart and an empty
// one costs a pointer, not a 24-byte vector, in every command node (bench/PROFILE.md, "The
// size of the syntax tree"). Reads like a const vector; the parser appends.
class Redirections {
  public:
    bool empty() const { return list_ == nullptr || list_->empty(); }
    std::size_t size() const { return list_ ? list_->size() : 0; }
    const std::vector<Redirection>& all() const { return list_ ? *list_ : kNoRedirections; }
    operator const std::vector<Redirection>&() const { return all(); }  // NOLINT
    std::vector<Redirection>::const_iterator begin() const { return all().begin(); }
    std::vector<Redirection>::const_iterator end() const { return all().end(); }
    const Redirection& operator[](std::size_t i) const { return (*list_)[i]; }
    Redirection& operator[](std::size_t i) { return (*list_)[i]; }
    void push_back(Redirection redirection) {
        if (!list_) list_ = std::make_unique<std::vector<Redirection>>();
        list_->push_back(std::move(redirection));
    }

  private:
    std::unique_ptr<std::vector<Redirection>> list_;
};

// cmd args..., with assignments and redirections (the redirections are in Command).
struct SimpleCommand {
    std::vector<Assignment> assignments;
    std::vector<Word> words;
};

// [!] a | b | c
struct Pipeline {
    bool negated = false;
    std::vector<std::unique_ptr<Command>> commands;
};

enum class AndOrOp : std::uint8_t { And, Or };

// a && b || c: ops[i] joins items[i] and items[i + 1].
struct AndOrList {
    std::vector<std::unique_ptr<Command>> items;
    std::vector<AndOrOp> ops;
};

enum class Async : std::uint8_t { No, Yes };

struct ListItem {
    std::unique_ptr<Command> command;
    Async async = Async::No;  // Terminated by '&'.
};

// A sequence of and-or lists separated by ';', '&' or newlines (also every compound body).
struct List {
    std::vector<ListItem> items;
};

struct BraceGroup {
    List body;
};

struct Subshell {
    List body;
};

struct IfBranch {
    List condition;
    List body;
};

// if c1; then b1; elif c2; then b2; else e; fi
struct If {
    std::vector<IfBranch> branches;
    std::optional<List> else_body;
};

enum class LoopKind : std::uint8_t { While, Until };

struct Loop {
    LoopKind kind = LoopKind::While;
    List condition;
    List body;
};

// for name [in words]; do body; done. Without `in`, words is empty and iterates "$@".
struct For {
    std::string name;
    bool has_in = false;
    std::vector<Word> words;
    List body;
    Span name_span;
};

enum class CaseTerminator : std::uint8_t { Break /* ;; */, FallThrough /* ;& */ };

struct CaseItem {
    std::vector<Word> patterns;
    List body;
    CaseTerminator terminator = CaseTerminator::Break;
    Span span;
};

struct Case {
    Word subject;
    std::vector<CaseItem> items;
};

// name() compound-command [redirections]
struct FunctionDef {
    std::string name;
    // The whole compound command, redirections included; shared so the function outlives
    // the tree it was parsed in.
    std::shared_ptr<const Command> body;
};

// `time [-p] pipeline`: the time reserved word wraps a pipeline.
struct Timed {
    bool posix_format = false;          // -p
    std::unique_ptr<Command> pipeline;  // null for a bare `time`.
};

struct Command {
    Span span;
    // `for` is boxed: it is the one alternative over 56 bytes, and kept inline it made every
    // command node 48 bytes larger (a tree's size is what a fork of shell code copies page
    // tables for; bench/PROFILE.md).
    std::variant<SimpleCommand, Pipeline, AndOrList, List, BraceGroup, Subshell, If, Loop,
                 std::unique_ptr<For>, Case, FunctionDef, Timed>
        node;
    // Redirections in source order; for a compound command, those after its closing word.
    Redirections redirections;
};

}  // namespace vsh::ast
