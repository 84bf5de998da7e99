#include "shell/base/locale.hpp"

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace vsh {

namespace {

bool loaded = false;
// Set once a locale variable changed in the shell: the names below replace the environment.
bool from_variables = false;
// For LC_CTYPE and LC_COLLATE: the non-empty values of LC_ALL, LC_<category> and LANG, in
// that order of precedence.
std::vector<std::string> ctype_names;
std::vector<std::string> collate_names;

std::vector<std::string> locale_names(const LocaleLookup& lookup, std::string_view category) {
    std::vector<std::string> names;
    for (std::string_view name : {std::string_view("LC_ALL"), category, std::string_view("LANG")}) {
        const std::string* value = lookup(name);
        if (value != nullptr && !value->empty()) names.push_back(*value);
    }
    return names;
}

// The first name the system knows wins; a name it does not know is passed over, and none at
// all gives the C locale.
void load(int category, const std::vector<std::string>& names) {
    for (const std::string& name : names)
        if (std::setlocale(category, name.c_str()) != nullptr) return;
    std::setlocale(category, "C");
}

}  // namespace

void ensure_locale() {
    if (loaded) return;
    loaded = true;
    if (from_variables) {
        load(LC_CTYPE, ctype_names);
        load(LC_COLLATE, collate_names);
        return;
    }
    for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        const char* v = std::getenv(name);
        if (v == nullptr || *v == '\0') continue;
        if (std::strcmp(v, "C") != 0 && std::strcmp(v, "POSIX") != 0) {
            std::setlocale(LC_CTYPE, "");
            std::setlocale(LC_COLLATE, "");
        }
        return;
    }
}

void locale_variables_changed(const LocaleLookup& lookup) {
    std::vector<std::string> ctype = locale_names(lookup, "LC_CTYPE");
    std::vector<std::string> collate = locale_names(lookup, "LC_COLLATE");
    if (from_variables && ctype == ctype_names && collate == collate_names) return;
    ctype_names = std::move(ctype);
    collate_names = std::move(collate);
    from_variables = true;
    loaded = false;
}

}  // namespace vsh
