// libFuzzer target: scenario text through parse_scenario_text and parse_scenario. Bad input must
// end as a ScenarioError; anything else escaping, a crash or a sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "models/scenario/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    retail::parse_scenario(retail::parse_scenario_text(text, "fuzz.json"));
  } catch (const retail::ScenarioError&) {
  }
  return 0;
}
