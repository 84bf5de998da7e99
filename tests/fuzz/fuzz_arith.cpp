// libFuzzer target: the arithmetic evaluator (shell/expand/arith.hpp) on arbitrary
// expressions, with a small table of variables (some set, one readonly, one holding a value
// that is not an integer constant). Assignments go to the table, so `x += 1, x *= x` chains
// see their own results. Also parse_arith_integer on the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>

#include "shell/expand/arith.hpp"

namespace {

class TableEnv final : public vsh::ArithEnv {
  public:
    explicit TableEnv(bool nounset) : nounset_(nounset) {
        vars_["x"] = "5";
        vars_["y"] = "-0x10";
        vars_["z"] = "  017 ";
        vars_["big"] = "9223372036854775807";
        vars_["word"] = "1+1";  // Not a constant: an error when used.
        vars_["ro"] = "3";
        vars_["e"] = "";
    }
    const std::string* get(std::string_view name) override {
        auto it = vars_.find(name);
        return it == vars_.end() ? nullptr : &it->second;
    }
    bool set(std::string_view name, std::string_view value) override {
        if (name == "ro") return false;
        vars_[std::string(name)] = std::string(value);
        return true;
    }
    bool nounset() const override { return nounset_; }

  private:
    std::map<std::string, std::string, std::less<>> vars_;
    bool nounset_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // An odd length turns nounset on: both ways of treating an unset name get inputs.
    TableEnv env(size % 2 == 1);
    vsh::ArithResult result = vsh::evaluate_arith(text, env);
    if (result.ok != result.error.empty()) {
        std::fprintf(stderr, "fuzz_arith: ok=%d but error=\"%s\"\n", result.ok,
                     result.error.c_str());
        std::abort();
    }
    std::int64_t value = 0;
    (void)vsh::parse_arith_integer(text, value);
    return 0;
}
