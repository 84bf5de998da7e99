#include "shell/history/expansion.hpp"

#include <optional>

namespace vsh {
namespace {

bool is_operator(char c) {
    return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')';
}

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n';
}

// A `!` that starts no event (bash's list, plus `"` so that "...!" at the end of a quoted
// string stays as typed).
bool ends_bang(std::string_view line, std::size_t after) {
    if (after >= line.size()) return true;
    char c = line[after];
    return is_blank(c) || c == '=' || c == '(' || c == '"';
}

// Where an event starts: entries are searched newest first.
using Entries = std::deque<HistoryEntry>;

const HistoryEntry* by_number(const Entries& list, long number) {
    for (const HistoryEntry& entry : list)
        if (entry.number == number) return &entry;
    return nullptr;
}

const HistoryEntry* relative(const Entries& list, long back) {
    if (back < 1 || static_cast<std::size_t>(back) > list.size()) return nullptr;
    return &list[list.size() - static_cast<std::size_t>(back)];
}

const HistoryEntry* newest_matching(const Entries& list, std::string_view text, bool anywhere) {
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
        std::string_view candidate = it->text;
        bool found = anywhere ? candidate.find(text) != std::string_view::npos
                              : candidate.substr(0, text.size()) == text;
        if (found) return &*it;
    }
    return nullptr;
}

std::string join(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to && i < words.size(); ++i) {
        if (!out.empty()) out += ' ';
        out += words[i];
    }
    return out;
}

// One `!...` reference: what it stands for, and how many characters of the line it took.
struct Reference {
    std::optional<std::string> text;  // Unset: the event or word does not exist.
    std::size_t length = 0;
};

// A word designator right after `!` (`!$`, `!^`, `!*`), applied to the previous command.
Reference previous_words(const Entries& list, char designator) {
    Reference ref{std::nullopt, 2};
    const HistoryEntry* previous = relative(list, 1);
    if (previous == nullptr) return ref;
    std::vector<std::string> words = history_words(previous->text);
    if (designator == '$') {
        if (!words.empty()) ref.text = words.back();
    } else if (designator == '^') {
        if (words.size() > 1) ref.text = words[1];
    } else {
        ref.text = join(words, 1, words.size());  // `!*` is empty for a one-word command.
    }
    return ref;
}

// `line[start]` is the `!`; the event after it is read up to a blank or an operator.
Reference event(const Entries& list, std::string_view line, std::size_t start) {
    std::size_t pos = start + 1;
    char first = line[pos];
    if (first == '!')
        return {relative(list, 1) ? relative(list, 1)->text : std::optional<std::string>{}, 2};
    if (first == '$' || first == '^' || first == '*') return previous_words(list, first);
    if (first == '?') {
        std::size_t close = line.find('?', pos + 1);
        std::size_t end = close == std::string_view::npos ? line.size() : close;
        std::string_view wanted = line.substr(pos + 1, end - pos - 1);
        std::size_t length = (close == std::string_view::npos ? line.size() : close + 1) - start;
        const HistoryEntry* found = wanted.empty() ? nullptr : newest_matching(list, wanted, true);
        return {found ? found->text : std::optional<std::string>{}, length};
    }
    std::size_t end = pos;
    if (line[end] == '-') ++end;
    bool numeric = end < line.size() && line[end] >= '0' && line[end] <= '9';
    if (numeric) {
        while (end < line.size() && line[end] >= '0' && line[end] <= '9') ++end;
        long number = std::stol(std::string(line.substr(pos, end - pos)));
        const HistoryEntry* found = number < 0 ? relative(list, -number) : by_number(list, number);
        return {found ? found->text : std::optional<std::string>{}, end - start};
    }
    while (end < line.size() && !is_blank(line[end]) && !is_operator(line[end]) &&
           line[end] != ':' && line[end] != '"' && line[end] != '\'')
        ++end;
    const HistoryEntry* found = newest_matching(list, line.substr(pos, end - pos), false);
    return {found ? found->text : std::optional<std::string>{}, end - start};
}

