// omnisim report DIR...
#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "models/scenario/loader.hpp"
#include "tools/cli/arguments.hpp"
#include "tools/cli/commands.hpp"
#include "tools/cli/options.hpp"

namespace omnisim {

ParsedCommand add_report(CLI::App& app) {
  const auto report = std::make_shared<ReportOptions>();
  CLI::App* report_app = app.add_subcommand(
      "report",
      "Write report->html, a self-contained interactive page (story, parameters, the spine over "
      "time with and without the control tower, paired differences, decisions, leakage), from "
      "the files 'omnisim run' wrote");
  report_app
      ->add_option("directory", report->directories,
                   "A run's output directory (--out DIR), or a directory whose subdirectories "
                   "are (a run of several scenarios: one report in each)")
      ->required()
      ->type_name("DIR");
  report_app->footer(
      "Examples:\n  omnisim report results/half_live_promo\n  omnisim report results\n"
      "\nThe page inlines its charting libraries: it opens in any browser without network "
      "access.\n");

  return {report_app, [report](std::ostream& out) { report_command(*report, out); }};
}

}  // namespace omnisim
