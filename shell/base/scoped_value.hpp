// A value set for a scope and put back when the scope ends, also when an error unwinds out of
// it (the project's habit instead of `catch (...) { restore; throw; }`).
#pragma once

#include <utility>

namespace vsh {

// Sets `slot` to `value` for a scope, then back to what it was.
template <typename T>
class ScopedValue {
  public:
    ScopedValue(T& slot, T value) : slot_(slot), saved_(std::exchange(slot, std::move(value))) {}
    ~ScopedValue() { slot_ = std::move(saved_); }
    ScopedValue(const ScopedValue&) = delete;
    ScopedValue& operator=(const ScopedValue&) = delete;

  private:
    T& slot_;
    T saved_;
};

}  // namespace vsh
