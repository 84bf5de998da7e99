// A pipeline of two or more commands: each stage spawned or forked from this shell, joined by
// pipes, in one process group under job control; then waited for as one foreground job, or
// entered in the job table as one background job.
#pragma once

#include <vector>

#include "shell/ast/ast.hpp"
#include "shell/exec/exec_context.hpp"
#include "shell/exec/spawn.hpp"

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

// The stages of a $(a | b)'s pipeline, started from this shell with no child shell between
// (capture.cpp): the last one writes to `write_end`, and `read_end` is the shell's. Not
// waited for: the caller reads the output, then waits (pipeline_status_of for the status).
std::vector<StartedProcess> start_capture_stages(Shell& sh, ChildRunner& runner,
                                                 const ast::Pipeline& pipeline, int write_end,
                                                 int read_end);
int pipeline_status_of(const Shell& sh, const std::vector<int>& wait_statuses);

}  // namespace vsh
