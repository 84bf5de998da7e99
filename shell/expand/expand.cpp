#include "shell/expand/expand.hpp"

#include <pwd.h>
#include <unistd.h>

#include <array>
#include <charconv>
#include <clocale>
#include <cstdlib>
#include <cwchar>
#include <string_view>

#include "shell/base/locale.hpp"
#include "shell/base/stack_guard.hpp"
#include "shell/base/user_db.hpp"
#include "shell/core/shell.hpp"
#include "shell/expand/arith.hpp"
#include "shell/expand/command_substituter.hpp"
#include "shell/expand/glob.hpp"
#include "shell/expand/pattern.hpp"

namespace vsh {
namespace {

using ast::ParamOp;
using ast::WordPart;
using Kind = ast::WordPart::Kind;

enum class Mode : unsigned char {
    Fields,   // Command words: split by IFS, pathname expansion, quote removal.
    String,   // One string, no splitting, no globbing.
    Pattern,  // One string; quoted characters backslash-escaped for pattern matching.
};

// Whether text came from quotes (or a quoted context) and is therefore inert.
enum class Quoting : unsigned char { Unquoted, Quoted };

constexpr std::string_view kDefaultIfs = " \t\n";

// The length in bytes of the character at `pos` (pos < s.size()) in a multibyte locale; an
// invalid or incomplete sequence is one byte.
std::size_t multibyte_length(std::string_view s, std::size_t pos) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) return 1;
    std::mbstate_t state{};
    std::size_t n = std::mbrlen(s.data() + pos, s.size() - pos, &state);
    return n == 0 || n > s.size() - pos ? 1 : n;
}

// Whether IFS holds a non-ASCII character in a multibyte locale: then fields are split at
// whole characters, not at bytes that may be part of another character (XCU 2.6.5).
bool ifs_is_multibyte(std::string_view ifs) {
    for (char c : ifs) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ensure_locale();
            return MB_CUR_MAX > 1;
        }
    }
    return false;
}

// ${#x} counts characters, not bytes, in a multibyte locale; an invalid byte counts as one.
std::size_t character_count(const std::string& s) {
    bool ascii = true;
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
    if (ascii) return s.size();
    ensure_locale();
    if (MB_CUR_MAX == 1) return s.size();
    std::mbstate_t state{};
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); ++count) {
        std::size_t n = std::mbrlen(s.data() + i, s.size() - i, &state);
        if (n == 0 || n > s.size() - i) {
            n = 1;
            state = std::mbstate_t{};
        }
        i += n;
    }
    return count;
}

// Characters a quoted one must be escaped from in a pattern: the pattern characters, and
// those with a meaning inside a bracket expression (a leading ! or ^, a range's -, the
// delimiters of [:class:] [.c.] [=c=]), so that a quoted one is always literal (XCU 2.14).
bool is_pattern_special(char c) {
    switch (c) {
        case '*':
        case '?':
        case '[':
        case ']':
        case '\\':
        case '!':
        case '^':
        case '-':
        case ':':
        case '.':
        case '=':
            return true;
        default:
            return false;
    }
}

// Accumulates the expansion of one word (or of several fields for "$@" and splitting).
//
// In Pattern and Fields mode the builder keeps the word as a pattern (cur_): a quoted
// character comes out backslash-escaped, and a backslash that an unquoted expansion produced
// escapes the character after it, as in dash, bash and yash (x='\*'; case '*' in $x) matches).
// Fields mode also keeps the field's text as it stands if pathname expansion leaves it
// alone (plain_): the expansion's backslashes stay in it. There the pattern is only needed
// for a field with an unquoted * ? or [ when noglob is off; until such a character comes,
// the builder notes only the runs of plain_ and where they came from, and builds the pattern
// from them when it comes (most fields never need it, and quoted values can be long).
// Runs of a field's plain text and where each came from (see Builder).
enum class Origin : unsigned char { Literal, Quoted, Expansion };
struct RunNotes {
    struct Run {
        Origin origin;
        std::size_t length;
    };
    static constexpr std::size_t kMax = 8;  // Past that, the pattern is built at once.
    std::array<Run, kMax> runs{};
    std::size_t count = 0;
};

