// A shell set up as main sets one up: with its executor and its builtin table, so that code
// it runs (eval, trap actions, $(...), PROMPT_COMMAND) finds both.
#pragma once

#include "builtins/builtin_table.hpp"
#include "shell/core/shell.hpp"
#include "shell/exec/executor.hpp"

struct TestShell : vsh::Shell {
    TestShell() {
        vsh::install_executor(*this);
        vsh::install_builtins(*this);
    }
};
