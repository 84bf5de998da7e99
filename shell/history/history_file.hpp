// The history file shared by every shell of a user. Design (so that any number of shells
// open at once never lose or interleave a line): each command is appended as one record
// ("#<seconds>\n<command>\n") with one write(2), O_APPEND, while holding an fcntl write lock on
// the whole file; readers take a read lock; trimming to HISTFILESIZE writes the kept entries to
// a new file and renames it over the old one under the write lock, so a full disk never cuts
// the history. Only a regular file is read or written (HISTFILE=/dev/zero is refused), and at
// most its last 64 MiB are read. Every descriptor is O_CLOEXEC and the file is created 0600.
#pragma once

#include <ctime>
#include <string>
#include <string_view>

namespace vsh {

class History;

// One entry in the file's timestamped form, as History::load reads it back.
[[nodiscard]] std::string history_record(std::string_view command, std::time_t when);

// Appends `records` (whole records, see history_record) in one locked write. Returns false
// when the file cannot be opened or written.
[[nodiscard]] bool append_history_records(const std::string& path, std::string_view records);

// Loads the file into `history` under a read lock (a missing file is an empty history).
bool load_history_file(const std::string& path, History& history);

// Keeps only the newest `max_entries` entries of the file (HISTFILESIZE), under the write
// lock so that no shell appends while the file is rewritten.
bool trim_history_file(const std::string& path, int max_entries);

}  // namespace vsh