class Builder {
  public:
    // `runs` (Fields mode only) holds the notes of the runs before the pattern is needed. It
    // lives with the caller, not here: operands of ${x:-word} nest a Builder per level, and
    // a larger Builder would take a deep nesting's stack (2.8.1-limits.t).
    Builder(Mode mode, std::vector<std::string>* fields, std::string_view ifs, bool noglob,
            RunNotes* runs = nullptr)
        : mode_(mode),
          fields_(fields),
          ifs_(ifs),
          ifs_multibyte_(mode == Mode::Fields && ifs_is_multibyte(ifs)),
          noglob_(noglob),
          pattern_live_(mode != Mode::Fields || runs == nullptr),
          runs_(runs) {}

    // Unquoted source text: pattern characters stay active; never split.
    void literal(std::string_view text) {
        started_ = true;
        split_ = Split::None;
        if (mode_ == Mode::String) {
            cur_.append(text);
            return;
        }
        add_run(text, Origin::Literal);
    }

    // Quoted text: never split, pattern characters inert.
    void quoted(std::string_view text) {
        started_ = true;
        split_ = Split::None;
        if (mode_ == Mode::String) {
            cur_.append(text);
            return;
        }
        add_run(text, Origin::Quoted);
    }

    // The result of an unquoted expansion: split by IFS (Fields mode), pattern characters
    // active, a backslash escapes the next character of the pattern.
    void expanded(std::string_view text) {
        if (mode_ != Mode::Fields) {
            if (!text.empty()) started_ = true;
            if (mode_ == Mode::String) {
                cur_.append(text);
            } else {
                add_run(text, Origin::Expansion);
            }
            return;
        }
        for (std::size_t i = 0; i < text.size();) {
            if (!ifs_multibyte_) {
                // The run of characters up to the next IFS character goes in at once.
                const std::size_t end = std::min(text.find_first_of(ifs_, i), text.size());
                if (end > i) {
                    started_ = true;
                    split_ = Split::None;
                    add_run(text.substr(i, end - i), Origin::Expansion);
                    i = end;
                    continue;
                }
            }
            const std::size_t n = ifs_multibyte_ ? multibyte_length(text, i) : 1;
            const std::string_view ch = text.substr(i, n);
            i += n;
            if (is_ifs(ch)) {
                const char c = ch[0];
                bool white = c == ' ' || c == '\t' || c == '\n';
                if (white) {
                    if (started_) {
                        emit();
                        split_ = Split::AfterWhite;
                    }
                } else {
                    if (split_ != Split::AfterWhite) emit();
                    split_ = Split::AfterNonWhite;
                }
                continue;
            }
            started_ = true;
            split_ = Split::None;
            for (char c : ch) add(c, Origin::Expansion);
        }
    }

    void append(std::string_view text, Quoting q) {
        if (q == Quoting::Quoted) {
            quoted(text);
        } else {
            expanded(text);
        }
    }

    // Ends the current field unconditionally (between the words of "$@").
    void field_break() {
        if (mode_ == Mode::Fields) {
            emit();
        } else {
            escape_next_ = false;
            cur_ += ' ';
        }
    }
    // Ends the current field if one has begun (between the words of unquoted $@).
    void soft_break() {
        if (mode_ == Mode::Fields) {
            if (started_) emit();
        } else {
            escape_next_ = false;
            cur_ += ' ';
        }
    }

    void mark_started() { started_ = true; }

    // Whether unquoted expansions are split into fields here (command words) or not
    // (assignments, case words and patterns, here-documents).
    bool splits_fields() const { return mode_ == Mode::Fields; }

    void finish() {
        if (mode_ == Mode::Fields && started_) emit();
    }

    std::string& text() { return cur_; }

