// A syntax tree turned back into one line of shell text: what `jobs`, the `[n] pid` notice,
// the Done/Stopped notices and fg/bg show for a job (XCU jobs: "the associated command as it
// was given to the shell").
//
// The text is rebuilt from the tree, not copied from the source, so it is one line whatever
// the source looked like: bodies written over several lines are joined with "; ", comments
// are gone, and a here-document shows as its operator and delimiter (`<<EOF`) without its
// body (dash shows `<<...`; bash and mksh print the body, over several lines). Words are
// shown as written, unexpanded, with their quoting; the tree keeps what the quotes meant,
// not how they were spelled, so `'a'` and `\a` both come back in one canonical form (a
// single quoted character with a backslash, more in single quotes, control characters in
// $'...'), and a newline inside double quotes as "..."$'\n'"...". Whatever form is chosen,
// the text reads back as the same command.
#pragma once

#include <string>

#include "shell/ast/ast.hpp"

namespace vsh::ast {

// `command` with its redirections, on one line: `{ sleep 1; }`, `(cd /; make)`,
// `while :; do sleep 1; done`, `x=1 cmd "$@" >out 2>&1`.
std::string format_command(const Command& command);

// A pipeline: `a | b`, `! a | b`.
std::string format_pipeline(const Pipeline& pipeline);

// One word as written: `"$x"`, `${y:-'z'}`, `$(cmd)`.
std::string format_word(const Word& word);

// A redirection operator as written: `<`, `>|`, `<<`.
const char* redirection_operator(RedirOp op);

// The operator of `${name OP word}` as written (`:-`, `%%`); "" for `${name}` and `${#name}`.
const char* parameter_operator(ParamOp op, bool colon);

}  // namespace vsh::ast
