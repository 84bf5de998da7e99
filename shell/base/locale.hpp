// The locale, loaded on first need. Loading it (setlocale) reads several files and costs more
// than the rest of a `vsh -c true` start-up, so only the code that depends on the character
// set or the collation order asks for it: pattern matching, pathname expansion, ${#x}.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace vsh {

// Sets LC_CTYPE and LC_COLLATE the first time it is called after start-up or after a change
// of the locale variables: from the environment at first (doing nothing for a C or POSIX
// locale), then from the shell's own LC_ALL, LC_CTYPE, LC_COLLATE and LANG.
void ensure_locale();

// Called when the shell's LC_ALL, LC_CTYPE, LC_COLLATE or LANG is assigned or unset: the next
// ensure_locale() loads the locales they now name (XCU 2.5.3: they govern how the shell
// reads characters and matches patterns). For each category the first of LC_ALL,
// LC_<category> and LANG that is set, not empty and names a locale the system has wins;
// none at all is the C locale.
// `lookup` gives a shell variable's value, or null when it is unset (base/ does not know the
// variable table).
using LocaleLookup = std::function<const std::string*(std::string_view name)>;
void locale_variables_changed(const LocaleLookup& lookup);

}  // namespace vsh
