#include "shell/vars/variables.hpp"

#include <algorithm>
#include <cstring>

#include "shell/parser/parser.hpp"

namespace vsh {

Variables::Variables() {
    table_.reserve(128);
    // Only the slots: their values are computed when read.
    for (std::string_view name : {"RANDOM", "SECONDS"}) slot(name).dynamic = dynamic_kind_of(name);
}

void Variables::import_environment(char** env) {
    for (; env != nullptr && *env != nullptr; ++env) {
        const char* eq = std::strchr(*env, '=');
        if (eq == nullptr) continue;
        std::string_view name(*env, static_cast<std::size_t>(eq - *env));
        if (!is_name(name)) continue;
        Variable& v = slot(name);
        if (v.dynamic != Dynamic::None) {
            // An inherited RANDOM or SECONDS seeds the generator or sets the count, as bash.
            dynamic_values_.assign(v.dynamic, eq + 1);
            continue;
        }
        v.value = eq + 1;
        v.set = true;
        v.exported = true;
    }
    env_dirty_ = true;
}

const Variable* Variables::find(std::string_view name) const {
    auto it = table_.find(name);
    return it == table_.end() ? nullptr : &it->second;
}

const std::string* Variables::get(std::string_view name) const {
    const Variable* v = find(name);
    if (v != nullptr && v->dynamic != Dynamic::None) return dynamic_values_.value_of(v->dynamic);
    return v != nullptr && v->set ? &v->value : nullptr;
}

Variable& Variables::slot(std::string_view name) {
    auto it = table_.find(name);
    if (it != table_.end()) return it->second;
    return table_.emplace(std::string(name), Variable{}).first->second;
}

void Variables::changed(std::string_view name, bool exported) {
    if (exported) env_dirty_ = true;
    if (on_change) on_change(name);
}

bool Variables::set(std::string_view name, std::string_view value) {
    Variable& v = slot_for_change(name);
    if (v.readonly) return false;
    if (v.dynamic != Dynamic::None) {
        dynamic_values_.assign(v.dynamic, value);
        changed(name, false);
        return true;
    }
    v.value.assign(value);
    v.set = true;
    if (allexport_) v.exported = true;
    changed(name, v.exported);
    return true;
}

bool Variables::unset(std::string_view name) {
    auto it = table_.find(name);
    if (it == table_.end()) return true;
    if (it->second.readonly) return false;
    record(name, &it->second);
    bool exported = it->second.exported;
    if (scopes_.empty()) {
        table_.erase(it);
    } else {
        // Keep the slot: a local's saved state is restored by pop_scope().
        it->second = Variable{};
        if (!journals_.empty()) it->second.journal = journals_.back().id;
    }
    changed(name, exported);
    return true;
}

void Variables::set_exported(std::string_view name, bool exported) {
    Variable& v = slot_for_change(name);
    v.exported = exported;
    env_dirty_ = true;
}

void Variables::set_readonly(std::string_view name) {
    slot_for_change(name).readonly = true;
}

Variable& Variables::slot_for_change(std::string_view name) {
    auto it = table_.find(name);
    if (it != table_.end()) {
        record(name, &it->second);
        return it->second;
    }
    record(name, nullptr);
    Variable& v = table_.emplace(std::string(name), Variable{}).first->second;
    if (!journals_.empty()) v.journal = journals_.back().id;
    return v;
}

void Variables::record_slow(std::string_view name, Variable* v) {
    Journal& journal = journals_.back();
    if (v == nullptr) {
        journal.saved.push_back(Saved{std::string(name), false, Variable{}});
        return;
    }
    journal.saved.push_back(Saved{std::string(name), true, *v});
    v->journal = journal.id;
}

void Variables::open_journal() {
    journals_.push_back(Journal{++last_journal_id_, {}, dynamic_values_});
    // A subshell's RANDOM is seeded anew (as after a fork): the shell's own sequence, put
    // back afterwards, neither repeats in it nor is advanced by it.
    dynamic_values_.reseed_on_next_read();
}

void Variables::roll_back_journal() {
    if (journals_.empty()) return;
    Journal journal = std::move(journals_.back());
    journals_.pop_back();
    restore(journal.saved);
    dynamic_values_ = std::move(journal.dynamic);
}

void Variables::push_scope() {
    scopes_.emplace_back();
}

void Variables::pop_scope() {
    if (scopes_.empty()) return;
    std::vector<Saved> saved = std::move(scopes_.back());
    scopes_.pop_back();
    restore(saved);
}

void Variables::restore(std::vector<Saved>& saved) {
    // Newest first, so that a name saved twice ends with its oldest state.
    for (auto it = saved.rbegin(); it != saved.rend(); ++it) {
        bool was_exported = false;
        if (auto cur = table_.find(it->name); cur != table_.end()) {
            was_exported = cur->second.exported;
            if (it->existed) {
                cur->second = std::move(it->old);
            } else {
                table_.erase(cur);
            }
        } else if (it->existed) {
            table_.emplace(it->name, std::move(it->old));
        }
        const Variable* now = find(it->name);
        changed(it->name, was_exported || (now != nullptr && now->exported));
    }
}

void Variables::make_local(std::string_view name) {
    if (scopes_.empty()) return;
    auto& scope = scopes_.back();
    for (const Saved& s : scope)
        if (s.name == name) return;
    auto it = table_.find(name);
    if (it == table_.end()) {
        scope.push_back(Saved{std::string(name), false, Variable{}});
    } else {
        scope.push_back(Saved{std::string(name), true, it->second});
    }
}

char* const* Variables::environment() {
    if (env_dirty_) {
        env_strings_.clear();
        for (const auto& [name, v] : table_) {
            if (!v.exported || !v.set) continue;
            std::string entry;
            entry.reserve(name.size() + 1 + v.value.size());
            entry.append(name).push_back('=');
            entry.append(v.value);
            env_strings_.push_back(std::move(entry));
        }
        env_pointers_.clear();
        for (std::string& s : env_strings_) env_pointers_.push_back(s.data());
        env_pointers_.push_back(nullptr);
        env_dirty_ = false;
    }
    return env_pointers_.data();
}

std::vector<std::pair<std::string, const Variable*>> Variables::sorted() const {
    std::vector<std::pair<std::string, const Variable*>> out;
    out.reserve(table_.size());
    for (const auto& [name, v] : table_) out.emplace_back(name, &v);
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

}  // namespace vsh