  private:
    enum class Split : unsigned char { None, AfterWhite, AfterNonWhite };
    Mode mode_;
    std::vector<std::string>* fields_;
    std::string_view ifs_;
    bool ifs_multibyte_;  // IFS has a multibyte character: compare whole characters.
    bool noglob_;
    std::string cur_;
    std::string plain_;
    bool started_ = false;
    bool glob_ = false;
    // The last character added to cur_ was a backslash from an expansion, which quotes the
    // next one.
    bool escape_next_ = false;
    Split split_ = Split::None;
    // cur_ is kept up to date as characters come (always, but in Fields mode only once the
    // field may need pathname expansion; before that, runs_ says how to build it).
    bool pattern_live_;
    RunNotes* runs_;

    // Whether the character `ch` (one byte, or a whole multibyte character) is in IFS.
    bool is_ifs(std::string_view ch) const {
        if (!ifs_multibyte_) return ifs_.find(ch[0]) != std::string_view::npos;
        for (std::size_t i = 0; i < ifs_.size();) {
            const std::size_t n = multibyte_length(ifs_, i);
            if (ifs_.substr(i, n) == ch) return true;
            i += n;
        }
        return false;
    }

    // Whether add() does more for `c` than append it to both texts.
    static bool needs_care(char c, Origin origin) {
        if (origin == Origin::Quoted) return is_pattern_special(c);
        return c == '\\' || c == '*' || c == '?' || c == '[';
    }

    // Adds characters of one origin as add() does one by one, appending the runs that need
    // no care at once: quoted values and expansions are often long.
    void add_run(std::string_view text, Origin origin) {
        if (mode_ == Mode::Fields) {
            plain_.append(text);
            if (!pattern_live_ && !note_run(text, origin)) return;
        }
        add_to_live_pattern(text, origin);
    }

    // In Fields mode before the pattern is needed: notes the run just appended to plain_ and
    // returns false, or, when the run may make the field a pattern (or there are too many
    // runs to note), builds the pattern for what came before and returns true.
    bool note_run(std::string_view text, Origin origin) {
        if (noglob_) return false;  // No pathname expansion: the pattern is never needed.
        const bool may_be_pattern =
            origin != Origin::Quoted && text.find_first_of("*?[") != std::string_view::npos;
        if (!may_be_pattern) {
            RunNotes& notes = *runs_;
            if (notes.count > 0 && notes.runs[notes.count - 1].origin == origin) {
                notes.runs[notes.count - 1].length += text.size();
                return false;
            }
            if (notes.count < RunNotes::kMax) {
                notes.runs[notes.count++] = RunNotes::Run{origin, text.size()};
                return false;
            }
        }
        build_pattern();
        return true;
    }

    // Builds cur_ from the noted runs, which cover plain_ but for the run just appended; from
    // now on the pattern is kept up to date.
    void build_pattern() {
        std::size_t pos = 0;
        for (std::size_t r = 0; r < runs_->count; ++r) {
            const RunNotes::Run& run = runs_->runs[r];
            add_to_live_pattern(std::string_view(plain_).substr(pos, run.length), run.origin);
            pos += run.length;
        }
        runs_->count = 0;
        pattern_live_ = true;
    }

    void add_to_live_pattern(std::string_view text, Origin origin) {
        std::size_t i = 0;
        while (i < text.size()) {
            if (escape_next_) {
                add_to_pattern(text[i++], origin);
                continue;
            }
            std::size_t end = i;
            while (end < text.size() && !needs_care(text[end], origin)) ++end;
            cur_.append(text.substr(i, end - i));
            if (end < text.size()) add_to_pattern(text[end++], origin);
            i = end;
        }
    }

    // Adds one character to the pattern (Pattern and Fields mode) and the plain text (Fields).
    void add(char c, Origin origin) { add_run(std::string_view(&c, 1), origin); }

    void add_to_pattern(char c, Origin origin) {
        if (escape_next_) {
            escape_next_ = false;
            cur_ += c;
            return;
        }
        if (origin == Origin::Quoted) {
            if (is_pattern_special(c)) cur_ += '\\';
            cur_ += c;
            return;
        }
        if (c == '\\') {
            if (origin == Origin::Expansion) {
                cur_ += c;
                escape_next_ = true;
            } else {
                cur_ += "\\\\";
            }
            return;
        }
        if (c == '*' || c == '?' || c == '[') glob_ = true;
        cur_ += c;
    }

