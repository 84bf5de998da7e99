// csh-style history expansion (`!!`, `!n`, `!-n`, `!str`, `!?str?`, `!$`, `!^`, `!*`,
// `^old^new`), done by an interactive shell on each line it reads, before the parser sees it.
// Scripts and `-c` never come here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shell/history/history.hpp"

namespace vsh {

enum class ExpansionOutcome : unsigned char {
    Unchanged,  // No expansion in the line: `text` is the line as it was.
    Expanded,   // `text` is the expanded line (shown to the user, then run and saved).
    Failed,     // `error` says why (e.g. "!foo: event not found"); the line is not run.
};

struct HistoryExpansion {
    ExpansionOutcome outcome = ExpansionOutcome::Unchanged;
    std::string text;
    std::string error;
};

// Expands the history references in one input line (without its newline) against `history`,
// whose last entry is the previous command. As in bash: `!` followed by a blank, `=`, `(`,
// `"` or the end of the line stays, so does `$!` and `${!`, and nothing inside single quotes
// or after a backslash is expanded. `^old^new[^]` is only recognised at the start of a line.
[[nodiscard]] HistoryExpansion expand_history(std::string_view line, const History& history);

// The words of a command as `!$`, `!^` and `!*` see them: blank-separated, quotes kept whole,
// and each of the operators | & ; < > ( ) a word of its own.
[[nodiscard]] std::vector<std::string> history_words(std::string_view command);

}  // namespace vsh
