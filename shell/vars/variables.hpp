// Shell variables: values, export and readonly attributes, function-local scopes, and the
// environment block handed to children (rebuilt only when an exported variable changes).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "shell/vars/dynamic_values.hpp"

namespace vsh {

struct Variable {
    std::string value;
    bool set = false;  // False for a name that has attributes but no value (export x).
    bool exported = false;
    bool readonly = false;
    // RANDOM and SECONDS: the value is computed when read (get()); `set` stays false so that
    // listings and the environment leave them out, and `value` is unused.
    Dynamic dynamic = Dynamic::None;
    // The journal (Variables::open_journal) that last recorded this variable's state.
    std::uint32_t journal = 0;
};

class Variables {
  public:
    Variables();

    // Imports `environ` at start-up: every valid name becomes an exported variable.
    void import_environment(char** env);

    // The value, or null when the variable is unset.
    const std::string* get(std::string_view name) const;
    const Variable* find(std::string_view name) const;

    // Assigns; returns false (and changes nothing) if the variable is readonly.
    [[nodiscard]] bool set(std::string_view name, std::string_view value);
    // Unsets; returns false if readonly.
    [[nodiscard]] bool unset(std::string_view name);
    void set_exported(std::string_view name, bool exported);
    void set_readonly(std::string_view name);

    // `allexport` (set -a): every assignment also exports.
    void set_allexport(bool on) { allexport_ = on; }

    // Function-local scopes (the `local` builtin). push_scope() on function entry,
    // pop_scope() on return restores every variable made local in between.
    void push_scope();
    void pop_scope();
    // Makes `name` local to the innermost function scope (no-op outside functions).
    // The variable keeps its current value and attributes until assigned (as in dash).
    void make_local(std::string_view name);
    bool in_function_scope() const { return !scopes_.empty(); }

    // A journal of changes, for a $(...) run in the shell itself instead of a forked child
    // (shell/exec/inline_subshell.hpp): while one is open, the first change to each variable
    // (assignment, unset, export, readonly) records what the variable was, and
    // roll_back_journal() puts every recorded variable back and closes the journal, as if the
    // changes had happened in a subshell. Journals nest (a $(...) inside one); function scopes
    // opened inside a journal must be closed before it is rolled back.
    void open_journal();
    void roll_back_journal();
    // In a forked child: the parent's open journals are not this process's to roll back.
    void forget_journals() { journals_.clear(); }

    // NULL-terminated "name=value" array of the exported variables, valid until the next
    // change to an exported variable.
    char* const* environment();

    // Every variable, sorted by name (for `set`, `export -p`, `readonly -p`).
    std::vector<std::pair<std::string, const Variable*>> sorted() const;

    // Called after a variable named `name` changes (IFS, PATH, OPTIND... caches).
    std::function<void(std::string_view name)> on_change;

  private:
    struct Saved {
        std::string name;
        bool existed;
        Variable old;
    };
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::unordered_map<std::string, Variable, StringHash, std::equal_to<>> table_;
    std::vector<std::vector<Saved>> scopes_;
    struct Journal {
        std::uint32_t id;
        std::vector<Saved> saved;
        // The RANDOM and SECONDS state when the journal was opened.
        DynamicValues dynamic;
    };
    std::vector<Journal> journals_;
    std::uint32_t last_journal_id_ = 0;
    bool allexport_ = false;
    bool env_dirty_ = true;
    std::vector<std::string> env_strings_;
    std::vector<char*> env_pointers_;
    DynamicValues dynamic_values_;

    Variable& slot(std::string_view name);
    // The slot of a variable about to change, recorded in the open journal if there is one.
    Variable& slot_for_change(std::string_view name);
    void changed(std::string_view name, bool exported);
    // Records `name` (null `v`: not in the table) in the innermost open journal, once.
    void record(std::string_view name, Variable* v) {
        if (!journals_.empty() && (v == nullptr || v->journal != journals_.back().id))
            record_slow(name, v);
    }
    void record_slow(std::string_view name, Variable* v);
    // Puts back the variables in `saved`, newest first.
    void restore(std::vector<Saved>& saved);
};

}  // namespace vsh
