// A pipeline of two or more commands: each stage spawned or forked from this shell, joined by
// pipes, in one process group under job control; then waited for as one foreground job, or
// entered in the job table as one background job.
#pragma once

#include "shell/ast/ast.hpp"
#include "shell/exec/exec_context.hpp"

namespace vsh {

class Shell;
class ChildRunner;

enum class PipelineRun : unsigned char {
    Foreground,  // Waited for; the status is the pipeline's.
    Background,  // `a | b &`: one job, nothing waited for; $! is the last stage.
};

// Runs `pipeline`; returns its status (0 in the background). `errexit` is the pipeline's
// context, which the stages that run shell code keep (XCU 2.8.1: `set -e` stays ignored in a
// subshell of an if condition, of a `!` pipeline or of the left of && and ||).
int run_pipeline_stages(Shell& sh, ChildRunner& runner, const ast::Pipeline& pipeline,
                        ErrExit errexit, PipelineRun run);

}  // namespace vsh
