// Every builtin function, declared once; builtins/table.cpp lists them with their class.
#pragma once

#include <span>
#include <string>

namespace vsh {

class Shell;
using Args = std::span<const std::string>;

// Special builtins (XCU 2.15).
int builtin_colon(Shell&, Args);
int builtin_dot(Shell&, Args);
int builtin_break(Shell&, Args);
int builtin_continue(Shell&, Args);
int builtin_eval(Shell&, Args);
int builtin_exec(Shell&, Args);
int builtin_exit(Shell&, Args);
int builtin_export(Shell&, Args);
int builtin_readonly(Shell&, Args);
int builtin_return(Shell&, Args);
int builtin_set(Shell&, Args);
int builtin_shift(Shell&, Args);
int builtin_times(Shell&, Args);
int builtin_trap(Shell&, Args);
int builtin_unset(Shell&, Args);

// Regular builtins.
int builtin_alias(Shell&, Args);
int builtin_backend(Shell&, Args);
int builtin_bg(Shell&, Args);
int builtin_cd(Shell&, Args);
int builtin_command(Shell&, Args);
int builtin_echo(Shell&, Args);
int builtin_false(Shell&, Args);
int builtin_fc(Shell&, Args);
int builtin_fg(Shell&, Args);
int builtin_getopts(Shell&, Args);
int builtin_hash(Shell&, Args);
int builtin_history(Shell&, Args);
int builtin_jobs(Shell&, Args);
int builtin_kill(Shell&, Args);
int builtin_local(Shell&, Args);
int builtin_logout(Shell&, Args);
int builtin_printf(Shell&, Args);
int builtin_pwd(Shell&, Args);
int builtin_read(Shell&, Args);
int builtin_test(Shell&, Args);  // Also `[` (it checks argv[0] for the closing `]`).
int builtin_true(Shell&, Args);
int builtin_type(Shell&, Args);
int builtin_ulimit(Shell&, Args);
int builtin_umask(Shell&, Args);
int builtin_unalias(Shell&, Args);
int builtin_wait(Shell&, Args);

// Regular builtins that are bash extensions (issue 12: habits of bash users).
int builtin_dirs(Shell&, Args);
int builtin_disown(Shell&, Args);
int builtin_help(Shell&, Args);
int builtin_popd(Shell&, Args);
int builtin_pushd(Shell&, Args);
int builtin_source(Shell&, Args);

}  // namespace vsh
