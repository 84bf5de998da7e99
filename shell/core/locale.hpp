// The locale, loaded on first need. Loading it (setlocale) reads several files and costs more
// than the rest of a `vsh -c true` start-up, so only the code that depends on the character
// set or the collation order asks for it: pattern matching, pathname expansion, ${#x}.
#pragma once

namespace vsh {

// Sets LC_CTYPE and LC_COLLATE from the environment the first time it is called (and does
// nothing for a C or POSIX locale).
void ensure_locale();

}  // namespace vsh
