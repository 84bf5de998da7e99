// RANDOM and SECONDS (bash extensions): variables whose value is computed each time it is
// read. Nothing is computed at start-up beyond one clock read, so scripts that never read
// them pay nothing (start-up time of `vsh -c true` is a benchmarked figure).
#pragma once

#include <sys/types.h>
#include <cstdint>
#include <string>
#include <string_view>

namespace vsh {

// Which computed meaning a variable slot has; `unset` removes the slot and with it the meaning
// (as bash), after which the name is an ordinary variable.
enum class Dynamic : unsigned char { None, Random, Seconds };

// The Dynamic kind a variable of this name starts with.
[[nodiscard]] Dynamic dynamic_kind_of(std::string_view name);

class DynamicValues {
  public:
    DynamicValues();

    // The current value; valid until the next call.
    [[nodiscard]] const std::string* value_of(Dynamic kind) const;
    // An assignment: RANDOM=n seeds the generator (the same seed gives the same sequence),
    // SECONDS=n makes the count go on from n.
    void assign(Dynamic kind, std::string_view value);
    // The next read of RANDOM seeds the generator afresh, as in a forked subshell.
    void reseed_on_next_read() { seeded_by_ = 0; }

  private:
    [[nodiscard]] std::uint32_t next_random() const;

    // Park-Miller generator state (1..2^31-2); 0 until first seeded. Mutable because reading
    // $RANDOM advances it.
    mutable std::uint32_t random_state_ = 0;
    // The process that seeded the generator: a subshell (a fork) seeds again, or two
    // `$(echo $RANDOM)` would print the same number (bash does the same).
    mutable pid_t seeded_by_ = 0;
    std::int64_t seconds_base_;  // Monotonic second at which SECONDS was 0.
    mutable std::string text_;
};

}  // namespace vsh
