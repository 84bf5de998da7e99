#include "shell/interactive/completion_edit.hpp"

#include <algorithm>

#include "shell/interactive/completion.hpp"
#include "shell/interactive/completion_quote.hpp"

namespace vsh::interactive {
namespace {

// Kinds whose candidates are inserted as they are: their leading `$`, `~` or `%` must stay
// special, and the names themselves hold nothing that needs quoting.
bool inserted_verbatim(CompletionKind kind) {
    return kind == CompletionKind::VariableName || kind == CompletionKind::UserName ||
           kind == CompletionKind::BackendName || kind == CompletionKind::OptionName ||
           kind == CompletionKind::JobSpec;
}

std::string common_prefix(const std::vector<std::string>& names) {
    std::string prefix = names.front();
    for (const std::string& name : names) {
        std::size_t n = 0;
        while (n < prefix.size() && n < name.size() && prefix[n] == name[n]) ++n;
        prefix.resize(n);
    }
    return prefix;
}

// The name as the list shows it: a path's last component (with its `/` for a directory),
// a backend without the `--backend=` before it.
std::string shown_name(const std::string& candidate, CompletionKind kind) {
    std::string_view name = candidate;
    if (kind == CompletionKind::BackendName) return std::string(name.substr(name.rfind('=') + 1));
    std::string_view without_slash = name.ends_with('/') ? name.substr(0, name.size() - 1) : name;
    std::size_t slash = without_slash.rfind('/');
    return std::string(slash == std::string_view::npos ? name : name.substr(slash + 1));
}

// The candidates for the word, trying the value of a `NAME=value` or `--opt=value` word as a
// file name when the word as a whole matches nothing.
std::vector<std::string> candidates_for(const Shell& sh, CompletionKind kind,
                                        const std::string& value) {
    std::vector<std::string> found = completion_candidates(sh, kind, value);
    if (kind == CompletionKind::CommandName && found.empty())
        found = completion_candidates(sh, CompletionKind::FileName, value);
    std::size_t eq = value.find('=');
    if (!found.empty() || eq == std::string::npos || value.find('/') < eq ||
        (kind != CompletionKind::CommandName && kind != CompletionKind::FileName)) {
        return found;
    }
    std::string lead = value.substr(0, eq + 1);
    for (std::string& file :
         completion_candidates(sh, CompletionKind::FileName, value.substr(eq + 1)))
        found.push_back(lead + file);
    return found;
}

// What follows a unique candidate: a directory (or `~login`) goes on with `/`; anything else
// is finished, so the open quote is closed and a space starts the next word.
std::string suffix_after(const std::string& candidate, CompletionKind kind, QuoteContext quote) {
    if (kind == CompletionKind::UserName) return "/";
    if (candidate.ends_with('/')) return "";
    return std::string(closing_quote(quote)) + " ";
}

}  // namespace

CompletionEdit plan_completion(const Shell& sh, std::string_view line, std::size_t replace_from) {
    CompletionEdit edit;
    const PartialWord word = read_partial_word(line);
    if (replace_from < word.start || replace_from > line.size()) return edit;
    std::string_view raw_word = line.substr(word.start);
    std::string_view replaced = line.substr(replace_from);
    // The part of the word before replace_from stays as typed; what replaces the rest is
    // quoted for the quote open at replace_from.
    const PartialWord kept = read_partial_word(line.substr(0, replace_from));
    std::string kept_value = kept.start == word.start ? kept.value : std::string();
    // A `~` the user typed unquoted at the start is meant to expand (`~/Do`): not escaped.
    const WordStart start =
        replace_from == word.start && !raw_word.starts_with('~') ? WordStart::Yes : WordStart::No;

    CompletionKind kind = completion_kind(line.substr(0, word.start), raw_word);
    std::vector<std::string> candidates;
    if (replaced.starts_with('$') &&
        completion_kind("", replaced) == CompletionKind::VariableName) {
        // A `$` after an opening quote or an `=` ("$HO, X=$HO) still names a variable.
        kind = CompletionKind::VariableName;
        candidates = completion_candidates(sh, kind, replaced);
        kept_value.clear();
    } else {
        candidates = candidates_for(sh, kind, word.value);
        std::erase_if(candidates, [&](const std::string& c) { return !c.starts_with(kept_value); });
    }
    if (candidates.empty()) return edit;
    edit.found = true;

    auto quoted = [&](std::string_view rest) {
        return inserted_verbatim(kind) ? std::string(rest)
                                       : quote_for_completion(rest, kept.open_quote, start);
    };
    if (candidates.size() == 1) {
        const std::string& only = candidates.front();
        edit.replacement = quoted(std::string_view(only).substr(kept_value.size())) +
                           suffix_after(only, kind, kept.open_quote);
        return edit;
    }
    edit.replacement =
        quoted(std::string_view(common_prefix(candidates)).substr(kept_value.size()));
    for (const std::string& c : candidates) edit.choices.push_back(shown_name(c, kind));
    return edit;
}

}  // namespace vsh::interactive
