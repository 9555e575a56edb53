// omnisim run: every scenario and output directory checked first; then per scenario both arms'
// replications in parallel, every output computed before anything is written. Under mpirun every
// process loads and checks the scenarios and runs its share of the replications; process 0 alone
// checks and writes the output directories and prints.
#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <csignal>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "models/scenario/loader.hpp"
#include "sim/task_farm.hpp"
#include "sim/threads.hpp"
#include "tools/cli/commands.hpp"
#include "tools/cli/interrupt.hpp"
#include "tools/cli/memory_limit.hpp"
#include "tools/cli/progress_bar.hpp"
#include "tools/experiment/arm_comparison.hpp"
#include "tools/experiment/replication_runner.hpp"
#include "tools/experiment/run_journal.hpp"
#include "tools/results/arms.hpp"
#include "tools/results/decisions_csv.hpp"
#include "tools/results/errors.hpp"
#include "tools/results/metric_summary.hpp"
#include "tools/results/output_files.hpp"
#include "tools/results/replications_csv.hpp"
#include "tools/results/summary_json.hpp"
#include "tools/results/timeseries_csv.hpp"
#include "tools/results/visible_text.hpp"

namespace omnisim {
namespace {

namespace fs = std::filesystem;

std::string format_seconds(double seconds) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), seconds,
                                    std::chars_format::fixed, 2);
  return std::string(buffer.data(), result.ptr);
}

// What a run writes into its output directory (and report.html with --report); the node files
// only when the scenario keeps node days.
const std::vector<std::string> kRunFiles = {"summary.json",  "replications.csv", "timeseries.csv",
                                            "inventory.csv", "open_orders.csv",  "decisions.csv",
                                            "nodes.csv",     "replenishment.csv"};

// The DCs, then the stores: the nodes in Network order.
std::vector<std::string> node_names(const retail::Scenario& scenario) {
  std::vector<std::string> names;
  for (const retail::Dc& dc : scenario.dcs)
    names.push_back(dc.name);
  for (const retail::Store& store : scenario.stores)
    names.push_back(store.name);
  return names;
}

// A scenario as the command line gave it, checked and ready to run.
struct PlannedRun {
  fs::path file;
  retail::Scenario scenario;
  std::vector<retail::Arm> arms;
  fs::path out;
  std::unique_ptr<OutputSet> output;  // process 0's, claimed while planning
};

// Everything that can be wrong with the input, found before the first replication runs.
std::vector<PlannedRun> plan_runs(const RunOptions& options, unsigned threads) {
  if (options.scenarios.empty()) throw UsageError("run needs at least one scenario file");
  std::vector<PlannedRun> plans;
  for (const fs::path& file : options.scenarios) {
    retail::Scenario scenario = retail::load_scenario(file, options.overrides).scenario;
    if (options.replications) scenario.replications = *options.replications;
    if (options.seed) scenario.seed = *options.seed;
    std::vector<retail::Arm> arms = arms_to_run(scenario, options.arms);
    plans.push_back({file, std::move(scenario), std::move(arms), options.out, nullptr});
  }
  const bool writes_outputs = sim::process_rank() == 0;
  if (plans.size() > 1) {
    std::error_code error;
    const fs::file_status status = fs::status(options.out, error);
    if (writes_outputs && fs::exists(status) && !fs::is_directory(status)) {
      throw UsageError("output path '" + options.out.string() + "' exists and is not a directory");
    }
    std::map<fs::path, fs::path> taken;  // output directory -> the scenario file writing it
    for (PlannedRun& plan : plans) {
      plan.out = options.out / plan.file.stem();
      const auto [at, fresh] = taken.emplace(plan.out, plan.file);
      if (!fresh) {
        throw UsageError("scenarios '" + at->second.string() + "' and '" + plan.file.string() +
                         "' would both write to '" + plan.out.string() +
                         "' (each scenario writes into DIR/<file name without .json>); rename "
                         "one, or run them separately");
      }
    }
  }
  // Refuse now rather than be killed by the OS, or fail to write, after a long run.
  for (const PlannedRun& plan : plans) {
    check_memory(plan.scenario, threads, options.memory_limit_bytes,
                 static_cast<unsigned>(plan.arms.size()));
  }
  if (writes_outputs) {
    for (PlannedRun& plan : plans)
      plan.output = std::make_unique<OutputSet>(plan.out, options.force, kRunFiles);
  }
  return plans;
}

