// The command-line grammar (CLI11), its help text, and the mapping of errors to exit statuses.
#include "tools/cli.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdint>
#include <iostream>
#include <string>
#include <system_error>

#include "models/scenario.hpp"
#include "tools/commands.hpp"
#include "tools/errors.hpp"
#include "tools/memory_limit.hpp"

namespace omnisim {
namespace {

constexpr const char* kSetHelp =
    "Override one scenario value before validation, as PATH=VALUE; PATH is dotted "
    "(network.dcs.0.pickers) or a JSON pointer, VALUE is JSON or else a string. Repeatable; "
    "later ones win. Default: none";

// A count that must be at least 1; other malformed values are left to the conversion's error.
std::string at_least_one(std::string& text) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc() && end == text.data() + text.size() && value == 0) {
    return "must be at least 1, got " + text;
  }
  return {};
}

// A size such as 512M or 4G (see parse_byte_size).
std::string byte_size(std::string& text) {
  if (parse_byte_size(text)) return {};
  return "expected a size in bytes, or with K, M, G or T (such as 512M or 4G), got " + text;
}

void add_overrides(CLI::App& command, std::vector<std::string>& overrides) {
  // One value per --set, so "--set a=1 scenario.json" does not swallow the scenario.
  command.add_option("--set", overrides, kSetHelp)
      ->type_name("PATH=VALUE")
      ->allow_extra_args(false);
}

