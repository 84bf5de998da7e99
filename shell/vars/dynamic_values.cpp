#include "shell/vars/dynamic_values.hpp"

#include <time.h>
#include <unistd.h>

#include <charconv>

namespace vsh {

namespace {

constexpr std::uint32_t kModulus = 2147483647;  // 2^31 - 1, prime.

std::int64_t monotonic_seconds() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec;
}

// A state in 1..kModulus-1: the generator never leaves 0 once there.
std::uint32_t state_from(std::uint64_t seed) {
    return static_cast<std::uint32_t>(seed % (kModulus - 1)) + 1;
}

// The integer an assigned value names, as arithmetic would read a plain decimal; anything
// else counts as 0 (bash evaluates it arithmetically; a seed needs no more).
std::int64_t integer_of(std::string_view text) {
    std::int64_t n = 0;
    const char* first = text.data();
    if (!text.empty() && text.front() == '+') ++first;
    auto [end, error] = std::from_chars(first, text.data() + text.size(), n);
    return error == std::errc() && end == text.data() + text.size() ? n : 0;
}

}  // namespace

Dynamic dynamic_kind_of(std::string_view name) {
    if (name == "RANDOM") return Dynamic::Random;
    if (name == "SECONDS") return Dynamic::Seconds;
    return Dynamic::None;
}

DynamicValues::DynamicValues() : seconds_base_(monotonic_seconds()) {}

std::uint32_t DynamicValues::next_random() const {
    if (random_state_ == 0 || seeded_by_ != getpid()) {
        timespec now{};
        clock_gettime(CLOCK_REALTIME, &now);
        auto mixed = static_cast<std::uint64_t>(now.tv_nsec) ^
                     (static_cast<std::uint64_t>(now.tv_sec) << 20) ^
                     (static_cast<std::uint64_t>(getpid()) << 40) ^ random_state_;
        random_state_ = state_from(mixed);
        seeded_by_ = getpid();
    }
    random_state_ = static_cast<std::uint32_t>(std::uint64_t{random_state_} * 48271 % kModulus);
    // The high bits of a Lehmer generator are its best ones.
    return (random_state_ >> 15) & 32767;
}

const std::string* DynamicValues::value_of(Dynamic kind) const {
    if (kind == Dynamic::Random) {
        text_ = std::to_string(next_random());
    } else {
        text_ = std::to_string(monotonic_seconds() - seconds_base_);
    }
    return &text_;
}

void DynamicValues::assign(Dynamic kind, std::string_view value) {
    std::int64_t n = integer_of(value);
    if (kind == Dynamic::Random) {
        random_state_ = state_from(static_cast<std::uint64_t>(n));
        seeded_by_ = getpid();
    } else {
        seconds_base_ = monotonic_seconds() - n;
    }
}

}  // namespace vsh
