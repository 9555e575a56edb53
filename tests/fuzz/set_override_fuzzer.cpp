// libFuzzer target: --set assignments (one per line of the input) applied with apply_override to
// a copy of the example scenario, which is then validated. Bad assignments must end as a
// ScenarioError; anything else escaping, a crash or a sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "models/scenario/loader.hpp"

namespace {

const nlohmann::json& example() {
  static const nlohmann::json document = [] {
    std::ifstream in(EXAMPLE_SCENARIO, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return retail::parse_scenario_text(text, EXAMPLE_SCENARIO);
  }();
  return document;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view assignments(reinterpret_cast<const char*>(data), size);
  nlohmann::json document = example();
  try {
    while (!assignments.empty()) {
      const std::size_t newline = assignments.find('\n');
      retail::apply_override(document, assignments.substr(0, newline));
      assignments.remove_prefix(newline == std::string_view::npos ? assignments.size()
                                                                  : newline + 1);
    }
    retail::parse_scenario(document);
  } catch (const retail::ScenarioError&) {
  }
  return 0;
}
