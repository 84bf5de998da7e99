// `vsh --timing-report --trace LOG...`: timing logs as a Chrome Trace Event file (the JSON
// Object Format, {"traceEvents":[...]}), which Perfetto and chrome://tracing open.
//
// Layout: each shell is a process track (pid = the shell's pid, named "vsh PID" and, when
// another record of the logs created it, after that record's command); each process the shell
// created is a thread track inside it (tid = the child's pid) holding one complete event
// ("ph":"X") for its whole life, with the spawn latency as a slice nested at its start. Times
// are microseconds from the earliest record of all the logs given (that instant, in unix
// microseconds, is in "otherData"). Each (log, host) pair gets its own range of ids, offset by
// 4194304 (Linux's largest pid) × its index in order of appearance, so logs of several hosts
// or runs never share a track.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vsh {

struct TimingLogText {
    std::string name;  // For messages: the file name, or "standard input".
    std::string_view text;
};

struct TraceExport {
    std::string json;                        // The whole trace, one event per line.
    std::size_t records = 0;                 // Records turned into events.
    std::size_t skipped = 0;                 // Lines that were not a record.
    std::vector<std::string> skipped_where;  // "name:line" of the first few skipped lines.
};

[[nodiscard]] TraceExport chrome_trace(const std::vector<TimingLogText>& logs);

// argv holds the arguments after --trace (the log files; "-" is standard input). Writes the
// trace to standard output; returns the exit status.
int timing_trace_main(int argc, char** argv);

}  // namespace vsh
