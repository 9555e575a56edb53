// omnisim run SCENARIO... --out DIR [options]
#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "models/scenario/loader.hpp"
#include "tools/cli/arguments.hpp"
#include "tools/cli/commands.hpp"
#include "tools/cli/options.hpp"

namespace omnisim {

ParsedCommand add_run(CLI::App& app, ProgressTarget progress) {
  const auto run = std::make_shared<RunOptions>();
  CLI::App* run_app = app.add_subcommand(
      "run",
      "Run scenarios without and with the control tower (replications in parallel), print "
      "the comparison and write summary.json, replications.csv, timeseries.csv, inventory.csv, "
      "open_orders.csv and decisions.csv (and report.html with --report)");
  run_app
      ->add_option("scenario", run->scenarios,
                   "Scenario JSON files; all are loaded and checked before any runs")
      ->required()
      ->type_name("SCENARIO");
  run_app
      ->add_option("--out", run->out,
                   "Output directory, created when the scenario's runs succeed; a failed run "
                   "writes nothing. With several scenarios each writes into DIR/<file name "
                   "without .json>. Required")
      ->required()
      ->type_name("DIR");
  add_integer(*run_app, "--reps", run->replications, 1, retail::kMaxReplications,
              "Number of replications, 1 to " + std::to_string(retail::kMaxReplications) +
                  ". Default: the scenario's \"replications\"")
      ->type_name("N");
  add_seed(*run_app, run->seed,
           "Master seed, 0 to 18446744073709551615; replication i uses streams keyed by (seed, "
           "i). Default: the scenario's \"seed\"");
  add_threads(*run_app, run->threads);
  add_memory_limit(*run_app, run->memory_limit_bytes, "run");
  add_overrides(*run_app, run->overrides);
  run_app->add_flag("--force", run->force,
                    "Write into an output directory even if it is not empty, replacing the files "
                    "of an earlier run-> Default: off");
  run_app->add_flag("--resume", run->resume,
                    "Finish a run stopped by Ctrl-C, a kill or a failure, with the same options: "
                    "the replications it saved are not run again. Default: off");
  CLI::Option* status_quo_option = run_app->add_flag_callback(
      "--no-control-tower", [run] { run->arms = ArmChoice::status_quo_only; },
      "Run only the status-quo arm (the organisation without the control tower). Default: "
      "both arms when the scenario has control-tower rules");
  CLI::Option* control_tower_option = run_app->add_flag_callback(
      "--control-tower-only", [run] { run->arms = ArmChoice::control_tower_only; },
      "Run only the control-tower arm. Default: both arms when the scenario has rules");
  run_app->add_flag("--report", run->report,
                    "Also write report.html (a self-contained interactive page of the results) "
                    "into each output directory, after the other files. Default: off");
  status_quo_option->excludes(control_tower_option);
  control_tower_option->excludes(status_quo_option);
  run_app->footer(
      "Examples:\n  omnisim run scenarios/examples/small.json --reps 20 --seed 7 --threads 8 "
      "--set horizon_days=28 --out results/small\n"
      "  omnisim run scenarios/half_live_promo.json scenarios/ads_into_stockouts.json "
      "scenarios/returns_spiral.json --out results\n"
      "  omnisim run scenarios/ads_into_stockouts.json --no-control-tower --out "
      "results/status-quo\n"
      "\n"
      "Both arms of replication i draw the same random numbers, so the difference column is a "
      "paired\ncomparison (control tower - status quo) with its 95 % Student-t interval.\n");

  run->progress = progress.out;
  run->progress_style = progress.interactive ? ProgressStyle::bar : ProgressStyle::lines;
  return {run_app, [run](std::ostream& out) { run_command(*run, out); }};
}

}  // namespace omnisim