    void emit() {
        if (glob_ && !noglob_) {
            std::vector<std::string> matches = expand_pathname(cur_);
            if (!matches.empty()) {
                for (std::string& m : matches) fields_->push_back(std::move(m));
                reset();
                return;
            }
        }
        fields_->push_back(std::move(plain_));
        reset();
    }
    void reset() {
        cur_.clear();
        plain_.clear();
        started_ = glob_ = escape_next_ = false;
        pattern_live_ = mode_ != Mode::Fields || runs_ == nullptr;
        if (runs_ != nullptr) runs_->count = 0;
    }
};

class ShellArithEnv final : public ArithEnv {
  public:
    explicit ShellArithEnv(Shell& sh) : sh_(sh) {}
    // LINENO is a value here as in $LINENO (XCU 2.6.4: a name is replaced by its value).
    const std::string* get(std::string_view name) override {
        if (name == "LINENO") {
            line_ = std::to_string(sh_.lineno);
            return &line_;
        }
        return sh_.vars.get(name);
    }
    // Silent: the evaluator reports a readonly variable itself.
    bool set(std::string_view name, std::string_view value) override {
        return sh_.vars.set(name, value);
    }
    bool nounset() const override { return sh_.options.nounset; }

  private:
    Shell& sh_;
    std::string line_;
};

class WordExpansion {
  public:
    WordExpansion(Shell& sh, Builder& b) : sh_(sh), b_(b) {}

    void parts(const ast::Word& word, Quoting q, bool operand = false) {
        for (const WordPart& part : word) one(part, q, operand);
    }

  private:
    Shell& sh_;
    Builder& b_;
    std::string scratch_;

    void one(const WordPart& part, Quoting q, bool operand) {
        switch (part.kind) {
            case Kind::Literal:
                if (q == Quoting::Quoted) {
                    b_.quoted(part.text);
                } else if (operand) {
                    // The word of an unquoted ${x:-word} is part of the expansion's result
                    // and is split with it.
                    b_.expanded(part.text);
                } else {
                    b_.literal(part.text);
                }
                break;
            case Kind::Quoted:
                b_.quoted(part.text);
                break;
            case Kind::DoubleQuoted:
                // "" makes an empty field, but "$@" (or "$@$@") with no positional parameters
                // makes none (XCU 2.5.2).
                if (!only_empty_at(part.parts())) b_.mark_started();
                parts(part.parts(), Quoting::Quoted);
                break;
            case Kind::Param:
                param(part, q);
                break;
            case Kind::CommandSubst: {
                std::string output = sh_.substituter->command_substitution(part.command());
                b_.append(output, q);
                break;
            }
            case Kind::Arith:
                arith(part, q);
                break;
            case Kind::Tilde:
                tilde(part);
                break;
        }
    }

    // True for the contents of "$@", "$@$@"... when there are no positional parameters.
    bool only_empty_at(const ast::Word& inner) const {
        if (inner.empty() || !sh_.positional.empty()) return false;
        for (const WordPart& p : inner)
            if (p.kind != Kind::Param || p.text != "@" || p.op != ParamOp::Plain) return false;
        return true;
    }

    void tilde(const WordPart& part) {
        prepare_user_database();
        if (part.text.empty()) {
            const std::string* home = sh_.vars.get("HOME");
            if (home != nullptr) {
                tilde_result(*home);
                return;
            }
            if (struct passwd* pw = getpwuid(getuid())) {
                tilde_result(pw->pw_dir);
                return;
            }
            b_.quoted("~");
            return;
        }
        if (struct passwd* pw = getpwnam(part.text.c_str())) {
            tilde_result(pw->pw_dir);
        } else {
            b_.quoted("~" + part.text);
        }
    }

    // The directory is quoted text, but an empty one adds nothing: the word has no quotes,
    // so `~` alone with HOME='' is no field (XCU 2.6.5), as in dash, mksh and yash.
    void tilde_result(std::string_view dir) {
        if (!dir.empty()) b_.quoted(dir);
    }

