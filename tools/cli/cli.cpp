// The command-line grammar (CLI11), its help text, and the mapping of errors to exit statuses.
#include "tools/cli/cli.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdint>
#include <iostream>
#include <string>

#include "models/metrics/catalogue.hpp"
#include "models/scenario/loader.hpp"
#include "sim/threads.hpp"
#include "tools/cli/commands.hpp"
#include "tools/cli/number_options.hpp"
#include "tools/results/errors.hpp"
#include "tools/results/visible_text.hpp"

namespace omnisim {
namespace {

constexpr const char* kSetHelp =
    "Override one scenario value before validation, as PATH=VALUE; PATH is dotted "
    "(network.dcs.0.pickers) or a JSON pointer, VALUE is JSON or else a string. Repeatable; "
    "later ones win. Default: none";

// What sweep and merge rank by unless told otherwise.
const std::string kDefaultObjective(retail::metric_key(retail::MetricId::contribution_margin));

// A numeric option whose text `read(name, text)` (a reader of number_options.hpp) turns into
// `value`. A refused number is a parse error like any other: its message, then the usage hint.
template <class T, class Read>
CLI::Option* add_number(CLI::App& command, const std::string& name, T& value, Read read,
                        const std::string& help) {
  return command.add_option_function<std::string>(
      name,
      [&value, read, name](const std::string& text) {
        try {
          value = read(name, text);
        } catch (const UsageError& e) {
          throw CLI::ValidationError(e.what());
        }
      },
      help);
}

template <class T>
struct ValueOf {
  using type = T;
};
template <class T>
struct ValueOf<std::optional<T>> {
  using type = T;
};

// An integer option from `min` to `max`, into a T or a std::optional<T> that holds them all.
template <class T>
CLI::Option* add_integer(CLI::App& command, const std::string& name, T& value, std::uint64_t min,
                         std::uint64_t max, const std::string& help) {
  return add_number(
      command, name, value,
      [min, max](std::string_view option, std::string_view text) {
        return static_cast<typename ValueOf<T>::type>(parse_integer(option, text, min, max));
      },
      help);
}

// What is wrong with the options of --reps auto, or "".
std::string auto_replications_problem(const std::optional<double>& ci_width,
                                      const std::optional<std::uint32_t>& min_reps,
                                      const std::optional<std::uint32_t>& max_reps) {
  if (!ci_width) {
    return "--reps auto needs --ci-width W, the widest acceptable 95 % interval of the objective";
  }
  const std::uint32_t min = min_reps.value_or(AutoReplications{}.min);
  const std::uint32_t max = max_reps.value_or(AutoReplications{}.max);
  if (min <= max) return {};
  return "--min-reps " + std::to_string(min) + (min_reps ? "" : " (the default)") +
         " is above --max-reps " + std::to_string(max) + (max_reps ? "" : " (the default)") +
         ": every point gets --min-reps replications first and at most --max-reps in all";
}

// The options of --reps auto that were given without it, or "".
std::string options_without_auto(const std::optional<double>& ci_width,
                                 const std::optional<std::uint32_t>& min_reps,
                                 const std::optional<std::uint32_t>& max_reps) {
  const char* given = ci_width   ? "--ci-width"
                      : min_reps ? "--min-reps"
                      : max_reps ? "--max-reps"
                                 : nullptr;
  if (given == nullptr) return {};
  return std::string(given) + " only applies with --reps auto";
}

void add_overrides(CLI::App& command, std::vector<std::string>& overrides) {
  // One value per --set, so "--set a=1 scenario.json" does not swallow the scenario.
  command.add_option("--set", overrides, kSetHelp)
      ->type_name("PATH=VALUE")
      ->allow_extra_args(false);
}

void add_threads(CLI::App& command, unsigned& threads) {
  add_integer(command, "--threads", threads, 0, sim::kMaxThreads,
              "Worker threads (of each process under mpirun), 0 to " +
                  std::to_string(sim::kMaxThreads) +
                  ", 0 for every hardware thread; results do not depend on it. Default: 0")
      ->type_name("T");
}

void add_seed(CLI::App& command, std::optional<std::uint64_t>& seed, const std::string& help) {
  add_number(command, "--seed", seed, parse_seed, help)->type_name("S");
}

// `what`: "run" or "sweep", for the help text.
void add_memory_limit(CLI::App& command, std::optional<std::uint64_t>& limit,
                      const std::string& what) {
  add_number(command, "--memory-limit", limit, parse_size,
             "Refuse, before starting, a " + what +
                 " whose estimated peak memory exceeds SIZE (bytes, or with K, M, G or T: "
                 "512M, 4G), and stop it (exit status 1) if its resident memory passes SIZE "
                 "all the same. Default: 80 % of physical memory")
      ->type_name("SIZE");
}

void add_top(CLI::App& command, std::size_t& top) {
  add_integer(
      command, "--top", top, 1, kMaxRankingRows,
      "Rows of the printed ranking, 1 to " + std::to_string(kMaxRankingRows) + ". Default: 10")
      ->type_name("K");
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
  add_integer(*run_app, "--reps", run.replications, 1, retail::kMaxReplications,
              "Number of replications, 1 to " + std::to_string(retail::kMaxReplications) +
                  ". Default: the scenario's \"replications\"")
      ->type_name("N");
  add_seed(*run_app, run.seed,
           "Master seed, 0 to 18446744073709551615; replication i uses streams keyed by (seed, "
           "i). Default: the scenario's \"seed\"");
  add_threads(*run_app, run.threads);
  add_memory_limit(*run_app, run.memory_limit_bytes, "run");
  add_overrides(*run_app, run.overrides);
  run_app->add_flag("--force", run.force,
                    "Write into an output directory even if it is not empty, replacing the files "
                    "of an earlier run. Default: off");
  run_app->add_flag("--resume", run.resume,
                    "Finish a run stopped by Ctrl-C, a kill or a failure, with the same options: "
                    "the replications it saved are not run again. Default: off");
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
  // --reps: a count, or nullopt for auto when the option is given.
  std::optional<std::uint64_t> sweep_reps;
  std::optional<double> ci_width;
  std::optional<std::uint32_t> min_reps;
  std::optional<std::uint32_t> max_reps;
  sweep.request.objective = kDefaultObjective;
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
  CLI::Option* sweep_reps_option =
      add_number(
          *sweep_app, "--reps", sweep_reps,
          [](std::string_view option, std::string_view text) {
            return parse_integer_or_word(option, text, 1, retail::kMaxReplications, "auto");
          },
          "Replications per point and arm, 1 to " + std::to_string(retail::kMaxReplications) +
              ", or 'auto' to add replications to each point until its objective's 95 % interval "
              "is "
              "narrower than --ci-width. Default: the scenario's \"replications\"")
          ->type_name("N|auto");
  add_number(*sweep_app, "--ci-width", ci_width, parse_positive_real,
             "With --reps auto: the widest acceptable 95 % interval of the objective, a finite "
             "number > 0 in its units (e.g. 5000 for contribution margin). Required with auto")
      ->type_name("W");
  add_integer(*sweep_app, "--min-reps", min_reps, 2, retail::kMaxReplications,
              "With --reps auto: replications every point gets first, 2 to " +
                  std::to_string(retail::kMaxReplications) + " and at most --max-reps. Default: 10")
      ->type_name("N");
  add_integer(*sweep_app, "--max-reps", max_reps, 2, retail::kMaxReplications,
              "With --reps auto: the most a point gets, whatever its interval, 2 to " +
                  std::to_string(retail::kMaxReplications) + ". Default: 1000")
      ->type_name("N");
  sweep_app
      ->add_option("--objective", sweep.request.objective,
                   "The metric that ranks the points (a replications.csv column), in the control "
                   "tower arm; NAME:max or NAME:min to say which way is better. Default: " +
                       kDefaultObjective)
      ->type_name("METRIC");
  sweep_app
      ->add_option(
          "--constraint", sweep.request.constraints,
          "A condition on a point's mean in the ranked arm, METRIC>=X or METRIC<=X, quoted "
          "for the shell (e.g. 'otif>=0.95'); points that miss one rank after those that do not. "
          "Repeatable")
      ->type_name("CONDITION")
      ->allow_extra_args(false);
  add_seed(*sweep_app, sweep.request.seed,
           "Master seed of every point, 0 to 18446744073709551615. Default: the scenario's "
           "\"seed\"");
  add_threads(*sweep_app, sweep.threads);
  add_memory_limit(*sweep_app, sweep.memory_limit_bytes, "sweep");
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
  add_number(*sweep_app, "--shard", sweep.request.shard, parse_shard,
             "Run only slice I of N (0 <= I < N <= " + std::to_string(kMaxShards) +
                 ") of the study's replications, for batch schedulers; combine the N output "
                 "directories with 'omnisim merge'")
      ->type_name("I/N");
  add_top(*sweep_app, sweep.top);
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
  merge.objective = kDefaultObjective;
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
                   "The metric that ranks the points, as for sweep. Default: " + kDefaultObjective)
      ->type_name("METRIC");
  merge_app->add_option("--constraint", merge.constraints, "As for sweep. Repeatable")
      ->type_name("CONDITION")
      ->allow_extra_args(false);
  add_top(*merge_app, merge.top);
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
    err << "omnisim: error: " << terminal_text(e.what()) << "\nRun '" << command
        << " --help' for usage.\n";
    return kExitBadInput;
  }
  if (status_quo_only) run.arms = ArmChoice::status_quo_only;
  if (control_tower_only) run.arms = ArmChoice::control_tower_only;
  // A bar on a terminal, else a line per tenth (logs of batch jobs).
  run.progress = &err;
  run.progress_style = interactive ? ProgressStyle::bar : ProgressStyle::lines;
  if (sweep_app->parsed()) {
    if (sweep_reps) sweep.request.replications = static_cast<std::uint32_t>(*sweep_reps);
    std::string problem;
    if (sweep_reps_option->count() > 0 && !sweep_reps) {
      problem = auto_replications_problem(ci_width, min_reps, max_reps);
      if (problem.empty()) {
        sweep.request.auto_replications =
            AutoReplications{*ci_width, min_reps.value_or(AutoReplications{}.min),
                             max_reps.value_or(AutoReplications{}.max)};
      }
    } else {
      problem = options_without_auto(ci_width, min_reps, max_reps);
    }
    if (!problem.empty()) {
      err << "omnisim: error: " << problem << "\nRun 'omnisim sweep --help' for usage.\n";
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
    err << "omnisim: " << terminal_text(e.what()) << "\n";
    return 128 + e.signal();
  } catch (const retail::ScenarioError& e) {
    err << "omnisim: error: " << terminal_text(e.what()) << "\n";
    return kExitBadInput;
  } catch (const UsageError& e) {
    err << "omnisim: error: " << terminal_text(e.what()) << "\n";
    return kExitBadInput;
  } catch (const sim::ProcessGroupError& e) {
    err << "omnisim: error: " << terminal_text(e.what()) << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    // Invariant violations, kernel errors, output failures: the input was fine, the run was not.
    err << "omnisim: error: " << terminal_text(e.what()) << "\n";
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