std::string count(std::uint64_t n, const std::string& singular, const std::string& plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

void print_heading(std::ostream& out, const PlannedRun& plan, std::size_t index,
                   std::size_t scenarios, std::uint64_t events, double wall_seconds,
                   unsigned threads) {
  const retail::Scenario& scenario = plan.scenario;
  out << "Scenario '" << terminal_text(scenario.name) << "'";
  if (scenarios > 1) {
    out << " (" << terminal_text(plan.file.string()) << ", " << std::to_string(index + 1) << " of "
        << std::to_string(scenarios) << ")";
  }
  out << ":\n"
      << count(scenario.replications, "replication", "replications") << " of "
      << count(scenario.horizon_days, "day", "days");
  if (plan.arms.size() == 2) {
    out << " in each arm";
  } else if (!scenario.control_tower.rules.empty()) {
    out << " in the " << arm_label(plan.arms.front()) << " arm only";
  }
  out << " from seed " << std::to_string(scenario.seed) << ", " << std::to_string(events)
      << " events in " << format_seconds(wall_seconds) << " s on "
      << count(threads, "thread", "threads") << ".\n";
  if (scenario.control_tower.rules.empty()) {
    out << "The scenario has no control-tower rules, so both arms are the same world: one ran.\n";
  }
  out << '\n';
}

// Process 0's part of a scenario's run: its output files and printed tables.
void report_run(const RunOptions& options, PlannedRun& plan,
                const std::vector<std::vector<retail::ReplicationResult>>& results,
                double wall_seconds, std::size_t index, std::size_t scenarios, unsigned threads,
                RunJournal& journal, std::ostream& out) {
  const retail::Scenario& scenario = plan.scenario;
  OutputSet& output = *plan.output;
  RunRecord record{output.run_id(), 0, wall_seconds, threads, sim::process_count()};
  std::vector<std::vector<std::vector<retail::Metric>>> metrics(plan.arms.size());
  std::vector<ArmSummary> arms;
  for (std::size_t a = 0; a < plan.arms.size(); ++a) {
    for (const auto& result : results[a]) {
      metrics[a].push_back(retail::spine_metrics(result.kpis));
      record.committed_events += result.stats.committed_events;
    }
    arms.push_back(
        {plan.arms[a], summarize_metrics(metrics[a]), summarize_decisions(scenario, results[a])});
  }
  std::optional<std::vector<MetricSummary>> difference;
  if (plan.arms.size() == 2) difference = paired_differences(metrics[0], metrics[1]);

  // Rows in (replication, arm) order: the two arms of a replication side by side.
  std::vector<ArmReplication> runs;
  for (std::uint64_t i = 0; i < scenario.replications; ++i) {
    for (std::size_t a = 0; a < plan.arms.size(); ++a)
      runs.push_back({i, plan.arms[a], &results[a][i]});
  }
  const RunSummary summary{
      .version = OMNISIM_VERSION,
      .scenario = scenario_record(scenario, plan.file.string(), options.overrides),
      .arms = arms,
      .paired_difference = difference,
      .run = record,
  };
  const std::vector<std::string>& categories = scenario.catalog.categories;
  output.add("summary.json", [&](std::ostream& file) { file << summary_json_text(summary); });
  output.add("replications.csv", [&](std::ostream& file) { write_replications_csv(file, runs); });
  output.add("timeseries.csv",
             [&](std::ostream& file) { write_timeseries_csv(file, runs, categories); });
  output.add("inventory.csv",
             [&](std::ostream& file) { write_inventory_csv(file, runs, categories); });
  output.add("open_orders.csv", [&](std::ostream& file) { write_open_orders_csv(file, runs); });
  output.add("decisions.csv",
             [&](std::ostream& file) { write_decisions_csv(file, scenario, runs); });
  if (scenario.kpi.node_days) {
    const std::vector<std::string> nodes = node_names(scenario);
    output.add("nodes.csv", [&](std::ostream& file) { write_nodes_csv(file, runs, nodes); });
    output.add("replenishment.csv",
               [&](std::ostream& file) { write_replenishment_csv(file, runs, nodes, categories); });
  }
  if (options.report) {
    // From the files just written, as `omnisim report` would, and part of the same set.
    output.seal();
    write_report(output.staging());
  }
  // The journal goes with the set in place, before a signal held back meanwhile can stop us.
  output.commit([&journal] { journal.remove(); });

  print_heading(out, plan, index, scenarios, record.committed_events, wall_seconds, threads);
  if (difference) {
    print_comparison_table(out, arms[0].metrics, arms[1].metrics, *difference,
                           scenario.replications);
  } else {
    print_metric_table(out, arms[0].metrics, scenario.replications);
  }
  if (!scenario.control_tower.rules.empty()) {
    for (const ArmSummary& arm : arms) {
      out << '\n';
      print_decision_summary(out, arm.arm, arm.decisions);
    }
  }
  const std::string node_files = scenario.kpi.node_days ? ", nodes.csv, replenishment.csv" : "";
  const char* const files =
      "\nWrote summary.json, replications.csv, timeseries.csv, inventory.csv,\n"
      "open_orders.csv";
  if (options.report) {
    out << files << ", decisions.csv" << node_files << " and\nreport.html to "
        << terminal_text(plan.out.string()) << "\n";
  } else {
    out << files << (node_files.empty() ? " and decisions.csv" : ", decisions.csv" + node_files)
        << "\nto " << terminal_text(plan.out.string()) << "\n";
  }
}

// Ctrl-C or SIGTERM stopped the run; `journal` is rank 0's (null on the others, which say
// nothing).
Interrupted stopped(int signal, const RunJournal* journal) {
  if (signal == 0) signal = SIGTERM;  // another rank's
  if (journal == nullptr) return Interrupted("", signal);
  return Interrupted("stopped by " + std::string(signal == SIGINT ? "SIGINT" : "SIGTERM") + ": " +
                         std::to_string(journal->saved_count()) + " replications are saved in '" +
                         journal->directory().string() +
                         "'. To finish the run, run the same command again with --resume.",
                     signal);
}

// `journal` is rank 0's (null on the others).
void run_one(const RunOptions& options, PlannedRun& plan, std::size_t index, std::size_t scenarios,
             unsigned threads, RunJournal* journal, std::ostream& out) {
  const retail::Scenario& scenario = plan.scenario;
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::vector<retail::ReplicationResult>> results;
  {
    ProgressBar progress(sim::process_rank() == 0 ? options.progress : nullptr,
                         plan.arms.size() * scenario.replications, options.progress_style,
                         journal != nullptr ? journal->done_count() : 0);
    InterruptGuard interrupt;
    results = run_all_replications(
        scenario, plan.arms, threads, [&] { progress.advance(); }, journal, &interrupt.flag());
    if (results.empty()) throw stopped(interrupt.signal(), journal);
  }
  const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
  sim::on_root(
      [&] {
        report_run(options, plan, results, wall.count(), index, scenarios, threads, *journal, out);
      },
      error_kinds());
}

}  // namespace

void run_command(const RunOptions& options, std::ostream& out) {
  const unsigned threads = sim::resolve_threads(options.threads);
  std::vector<PlannedRun> plans;
  sim::on_every_rank([&] { plans = plan_runs(options, threads); }, error_kinds());
  // Every journal taken (and checked) before the first replication runs.
  std::vector<std::unique_ptr<RunJournal>> journals(plans.size());
  sim::on_root(
      [&] {
        for (std::size_t s = 0; s < plans.size(); ++s) {
          const PlannedRun& plan = plans[s];
          journals[s] = std::make_unique<RunJournal>(
              plan.out, run_definition(plan.file, options.overrides, plan.scenario, plan.arms),
              plan.arms.size() * plan.scenario.replications, options.resume, options.force);
        }
      },
      error_kinds());
  // The estimate was checked while planning; this holds the run to the limit for real.
  const std::unique_ptr<MemoryWatchdog> watchdog = watch_memory(options.memory_limit_bytes);
  for (std::size_t s = 0; s < plans.size(); ++s) {
    if (s > 0) out << '\n';
    run_one(options, plans[s], s, plans.size(), threads, journals[s].get(), out);
  }
}

}  // namespace omnisim