    void arith(const WordPart& part, Quoting q) {
        std::vector<std::string> unused;
        Builder inner(Mode::String, &unused, kDefaultIfs, true);
        WordExpansion sub(sh_, inner);
        sub.parts(part.parts(), Quoting::Quoted);
        ShellArithEnv env(sh_);
        ArithResult r = evaluate_arith(inner.text(), env);
        if (!r.ok) {
            sh_.error(r.error);
            throw FatalError{2};
        }
        char buf[24];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, r.value);
        b_.append(std::string_view(buf, static_cast<std::size_t>(end - buf)), q);
    }

    // The value of a parameter, or null when unset. Special parameters are formatted into
    // scratch_.
    const std::string* lookup(const std::string& name) {
        char c = name[0];
        if (name.size() == 1 && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '_') {
            switch (c) {
                case '?':
                    scratch_ = std::to_string(sh_.last_status);
                    return &scratch_;
                case '#':
                    scratch_ = std::to_string(sh_.positional.size());
                    return &scratch_;
                case '$':
                    scratch_ = std::to_string(sh_.shell_pid);
                    return &scratch_;
                case '!':
                    if (sh_.last_background == 0) return nullptr;
                    scratch_ = std::to_string(sh_.last_background);
                    return &scratch_;
                case '-':
                    scratch_ = sh_.option_letters();
                    return &scratch_;
                case '0':
                    return &sh_.arg0;
                case '@':
                case '*':
                    if (sh_.positional.empty()) return nullptr;
                    scratch_ = join_positional();
                    return &scratch_;
                default:
                    break;
            }
        }
        if (c >= '0' && c <= '9') {
            std::size_t n = 0;
            for (char d : name) n = n * 10 + static_cast<std::size_t>(d - '0');
            if (n == 0) return &sh_.arg0;
            if (n > sh_.positional.size()) return nullptr;
            return &sh_.positional[n - 1];
        }
        if (name == "LINENO") {
            scratch_ = std::to_string(sh_.lineno);
            return &scratch_;
        }
        return sh_.vars.get(name);
    }

    std::string join_positional() {
        const std::string* ifs = sh_.vars.get("IFS");
        // The first character of IFS, whole when it is a multibyte one.
        std::string sep = " ";
        if (ifs != nullptr) {
            sep = ifs->substr(
                0, ifs->empty() || !ifs_is_multibyte(*ifs) ? 1 : multibyte_length(*ifs, 0));
        }
        std::string joined;
        for (std::size_t i = 0; i < sh_.positional.size(); ++i) {
            if (i > 0) joined += sep;
            joined += sh_.positional[i];
        }
        return joined;
    }

    [[noreturn]] void unset_error(const std::string& name) {
        sh_.error(name + ": parameter not set");
        throw FatalError{2};
    }

    void param(const WordPart& part, Quoting q) {
        if (part.op == ParamOp::Invalid) {
            sh_.error(part.text + ": bad substitution");
            throw FatalError{2};
        }
        const std::string& name = part.text;
        bool multi = name == "@" || name == "*";
        const std::string* value = lookup(name);

        switch (part.op) {
            case ParamOp::Plain:
                if (multi) {
                    positional_words(name == "@", q);
                    return;
                }
                if (value == nullptr) {
                    if (sh_.options.nounset) unset_error(name);
                    return;
                }
                b_.append(*value, q);
                return;
            case ParamOp::Length: {
                std::size_t n = 0;
                if (multi) {
                    n = sh_.positional.size();
                } else if (value != nullptr) {
                    n = character_count(*value);
                } else if (sh_.options.nounset) {
                    unset_error(name);
                }
                b_.append(std::to_string(n), q);
                return;
            }
            default:
                break;
        }

        bool is_set = value != nullptr && !(part.colon && value->empty());
        switch (part.op) {
            case ParamOp::Default:
                if (is_set) {
                    if (multi) {
                        positional_words(name == "@", q);
                    } else {
                        b_.append(*value, q);
                    }
                } else {
                    parts(part.parts(), q, true);
                }
                return;
            case ParamOp::Alternative:
                if (is_set) parts(part.parts(), q, true);
                return;
            case ParamOp::Assign: {
                if (is_set) {
                    b_.append(*value, q);
                    return;
                }
                if (!is_name(name)) {
                    sh_.error("${" + name + "=...}: cannot assign in this way");
                    throw FatalError{2};
                }
                std::string word = operand_string(part);
                if (!sh_.assign(name, word)) throw FatalError{2};
                b_.append(word, q);
                return;
            }
            case ParamOp::Error: {
                if (is_set) {
                    b_.append(*value, q);
                    return;
                }
                std::string message = operand_string(part);
                if (message.empty())
                    message = value == nullptr ? "parameter not set" : "parameter null or not set";
                sh_.error(name + ": " + message);
                throw FatalError{2};
            }
            case ParamOp::RemoveSmallestSuffix:
            case ParamOp::RemoveLargestSuffix:
            case ParamOp::RemoveSmallestPrefix:
            case ParamOp::RemoveLargestPrefix: {
                if (value == nullptr) {
                    if (sh_.options.nounset) unset_error(name);
                    return;
                }
                std::string pattern = operand_pattern(part);
                if (multi && name == "@") {
                    for (std::size_t i = 0; i < sh_.positional.size(); ++i) {
                        if (i > 0) {
                            if (q == Quoting::Quoted) {
                                b_.field_break();
                            } else {
                                b_.soft_break();
                            }
                        }
                        b_.append(remove_affix(part.op, pattern, sh_.positional[i]), q);
                    }
                    return;
                }
                b_.append(remove_affix(part.op, pattern, *value), q);
                return;
            }
            default:
                return;
        }
    }

    static std::string remove_affix(ParamOp op, const std::string& pattern,
                                    const std::string& value) {
        std::size_t n;
        switch (op) {
            case ParamOp::RemoveSmallestPrefix:
            case ParamOp::RemoveLargestPrefix:
                n = match_prefix(pattern, value,
                                 op == ParamOp::RemoveLargestPrefix ? MatchLength::Longest
                                                                    : MatchLength::Shortest);
                return n == std::string::npos ? value : value.substr(n);
            default:
                n = match_suffix(pattern, value,
                                 op == ParamOp::RemoveLargestSuffix ? MatchLength::Longest
                                                                    : MatchLength::Shortest);
                return n == std::string::npos ? value : value.substr(0, value.size() - n);
        }
    }

    // ${x:-${y:-...}} expands its operands recursively: the one place expansion goes deeper
    // than the word it was given (checked here, not for every word, to keep words cheap).
    void check_stack() {
        if (!stack_nearly_full()) return;
        sh_.error(stack_exhausted_message());
        throw FatalError{2};
    }

    std::string operand_string(const WordPart& part) {
        check_stack();
        std::vector<std::string> unused;
        Builder inner(Mode::String, &unused, kDefaultIfs, true);
        WordExpansion sub(sh_, inner);
        sub.parts(part.parts(), Quoting::Unquoted);
        return std::move(inner.text());
    }

    std::string operand_pattern(const WordPart& part) {
        check_stack();
        std::vector<std::string> unused;
        Builder inner(Mode::Pattern, &unused, kDefaultIfs, true);
        WordExpansion sub(sh_, inner);
        sub.parts(part.parts(), Quoting::Unquoted);
        return std::move(inner.text());
    }

    // $@, $*, "$@", "$*".
    void positional_words(bool at, Quoting q) {
        const auto& params = sh_.positional;
        if (!at && (q == Quoting::Quoted || !b_.splits_fields())) {
            // "$*", and $* where no field splitting happens, is one field joined by the
            // first character of IFS (XCU 2.5.2).
            if (!params.empty()) b_.append(join_positional(), q);
            return;
        }
        // No parameters: nothing, even under set -u (POSIX 2024 exempts $@ and $*).
        if (params.empty()) return;
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (i > 0) {
                if (q == Quoting::Quoted) {
                    b_.field_break();
                } else {
                    b_.soft_break();
                }
            }
            b_.append(params[i], q);
            if (q == Quoting::Quoted) b_.mark_started();
        }
    }
};

