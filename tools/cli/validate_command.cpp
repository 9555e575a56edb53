// omnisim validate: load the scenario as a run would, and say what it holds.
#include <string>

#include "models/scenario/loader.hpp"
#include "tools/cli/commands.hpp"
#include "tools/results/visible_text.hpp"

namespace omnisim {
namespace {

std::string count(std::size_t n, const std::string& singular, const std::string& plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

}  // namespace

void validate_command(const ValidateOptions& options, std::ostream& out) {
  const retail::Scenario scenario =
      retail::load_scenario(options.scenario, options.overrides).scenario;
  out << "Scenario '" << terminal_text(scenario.name) << "' ("
      << terminal_text(options.scenario.string())
      << "): " << count(scenario.catalog.skus.size(), "SKU", "SKUs") << " in "
      << count(scenario.catalog.categories.size(), "category", "categories") << ", "
      << count(scenario.zones.size(), "zone", "zones") << ", "
      << count(scenario.stores.size(), "store", "stores") << ", "
      << count(scenario.dcs.size(), "DC", "DCs") << ", "
      << count(scenario.carriers.size(), "carrier", "carriers") << ", "
      << count(scenario.control_tower.rules.size(), "control-tower rule", "control-tower rules")
      << "; a horizon of " << count(scenario.horizon_days, "day", "days") << ", "
      << count(scenario.replications, "replication", "replications") << " from seed "
      << std::to_string(scenario.seed);
  if (!options.overrides.empty()) {
    out << ", with " << count(options.overrides.size(), "override", "overrides");
  }
  out << ".\nok\n";
}

}  // namespace omnisim
