// `vsh --timing-report [--json] FILE`: a summary of a VSH_TIMING_LOG.
#pragma once

namespace vsh {

// argv holds the arguments after --timing-report. Returns the exit status.
int timing_report_main(int argc, char** argv);

}  // namespace vsh