// `^old^new[^]rest`: the previous command with the first `old` replaced by `new`.
HistoryExpansion quick_substitution(std::string_view line, const Entries& list) {
    HistoryExpansion result;
    std::size_t middle = line.find('^', 1);
    std::size_t last = middle == std::string_view::npos ? middle : line.find('^', middle + 1);
    std::string_view old_text =
        line.substr(1, middle == std::string_view::npos ? line.size() - 1 : middle - 1);
    std::string_view new_text;
    std::string_view rest;
    if (middle != std::string_view::npos) {
        std::size_t new_end = last == std::string_view::npos ? line.size() : last;
        new_text = line.substr(middle + 1, new_end - middle - 1);
        if (last != std::string_view::npos) rest = line.substr(last + 1);
    }
    const HistoryEntry* previous = relative(list, 1);
    std::size_t at =
        previous == nullptr || old_text.empty() ? std::string::npos : previous->text.find(old_text);
    if (at == std::string::npos) {
        result.outcome = ExpansionOutcome::Failed;
        result.error = std::string(line) + ": substitution failed";
        return result;
    }
    result.outcome = ExpansionOutcome::Expanded;
    result.text = previous->text;
    result.text.replace(at, old_text.size(), new_text);
    result.text += rest;
    return result;
}

}  // namespace

std::vector<std::string> history_words(std::string_view command) {
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;
    char quote = 0;
    auto finish = [&] {
        if (in_word) words.push_back(std::move(word));
        word.clear();
        in_word = false;
    };
    for (std::size_t i = 0; i < command.size(); ++i) {
        char c = command[i];
        if (quote != 0) {
            word += c;
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '\\' && i + 1 < command.size()) {
            word += c;
            word += command[++i];
            in_word = true;
        } else if (c == '\'' || c == '"') {
            quote = c;
            word += c;
            in_word = true;
        } else if (is_blank(c)) {
            finish();
        } else if (is_operator(c)) {
            finish();
            std::string op(1, c);
            // `&&`, `||`, `;;`, `>>`, `<<` are one operator.
            if (i + 1 < command.size() && command[i + 1] == c && c != '(' && c != ')')
                op += command[++i];
            words.push_back(std::move(op));
        } else {
            word += c;
            in_word = true;
        }
    }
    finish();
    return words;
}

HistoryExpansion expand_history(std::string_view line, const History& history) {
    const Entries& list = history.entries();
    if (!line.empty() && line[0] == '^') return quick_substitution(line, list);
    HistoryExpansion result;
    bool changed = false;
    bool in_double = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c == '\\' && i + 1 < line.size()) {
            result.text += c;
            result.text += line[++i];
            continue;
        }
        if (c == '\'' && !in_double) {
            std::size_t close = line.find('\'', i + 1);
            std::size_t end = close == std::string_view::npos ? line.size() : close + 1;
            result.text += line.substr(i, end - i);
            i = end - 1;
            continue;
        }
        if (c == '"') in_double = !in_double;
        bool after_dollar = i > 0 && line[i - 1] == '$';
        bool after_brace = i > 1 && line[i - 1] == '{' && line[i - 2] == '$';
        if (c != '!' || ends_bang(line, i + 1) || after_dollar || after_brace) {
            result.text += c;
            continue;
        }
        Reference ref = event(list, line, i);
        if (!ref.text) {
            result.outcome = ExpansionOutcome::Failed;
            result.error = std::string(line.substr(i, ref.length)) + ": event not found";
            result.text.clear();
            return result;
        }
        result.text += *ref.text;
        i += ref.length - 1;
        changed = true;
    }
    result.outcome = changed ? ExpansionOutcome::Expanded : ExpansionOutcome::Unchanged;
    return result;
}

}  // namespace vsh
