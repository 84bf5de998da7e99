#include "shell/interactive/interactive.hpp"

#include <unistd.h>

#include "shell/core/shell.hpp"
#include "shell/exec/executor.hpp"
#include "shell/jobs/jobs.hpp"
#include "shell/parser/fd_source.hpp"
#include "shell/traps/traps.hpp"

namespace vsh {

namespace {

// Reads lines from the terminal, writing PS1/PS2 to stderr first.
class PromptSource final : public InputSource {
public:
    explicit PromptSource(Shell& sh) : sh_(sh), fd_(0) {}
    bool read_line(std::string& buffer, Prompt prompt) override {
        sh_.jobs->reap_nonblocking();
        const std::string* ps = sh_.vars.get(prompt == Prompt::Primary ? "PS1" : "PS2");
        if (ps != nullptr) {
            sh_.err.write(*ps);
            sh_.err.flush();
        }
        return fd_.read_line(buffer, prompt);
    }

private:
    Shell& sh_;
    FdSource fd_;
};

}  // namespace

int run_interactive(Shell& sh) {
    if (sh.vars.get("PS1") == nullptr) (void)sh.vars.set("PS1", geteuid() == 0 ? "# " : "$ ");
    sh.source_name.clear();
    sh.traps->setup_interactive(sh.options.monitor);
    PromptSource source(sh);
    int status = 0;
    for (;;) {
        try {
            status = sh.executor->run_source(source, true);
        } catch (const FatalError& e) {
            status = e.status;
            continue;
        }
        break;
    }
    if (sh.jump == Jump::Exit) status = sh.last_status;
    sh.executor->exit_shell(status);
}

}  // namespace vsh