std::string_view current_ifs(Shell& sh) {
    const std::string* ifs = sh.vars.get("IFS");
    return ifs == nullptr ? kDefaultIfs : std::string_view(*ifs);
}

bool arith_assigns(const ast::Word& word) {
    for (const WordPart& p : word) {
        if (p.kind == Kind::Literal || p.kind == Kind::Quoted) {
            const std::string& t = p.text;
            for (std::size_t i = 0; i < t.size(); ++i) {
                char c = t[i];
                if (c == '=') {
                    char prev = i > 0 ? t[i - 1] : '\0';
                    char next = i + 1 < t.size() ? t[i + 1] : '\0';
                    // == != <= >= compare; <<= and >>= assign like the other op= forms.
                    if (next == '=' || prev == '=' || prev == '!') continue;
                    if ((prev == '<' || prev == '>') && !(i >= 2 && t[i - 2] == prev)) continue;
                    return true;
                }
                if ((c == '+' || c == '-') && i + 1 < t.size() && t[i + 1] == c) return true;
            }
        }
        if (arith_assigns(p.parts())) return true;
    }
    return false;
}

// Whether an arithmetic expression's text comes partly from an expansion that may hold an
// assignment: x='y=3'; $(( $x )) assigns y. A length ${#x} or a nested $((...)) only gives a
// number.
bool arith_text_is_dynamic(const ast::Word& word) {
    for (const WordPart& p : word) {
        switch (p.kind) {
            case Kind::Param:
                if (p.op != ParamOp::Length) return true;
                break;
            case Kind::CommandSubst:
                return true;
            case Kind::DoubleQuoted:
                if (arith_text_is_dynamic(p.parts())) return true;
                break;
            default:
                break;
        }
    }
    return false;
}

}  // namespace