// `interactive`: stderr is a terminal, so a progress bar may be drawn on `err`.
int run_cli_with(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
                 bool interactive) {
  CLI::App app{"omnisim: a parallel discrete-event simulator of omnichannel retail operations.",
               "omnisim"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("omnisim ") + OMNISIM_VERSION);
  app.footer(
      "Examples:\n"
      "  omnisim validate scenarios/examples/small.json --set horizon_days=28\n"
      "  omnisim run scenarios/examples/small.json --reps 20 --out results/small\n"
      "  omnisim run scenarios/half_live_promo.json scenarios/ads_into_stockouts.json "
      "scenarios/returns_spiral.json --out results\n"
      "  omnisim run scenarios/returns_spiral.json --no-control-tower --reps 50 --out "
      "results/status-quo\n"
      "  omnisim run scenarios/half_live_promo.json --report --out results/promo\n"
      "  omnisim report results/promo\n"
      "\n"
      "'run' compares the status quo with the control tower on the same random numbers.\n"
      "Exit status: 0 success, 1 a failed run, 2 bad input. 'omnisim COMMAND --help' for more.\n");

  ValidateOptions validate;
  CLI::App* validate_app = app.add_subcommand(
      "validate", "Load and check a scenario (extends, overrides, every field) and summarise it");
  validate_app->add_option("scenario", validate.scenario, "Scenario JSON file")
      ->required()
      ->type_name("SCENARIO");
  add_overrides(*validate_app, validate.overrides);
  validate_app->footer(
      "Example:\n  omnisim validate scenarios/examples/small.json --set horizon_days=28\n");

  RunOptions run;
  std::uint32_t replications = 0;
  std::uint64_t seed = 0;
  CLI::App* run_app = app.add_subcommand(
      "run",
      "Run scenarios without and with the control tower (replications in parallel), print "
      "the comparison and write summary.json, replications.csv, timeseries.csv, inventory.csv "
      "and decisions.csv (and report.html with --report)");
  run_app
      ->add_option("scenario", run.scenarios,
                   "Scenario JSON files; all are loaded and checked before any runs")
      ->required()
      ->type_name("SCENARIO");
  run_app
      ->add_option("--out", run.out,
                   "Output directory, created when the scenario's runs succeed; a failed run "
                   "writes nothing. With several scenarios each writes into DIR/<file name "
                   "without .json>. Required")
      ->required()
      ->type_name("DIR");
  CLI::Option* reps_option =
      run_app
          ->add_option("--reps", replications,
                       "Number of replications. Default: the scenario's \"replications\"")
          ->type_name("N")
          ->check(CLI::Validator(at_least_one, "", "at least 1"));
  CLI::Option* seed_option =
      run_app
          ->add_option("--seed", seed,
                       "Master seed; replication i uses streams keyed by (seed, i). Default: the "
                       "scenario's \"seed\"")
          ->type_name("S");
  run_app
      ->add_option("--threads", run.threads,
                   "Worker threads in all, 0 for every hardware thread; results do not depend "
                   "on it. Default: 0")
      ->type_name("T");
  std::string memory_limit;
  CLI::Option* memory_limit_option =
      run_app
          ->add_option("--memory-limit", memory_limit,
                       "Refuse, before starting, a run whose estimated peak memory exceeds SIZE "
                       "(bytes, or with K, M, G or T: 512M, 4G). Default: 80 % of physical memory")
          ->type_name("SIZE")
          ->check(CLI::Validator(byte_size, "", "SIZE"));
  add_overrides(*run_app, run.overrides);
  run_app->add_flag("--force", run.force,
                    "Write into an output directory even if it is not empty, replacing the files "
                    "of an earlier run. Default: off");
  bool status_quo_only = false;
  bool control_tower_only = false;
  CLI::Option* status_quo_option = run_app->add_flag(
      "--no-control-tower", status_quo_only,
      "Run only the status-quo arm (the organisation without the control tower). Default: "
      "both arms when the scenario has control-tower rules");
  CLI::Option* control_tower_option = run_app->add_flag(
      "--control-tower-only", control_tower_only,
      "Run only the control-tower arm. Default: both arms when the scenario has rules");
  run_app->add_flag("--report", run.report,
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

  ReportOptions report;
  CLI::App* report_app = app.add_subcommand(
      "report",
      "Write report.html, a self-contained interactive page (story, parameters, the spine over "
      "time with and without the control tower, paired differences, decisions, leakage), from "
      "the files 'omnisim run' wrote");
  report_app
      ->add_option("directory", report.directories,
                   "A run's output directory (--out DIR), or a directory whose subdirectories "
                   "are (a run of several scenarios: one report in each)")
      ->required()
      ->type_name("DIR");
  report_app->footer(
      "Examples:\n  omnisim report results/half_live_promo\n  omnisim report results\n"
      "\nThe page inlines its charting libraries: it opens in any browser without network "
      "access.\n");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version arrive as "errors" with status 0.
    if (e.get_exit_code() == 0) return app.exit(e, out, err);
    const auto parsed = app.get_subcommands();
    const std::string command =
        parsed.empty() ? "omnisim" : "omnisim " + parsed.front()->get_name();
    err << "omnisim: error: " << e.what() << "\nRun '" << command << " --help' for usage.\n";
    return kExitBadInput;
  }
  if (reps_option->count() > 0) run.replications = replications;
  if (seed_option->count() > 0) run.seed = seed;
  if (memory_limit_option->count() > 0) run.memory_limit_bytes = parse_byte_size(memory_limit);
  if (status_quo_only) run.arms = ArmChoice::status_quo_only;
  if (control_tower_only) run.arms = ArmChoice::control_tower_only;
  if (interactive) run.progress = &err;

  try {
    if (validate_app->parsed()) validate_command(validate, out);
    if (run_app->parsed()) run_command(run, out);
    if (report_app->parsed()) report_command(report, out);
    return kExitOk;
  } catch (const retail::ScenarioError& e) {
    err << "omnisim: error: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const UsageError& e) {
    err << "omnisim: error: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    // Invariant violations, kernel errors, output failures: the input was fine, the run was not.
    err << "omnisim: error: " << e.what() << "\n";
    return kExitFailure;
  }
}

}  // namespace

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  return run_cli_with(argc, argv, out, err, false);
}

int run_cli(int argc, char** argv) {
  return run_cli_with(argc, argv, std::cout, std::cerr, ::isatty(STDERR_FILENO) == 1);
}

}  // namespace omnisim
