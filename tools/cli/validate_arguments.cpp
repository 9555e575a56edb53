// omnisim validate SCENARIO [--set PATH=VALUE]...
#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "models/scenario/loader.hpp"
#include "tools/cli/arguments.hpp"
#include "tools/cli/commands.hpp"
#include "tools/cli/options.hpp"

namespace omnisim {

ParsedCommand add_validate(CLI::App& app) {
  const auto validate = std::make_shared<ValidateOptions>();
  CLI::App* validate_app = app.add_subcommand(
      "validate", "Load and check a scenario (extends, overrides, every field) and summarise it");
  validate_app->add_option("scenario", validate->scenario, "Scenario JSON file")
      ->required()
      ->type_name("SCENARIO");
  add_overrides(*validate_app, validate->overrides);
  validate_app->footer(
      "Example:\n  omnisim validate scenarios/examples/small.json --set horizon_days=28\n");

  return {validate_app, [validate](std::ostream& out) { validate_command(*validate, out); }};
}

}  // namespace omnisim
