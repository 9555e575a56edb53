// Loading a scenario: JSON file -> extends and --set overrides resolved -> validated
// retail::Scenario.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "models/scenario/scenario.hpp"

namespace retail {

// Bad scenario input; what() names the file (when there is one), the JSON path (as a JSON pointer
// such as /network/stores/3/zone), the bad value and what was expected.
class ScenarioError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct LoadedScenario {
  Scenario scenario;
  nlohmann::json document;  // after extends and overrides
};

// Reads `file`, resolves `extends` (recursively, relative to the extending file, cycles are
// errors), applies `--set` overrides, validates, converts.
LoadedScenario load_scenario(const std::filesystem::path& file,
                             const std::vector<std::string>& overrides = {});

// Validates and converts an already-resolved document.
Scenario parse_scenario(const nlohmann::json& document);

// Applies one "path=value" override to `document` (used by load_scenario; exposed for tests and
// fuzzing). The path is dotted (network.dcs.0.pickers) or a JSON pointer (/network/dcs/0/pickers);
// an array element may be named by its "name" (carriers.parcelco.capacity_per_day). The value is
// JSON when it parses as JSON, else a string; null deletes an object member.
void apply_override(nlohmann::json& document, std::string_view assignment);

// Parses scenario text; `source` names it in errors (a file name, or empty). Malformed JSON, bad
// UTF-8 and duplicate object keys are ScenarioErrors with line and column.
nlohmann::json parse_scenario_text(std::string_view text, std::string_view source);

}  // namespace retail
