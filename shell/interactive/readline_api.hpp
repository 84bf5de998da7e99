// GNU Readline, reached through a table of pointers: filled by dlopen/dlsym at run time in the
// dynamic build, or pointing at the linked-in library in the static one (CMakeLists.txt).
//
// A dynamic vsh does not link libreadline: a non-interactive `vsh -c` must not pay for loading it
// (DESIGN.md). The readline headers are included only for the declarations, so every pointer
// in the table has exactly the type of the function or variable it names (decltype), and a
// mismatch with the installed headers is a compile error, not a crash.
#pragma once

#include <stdio.h>

#include <readline/history.h>
#include <readline/readline.h>

#include <string>

namespace vsh::interactive {

// X-macro lists: the functions and variables vsh uses. Adding a name here adds its member and
// its dlsym; the loader fails cleanly if the library lacks any of them.
#define VSH_READLINE_FUNCTIONS(X)  \
    X(rl_callback_handler_install) \
    X(rl_callback_read_char)       \
    X(rl_callback_handler_remove)  \
    X(rl_callback_sigcleanup)      \
    X(rl_free_line_state)          \
    X(rl_replace_line)             \
    X(rl_resize_terminal)          \
    X(rl_forced_update_display)    \
    X(rl_redisplay)                \
    X(rl_reset_screen_size)        \
    X(rl_get_screen_size)          \
    X(rl_newline)                  \
    X(rl_add_defun)                \
    X(rl_get_keymap_by_name)       \
    X(rl_bind_keyseq_in_map)       \
    X(rl_variable_value)           \
    X(rl_variable_bind)            \
    X(rl_display_match_list)       \
    X(using_history)               \
    X(add_history)                 \
    X(stifle_history)

#define VSH_READLINE_VARIABLES(X)         \
    X(rl_readline_name)                   \
    X(rl_instream)                        \
    X(rl_outstream)                       \
    X(rl_catch_signals)                   \
    X(rl_catch_sigwinch)                  \
    X(rl_change_environment)              \
    X(rl_line_buffer)                     \
    X(rl_point)                           \
    X(rl_eof_found)                       \
    X(rl_editing_mode)                    \
    X(rl_getc_function)                   \
    X(rl_attempted_completion_function)   \
    X(rl_attempted_completion_over)       \
    X(rl_completion_append_character)     \
    X(rl_completion_suppress_append)      \
    X(rl_completion_suppress_quote)       \
    X(rl_completer_word_break_characters) \
    X(rl_completer_quote_characters)      \
    X(rl_char_is_quoted_p)                \
    X(rl_completion_display_matches_hook) \
    X(rl_completion_query_items)          \
    X(rl_readline_state)

// Members are named after the readline symbol they point to. Variables are reached through
// a pointer to them (`*api.rl_catch_signals = 0`).
struct ReadlineApi {
#define VSH_READLINE_MEMBER(name) decltype(&::name) name = nullptr;
    VSH_READLINE_FUNCTIONS(VSH_READLINE_MEMBER)
    VSH_READLINE_VARIABLES(VSH_READLINE_MEMBER)
#undef VSH_READLINE_MEMBER
};

// Loads libreadline.so.8 once. Returns null when it cannot be loaded or lacks a symbol, with
// the reason in `why`.
[[nodiscard]] const ReadlineApi* load_readline(std::string& why);

}  // namespace vsh::interactive
