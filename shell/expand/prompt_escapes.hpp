// bash's backslash escapes in PS1, PS2 and PS4 (\u, \w, \t, \[ ...): the first step of
// showing a prompt, before parameter, command and arithmetic expansion (bash's promptvars).
#pragma once

#include <ctime>
#include <string>
#include <string_view>

namespace vsh {
class Shell;

// What the escapes stand for. Asked only for the escapes a prompt uses, so a PS4 without
// \h never looks up the host name, and a test can pin every answer.
class PromptFacts {
  public:
    virtual ~PromptFacts() = default;
    [[nodiscard]] virtual std::string user() const = 0;               // \u
    [[nodiscard]] virtual std::string host() const = 0;               // \H (\h: up to the first .)
    [[nodiscard]] virtual std::string working_directory() const = 0;  // \w, \W
    [[nodiscard]] virtual std::string home() const = 0;               // For \w and \W: ~
    [[nodiscard]] virtual std::string shell_name() const = 0;         // \s
    [[nodiscard]] virtual int job_count() const = 0;                  // \j
    [[nodiscard]] virtual int history_number() const = 0;             // \!
    [[nodiscard]] virtual int command_number() const = 0;             // \#
    [[nodiscard]] virtual bool is_root() const = 0;                   // \$
    [[nodiscard]] virtual std::tm now() const = 0;                    // \t \T \@ \A \d \D{}
};

// Replaces each escape by its text. A character that $, ` or \ would act on in the expansion
// that follows ($ from \$, a directory named `$x`) gets a backslash in front, so the escape's
// text is shown as it is; `\[` and `\]` become \001 and \002, readline's markers around
// characters that take no room on the screen. An unknown escape is kept as written.
[[nodiscard]] std::string decode_prompt_escapes(std::string_view text, const PromptFacts& facts);

// The facts of the running shell: $HOME, $PWD, $0, its jobs and history.
class ShellPromptFacts final : public PromptFacts {
  public:
    // `history_number` and `command_number` are the caller's: the interactive session counts
    // the commands it read, a script has neither (0).
    ShellPromptFacts(Shell& sh, int history_number, int command_number)
        : sh_(sh), history_number_(history_number), command_number_(command_number) {}
    [[nodiscard]] std::string user() const override;
    [[nodiscard]] std::string host() const override;
    [[nodiscard]] std::string working_directory() const override;
    [[nodiscard]] std::string home() const override;
    [[nodiscard]] std::string shell_name() const override;
    [[nodiscard]] int job_count() const override;
    [[nodiscard]] int history_number() const override;
    [[nodiscard]] int command_number() const override;
    [[nodiscard]] bool is_root() const override;
    [[nodiscard]] std::tm now() const override;

  private:
    Shell& sh_;
    int history_number_;
    int command_number_;
};

}  // namespace vsh
