// omnisim sweep SCENARIO --grid PATH=VALUES... --out DIR [options]
#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

#include "models/scenario/loader.hpp"
#include "tools/cli/arguments.hpp"
#include "tools/cli/commands.hpp"
#include "tools/cli/options.hpp"

namespace omnisim {
namespace {

// --reps N|auto and the options of auto, checked together once parsed.
struct RepsArguments {
  std::optional<std::uint64_t> count;  // nullopt with --reps auto (or without --reps)
  std::optional<double> ci_width;
  std::optional<std::uint32_t> min;
  std::optional<std::uint32_t> max;
};

// What is wrong with the options of --reps auto, or "".
std::string auto_replications_problem(const RepsArguments& reps) {
  if (!reps.ci_width) {
    return "--reps auto needs --ci-width W, the widest acceptable 95 % interval of the objective";
  }
  const std::uint32_t min = reps.min.value_or(AutoReplications{}.min);
  const std::uint32_t max = reps.max.value_or(AutoReplications{}.max);
  if (min <= max) return {};
  return "--min-reps " + std::to_string(min) + (reps.min ? "" : " (the default)") +
         " is above --max-reps " + std::to_string(max) + (reps.max ? "" : " (the default)") +
         ": every point gets --min-reps replications first and at most --max-reps in all";
}

// The options of --reps auto that were given without it, or "".
std::string options_without_auto(const RepsArguments& reps) {
  const char* given = reps.ci_width ? "--ci-width"
                      : reps.min    ? "--min-reps"
                      : reps.max    ? "--max-reps"
                                    : nullptr;
  if (given == nullptr) return {};
  return std::string(given) + " only applies with --reps auto";
}

}  // namespace

ParsedCommand add_sweep(CLI::App& app, ProgressTarget progress) {
  const auto sweep = std::make_shared<SweepOptions>();
  const auto reps = std::make_shared<RepsArguments>();
  sweep->request.objective = default_objective();
  CLI::App* sweep_app = app.add_subcommand(
      "sweep",
      "Run a full-factorial grid over scenario parameters, every point in both arms on the same "
      "random numbers; rank the points by an objective and fit a response surface. Writes "
      "sweep->csv and replications.csv, appending each replication to a journal as it finishes, "
      "so that an interrupted sweep can be resumed");
  sweep_app->add_option("scenario", sweep->request.scenario, "Scenario JSON file")
      ->required()
      ->type_name("SCENARIO");
  sweep_app
      ->add_option("--grid", sweep->request.grid,
                   "One axis of the grid: PATH=V1,V2,... (values as in --set) or "
                   "PATH=START:STOP:STEP (numbers, STOP included). Repeatable; the grid is every "
                   "combination, the first axis varying slowest. Required")
      ->type_name("PATH=VALUES")
      ->required()
      ->allow_extra_args(false);
  CLI::Option* reps_option =
      add_number(
          *sweep_app, "--reps", reps->count,
          [](std::string_view option, std::string_view text) {
            return parse_integer_or_word(option, text, 1, retail::kMaxReplications, "auto");
          },
          "Replications per point and arm, 1 to " + std::to_string(retail::kMaxReplications) +
              ", or 'auto' to add replications to each point until its objective's 95 % interval "
              "is "
              "narrower than --ci-width. Default: the scenario's \"replications\"")
          ->type_name("N|auto");
  add_number(*sweep_app, "--ci-width", reps->ci_width, parse_positive_real,
             "With --reps auto: the widest acceptable 95 % interval of the objective, a finite "
             "number > 0 in its units (e.g. 5000 for contribution margin). Required with auto")
      ->type_name("W");
  add_integer(*sweep_app, "--min-reps", reps->min, 2, retail::kMaxReplications,
              "With --reps auto: replications every point gets first, 2 to " +
                  std::to_string(retail::kMaxReplications) + " and at most --max-reps. Default: 10")
      ->type_name("N");
  add_integer(*sweep_app, "--max-reps", reps->max, 2, retail::kMaxReplications,
              "With --reps auto: the most a point gets, whatever its interval, 2 to " +
                  std::to_string(retail::kMaxReplications) + ". Default: 1000")
      ->type_name("N");
  sweep_app
      ->add_option("--objective", sweep->request.objective,
                   "The metric that ranks the points (a replications.csv column), in the control "
                   "tower arm; NAME:max or NAME:min to say which way is better. Default: " +
                       default_objective())
      ->type_name("METRIC");
  sweep_app
      ->add_option(
          "--constraint", sweep->request.constraints,
          "A condition on a point's mean in the ranked arm, METRIC>=X or METRIC<=X, quoted "
          "for the shell (e.g. 'otif>=0.95'); points that miss one rank after those that do not. "
          "Repeatable")
      ->type_name("CONDITION")
      ->allow_extra_args(false);
  add_seed(*sweep_app, sweep->request.seed,
           "Master seed of every point, 0 to 18446744073709551615. Default: the scenario's "
           "\"seed\"");
  add_threads(*sweep_app, sweep->threads);
  add_memory_limit(*sweep_app, sweep->memory_limit_bytes, "sweep");
  add_overrides(*sweep_app, sweep->request.overrides);
  sweep_app
      ->add_option("--out", sweep->out,
                   "Output directory: manifest.json and replications.journal while it runs, then "
                   "sweep->csv and replications.csv. Required")
      ->required()
      ->type_name("DIR");
  CLI::Option* sweep_force_option = sweep_app->add_flag(
      "--force", sweep->force,
      "Start over in a directory that is not empty or holds another sweep-> Default: off");
  CLI::Option* resume_option = sweep_app->add_flag(
      "--resume", sweep->resume,
      "Finish the sweep recorded in --out (after Ctrl-C, a kill or a failure), with the same "
      "options it was started with; replications already saved are not run again");
  sweep_force_option->excludes(resume_option);
  sweep_app->add_flag(
      "--report", sweep->report,
      "Also write report.html (heatmaps of the objective over the grid, the ranking) when the "
      "sweep is complete. Default: off");
  add_number(*sweep_app, "--shard", sweep->request.shard, parse_shard,
             "Run only slice I of N (0 <= I < N <= " + std::to_string(kMaxShards) +
                 ") of the study's replications, for batch schedulers; combine the N output "
                 "directories with 'omnisim merge'")
      ->type_name("I/N");
  add_top(*sweep_app, sweep->top);
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

  sweep->progress = progress.out;
  sweep->progress_style = progress.interactive ? ProgressStyle::bar : ProgressStyle::lines;
  // Options that only make sense together, checked as parse errors (with the usage hint).
  sweep_app->parse_complete_callback([sweep, reps, reps_option] {
    if (reps->count) sweep->request.replications = static_cast<std::uint32_t>(*reps->count);
    std::string problem;
    if (reps_option->count() > 0 && !reps->count) {
      problem = auto_replications_problem(*reps);
      if (problem.empty()) {
        sweep->request.auto_replications =
            AutoReplications{*reps->ci_width, reps->min.value_or(AutoReplications{}.min),
                             reps->max.value_or(AutoReplications{}.max)};
      }
    } else {
      problem = options_without_auto(*reps);
    }
    if (!problem.empty()) throw CLI::ValidationError(problem);
  });
  return {sweep_app, [sweep](std::ostream& out) {
            if (sweep->request.shard && sweep->report) {
              throw UsageError(
                  "--report needs the whole study: a shard has no sweep.csv; write the "
                  "report after 'omnisim merge' with 'omnisim report DIR'");
            }
            sweep_command(*sweep, out);
          }};
}

}  // namespace omnisim
