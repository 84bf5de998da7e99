#include "shell/timing/record_format.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include "shell/timing/json_writer.hpp"
#include "shell/traps/signals.hpp"

namespace vsh {

std::string wait_status_text(int wait_status) {
    if (WIFSIGNALED(wait_status)) {
        int number = WTERMSIG(wait_status);
        std::string_view name = signal_name(number);
        std::string text =
            name.empty() ? "signal " + std::to_string(number) : "SIG" + std::string(name);
        if (WCOREDUMP(wait_status)) text += " (core dumped)";
        return text;
    }
    if (WIFEXITED(wait_status)) return std::to_string(WEXITSTATUS(wait_status));
    return "unknown";
}

std::int64_t timeval_us(const struct timeval& tv) {
    return static_cast<std::int64_t>(tv.tv_sec) * 1000000 + tv.tv_usec;
}

const std::string& host_name() {
    // Asked once per shell: a record must cost no system call it can avoid.
    static const std::string name = [] {
        char buf[256] = {};
        if (gethostname(buf, sizeof buf - 1) != 0) return std::string("?");
        return std::string(buf);
    }();
    return name;
}

std::string timing_record_json(const ProcessRecord& record, pid_t shell_pid) {
    std::string line;
    line.reserve(320 + record.command.size());
    line += "{\"time\":";
    append_json_seconds(line, record.start_unix_ns);
    line += ",\"shell_pid\":";
    append_json_integer(line, shell_pid);
    line += ",\"child_pid\":";
    append_json_integer(line, record.pid);
    line += ",\"backend\":";
    append_json_string(line, record.backend != nullptr ? record.backend : "");
    line += ",\"fallback\":";
    if (record.fallback != nullptr) {
        append_json_string(line, record.fallback);
    } else {
        line += "null";
    }
    line += ",\"shell_code\":";
    line += record.shell_code ? "true" : "false";
    line += ",\"spawn_us\":";
    append_json_integer(line, record.spawn_ns / 1000);
    line += ",\"wall_us\":";
    append_json_integer(line, record.wall_ns / 1000);
    // Only for job control: a process that stopped, and how a stop before exec is handled.
    if (record.stops != 0) {
        line += ",\"stops\":";
        append_json_integer(line, record.stops);
        line += ",\"stopped_us\":";
        append_json_integer(line, record.stopped_ns / 1000);
    }
    if (record.early_stop != nullptr) {
        line += ",\"early_stop\":";
        append_json_string(line, record.early_stop);
    }
    line += ",\"user_us\":";
    append_json_integer(line, timeval_us(record.usage.ru_utime));
    line += ",\"sys_us\":";
    append_json_integer(line, timeval_us(record.usage.ru_stime));
    line += ",\"max_rss_kb\":";
    append_json_integer(line, record.usage.ru_maxrss);
    line += ",\"status\":";
    if (WIFSIGNALED(record.wait_status)) {
        append_json_string(line, wait_status_text(record.wait_status));
    } else {
        append_json_integer(line, WEXITSTATUS(record.wait_status));
    }
    line += ",\"argv0\":";
    append_json_string(line, record.command);
    line += ",\"shell_rss_kb\":";
    append_json_integer(line, record.shell_rss_kb);
    // For merging logs: the start on the host's monotonic clock (immune to clock steps, one
    // time axis for the shells of one boot) and the host that wrote the record.
    if (record.start_monotonic_ns != 0) {
        line += ",\"mono\":";
        append_json_seconds(line, record.start_monotonic_ns);
    }
    line += ",\"host\":";
    append_json_string(line, host_name());
    line += "}\n";
    return line;
}

}  // namespace vsh
