// What one press of Tab does to the line: the candidates for the word before the cursor,
// turned into the text that replaces the part readline marked, quoted for where it goes, and
// the names to list when there are several. No terminal involved, so unit tests reach it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vsh {
class Shell;
}

namespace vsh::interactive {

struct CompletionEdit {
    // Whether anything matched; when not, the line stays as it is.
    bool found = false;
    // Replaces the line from `replace_from` to the cursor. With one candidate it is the whole
    // rest of the name, then the closing quote and a space (or just `/` after a directory);
    // with several, the part all of them share, quote left open.
    std::string replacement;
    // With several candidates, the names to list (a file's last component, `/` after a
    // directory); empty when there is one.
    std::vector<std::string> choices;
};

// `line` is the text up to the cursor; `replace_from` where the text to replace starts (readline
// splits words at `=` and quotes too, so this may lie inside the shell word being completed).
[[nodiscard]] CompletionEdit plan_completion(const Shell& sh, std::string_view line,
                                             std::size_t replace_from);

}  // namespace vsh::interactive