void Expander::expand_word_fields(const ast::Word& word, std::vector<std::string>& out) {
    // Fast path: a word of plain literal text without pattern characters is itself.
    if (word.size() == 1 && word[0].kind == Kind::Literal) {
        const std::string& t = word[0].text;
        if (t.find_first_of("*?[\\") == std::string::npos) {
            out.push_back(t);
            return;
        }
    }
    if (word.size() == 1 && word[0].kind == Kind::Quoted) {
        out.push_back(word[0].text);
        return;
    }
    RunNotes runs;
    Builder b(Mode::Fields, &out, current_ifs(sh_), sh_.options.noglob, &runs);
    WordExpansion e(sh_, b);
    e.parts(word, Quoting::Unquoted);
    b.finish();
}

void Expander::expand_words(const std::vector<ast::Word>& words, std::vector<std::string>& out) {
    for (const ast::Word& w : words) expand_word_fields(w, out);
}

std::string Expander::expand_string(const ast::Word& word) {
    if (word.size() == 1 && (word[0].kind == Kind::Literal || word[0].kind == Kind::Quoted))
        return word[0].text;
    std::vector<std::string> unused;
    Builder b(Mode::String, &unused, kDefaultIfs, true);
    WordExpansion e(sh_, b);
    e.parts(word, Quoting::Unquoted);
    return std::move(b.text());
}

std::string Expander::expand_pattern(const ast::Word& word) {
    std::vector<std::string> unused;
    Builder b(Mode::Pattern, &unused, kDefaultIfs, true);
    WordExpansion e(sh_, b);
    e.parts(word, Quoting::Unquoted);
    return std::move(b.text());
}

bool Expander::has_side_effects(const ast::Word& word) {
    for (const WordPart& p : word) {
        switch (p.kind) {
            case Kind::Param:
                if (p.op == ParamOp::Assign || p.op == ParamOp::Error || p.op == ParamOp::Invalid)
                    return true;
                if (has_side_effects(p.parts())) return true;
                break;
            case Kind::Arith:
                if (arith_assigns(p.parts()) || arith_text_is_dynamic(p.parts()) ||
                    has_side_effects(p.parts()))
                    return true;
                break;
            case Kind::DoubleQuoted:
                if (has_side_effects(p.parts())) return true;
                break;
            default:
                break;
        }
    }
    return false;
}

}  // namespace vsh
