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

void add_threads(CLI::App& command, unsigned& threads) {
  command
      .add_option("--threads", threads,
                  "Worker threads (of each process under mpirun), 0 for every hardware thread; "
                  "results do not depend on it. Default: 0")
      ->type_name("T");
}

// `what`: "run" or "sweep", for the help text.
CLI::Option* add_memory_limit(CLI::App& command, std::string& limit, const std::string& what) {
  return command
      .add_option("--memory-limit", limit,
                  "Refuse, before starting, a " + what +
                      " whose estimated peak memory exceeds SIZE (bytes, or with K, M, G or T: "
                      "512M, 4G), and stop it (exit status 1) if its resident memory passes SIZE "
                      "all the same. Default: 80 % of physical memory")
      ->type_name("SIZE")
      ->check(CLI::Validator(byte_size, "", "SIZE"));
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
      "  omnisim sweep scenarios/half_live_promo.json --grid "
      "control_tower.rules.2.threshold=0.9,0.95,0.97 --reps 100 --out results/sweep\n"
      "\n"
      "'run' compares the status quo with the control tower on the same random numbers.\n"
      "Exit status: 0 success, 1 a failed run, 2 bad input, 130 (143) a sweep stopped by Ctrl-C "
      "(SIGTERM),\nwhich --resume finishes. 'omnisim COMMAND --help' for more.\n");

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
  add_threads(*run_app, run.threads);
  std::string memory_limit;
  CLI::Option* memory_limit_option = add_memory_limit(*run_app, memory_limit, "run");
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

  SweepOptions sweep;
  std::string sweep_reps;
  double ci_width = 0;
  std::uint32_t min_reps = AutoReplications{}.min;
  std::uint32_t max_reps = AutoReplications{}.max;
  std::uint64_t sweep_seed = 0;
  std::string sweep_memory_limit;
  std::string shard;
  sweep.request.objective = "contribution_margin";
  CLI::App* sweep_app = app.add_subcommand(
      "sweep",
      "Run a full-factorial grid over scenario parameters, every point in both arms on the same "
      "random numbers; rank the points by an objective and fit a response surface. Writes "
      "sweep.csv and replications.csv, appending each replication to a journal as it finishes, "
      "so that an interrupted sweep can be resumed");
  sweep_app->add_option("scenario", sweep.request.scenario, "Scenario JSON file")
      ->required()
      ->type_name("SCENARIO");
  sweep_app
      ->add_option("--grid", sweep.request.grid,
                   "One axis of the grid: PATH=V1,V2,... (values as in --set) or "
                   "PATH=START:STOP:STEP (numbers, STOP included). Repeatable; the grid is every "
                   "combination, the first axis varying slowest. Required")
      ->type_name("PATH=VALUES")
      ->required()
      ->allow_extra_args(false);
  sweep_app
      ->add_option("--reps", sweep_reps,
                   "Replications per point and arm, or 'auto' to add replications to each point "
                   "until its objective's 95 % interval is narrower than --ci-width. Default: the "
                   "scenario's \"replications\"")
      ->type_name("N|auto");
  CLI::Option* ci_width_option =
      sweep_app
          ->add_option("--ci-width", ci_width,
                       "With --reps auto: the widest acceptable 95 % interval of the objective "
                       "(in its units, e.g. 5000 for contribution margin). Required with auto")
          ->type_name("W")
          ->check(CLI::PositiveNumber);
  sweep_app
      ->add_option("--min-reps", min_reps,
                   "With --reps auto: replications every point gets first. Default: 10")
      ->type_name("N")
      ->check(CLI::Range(2u, 1000000u));
  sweep_app
      ->add_option("--max-reps", max_reps,
                   "With --reps auto: the most a point gets, whatever its interval. Default: 1000")
      ->type_name("N")
      ->check(CLI::Range(2u, 1000000u));
  sweep_app
      ->add_option("--objective", sweep.request.objective,
                   "The metric that ranks the points (a replications.csv column), in the control "
                   "tower arm; NAME:max or NAME:min to say which way is better. Default: "
                   "contribution_margin")
      ->type_name("METRIC");
  sweep_app
      ->add_option(
          "--constraint", sweep.request.constraints,
          "A condition on a point's mean in the ranked arm, METRIC>=X or METRIC<=X, quoted "
          "for the shell (e.g. 'otif>=0.95'); points that miss one rank after those that do not. "
          "Repeatable")
      ->type_name("CONDITION")
      ->allow_extra_args(false);
  CLI::Option* sweep_seed_option =
      sweep_app->add_option("--seed", sweep_seed, "Master seed. Default: the scenario's \"seed\"")
          ->type_name("S");
  add_threads(*sweep_app, sweep.threads);
  CLI::Option* sweep_memory_option = add_memory_limit(*sweep_app, sweep_memory_limit, "sweep");
  add_overrides(*sweep_app, sweep.request.overrides);
  sweep_app
      ->add_option("--out", sweep.out,
                   "Output directory: manifest.json and replications.journal while it runs, then "
                   "sweep.csv and replications.csv. Required")
      ->required()
      ->type_name("DIR");
  CLI::Option* sweep_force_option = sweep_app->add_flag(
      "--force", sweep.force,
      "Start over in a directory that is not empty or holds another sweep. Default: off");
  CLI::Option* resume_option = sweep_app->add_flag(
      "--resume", sweep.resume,
      "Finish the sweep recorded in --out (after Ctrl-C, a kill or a failure), with the same "
      "options it was started with; replications already saved are not run again");
  sweep_force_option->excludes(resume_option);
  sweep_app->add_flag(
      "--report", sweep.report,
      "Also write report.html (heatmaps of the objective over the grid, the ranking) when the "
      "sweep is complete. Default: off");
  CLI::Option* shard_option =
      sweep_app
          ->add_option("--shard", shard,
                       "Run only slice I of N (0 <= I < N) of the study's replications, for batch "
                       "schedulers; combine the N output directories with 'omnisim merge'")
          ->type_name("I/N");
  sweep_app->add_option("--top", sweep.top, "Rows of the printed ranking. Default: 10")
      ->type_name("K")
      ->check(CLI::PositiveNumber);
  sweep_app->footer(
      "Examples:\n"
      "  omnisim sweep scenarios/half_live_promo.json --grid "
      "control_tower.rules.2.threshold=0.9,0.95,0.97 --grid "
      "control_tower.rules.2.timebox_hours=12:36:12 --reps 200 --out results/sweep\n"
      "  omnisim sweep scenarios/ads_into_stockouts.json --grid "
      "control_tower.rules.0.threshold=0.9:0.99:0.03 --reps auto --ci-width 5000 --constraint "
      "'otif>=0.95' --out results/ads-sweep\n"
      "  omnisim sweep ... --out results/sweep --resume      (after Ctrl-C or a kill)\n"
      "  mpirun -np 4 omnisim sweep ... --threads 1 --out results/sweep\n"
      "  omnisim sweep ... --shard 0/8 --out shard-0   (then: omnisim merge shard-* --out DIR)\n");

  MergeOptions merge;
  merge.objective = "contribution_margin";
  CLI::App* merge_app = app.add_subcommand(
      "merge",
      "Combine the output directories of 'omnisim sweep --shard I/N' (every I once) into the "
      "files one unsharded sweep writes, and print its ranking");
  merge_app->add_option("shard", merge.shards, "The shards' output directories")
      ->required()
      ->type_name("DIR");
  merge_app->add_option("--out", merge.out, "Output directory. Required")
      ->required()
      ->type_name("DIR");
  merge_app->add_flag("--force", merge.force,
                      "Write into an output directory even if it is not empty. Default: off");
  merge_app
      ->add_option("--objective", merge.objective,
                   "The metric that ranks the points, as for sweep. Default: contribution_margin")
      ->type_name("METRIC");
  merge_app->add_option("--constraint", merge.constraints, "As for sweep. Repeatable")
      ->type_name("CONDITION")
      ->allow_extra_args(false);
  merge_app->add_option("--top", merge.top, "Rows of the printed ranking. Default: 10")
      ->type_name("K")
      ->check(CLI::PositiveNumber);
  merge_app->footer("Example:\n  omnisim merge shard-0 shard-1 shard-2 --out results/sweep\n");

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
  // A bar on a terminal, else a line per tenth (logs of batch jobs).
  run.progress = &err;
  run.progress_style = interactive ? ProgressStyle::bar : ProgressStyle::lines;
  if (sweep_app->parsed()) {
    if (sweep_reps == "auto") {
      if (ci_width_option->count() == 0) {
        err << "omnisim: error: --reps auto needs --ci-width W, the widest acceptable 95 % "
               "interval of the objective\nRun 'omnisim sweep --help' for usage.\n";
        return kExitBadInput;
      }
      sweep.request.auto_replications = AutoReplications{ci_width, min_reps, max_reps};
    } else if (!sweep_reps.empty()) {
      std::string text = sweep_reps;
      std::uint32_t reps = 0;
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), reps);
      if (error != std::errc() || end != text.data() + text.size() || reps == 0) {
        err << "omnisim: error: --reps: expected a number of replications (at least 1) or "
               "'auto', got '"
            << sweep_reps << "'\nRun 'omnisim sweep --help' for usage.\n";
        return kExitBadInput;
      }
      sweep.request.replications = reps;
    }
    if (sweep_seed_option->count() > 0) sweep.request.seed = sweep_seed;
    if (sweep_memory_option->count() > 0) {
      sweep.memory_limit_bytes = parse_byte_size(sweep_memory_limit);
    }
    if (ci_width_option->count() > 0 && !sweep.request.auto_replications) {
      err << "omnisim: error: --ci-width only applies with --reps auto\nRun 'omnisim sweep "
             "--help' for usage.\n";
      return kExitBadInput;
    }
    sweep.progress = run.progress;
    sweep.progress_style = run.progress_style;
  }

  try {
    if (validate_app->parsed()) validate_command(validate, out);
    if (run_app->parsed()) run_command(run, out);
    if (report_app->parsed()) report_command(report, out);
    if (sweep_app->parsed()) {
      if (shard_option->count() > 0) sweep.request.shard = parse_shard(shard);
      if (sweep.request.shard && sweep.report) {
        throw UsageError(
            "--report needs the whole study: a shard has no sweep.csv; write the "
            "report after 'omnisim merge' with 'omnisim report DIR'");
      }
      sweep_command(sweep, out);
    }
    if (merge_app->parsed()) merge_command(merge, out);
    return kExitOk;
  } catch (const Interrupted& e) {
    err << "omnisim: " << e.what() << "\n";
    return 128 + e.signal();
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
