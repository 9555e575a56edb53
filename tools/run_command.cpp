// omnisim run: replications in parallel, then every output computed before anything is written.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <chrono>
#include <exception>
#include <optional>

#include "models/scenario.hpp"
#include "sim/threads.hpp"
#include "tools/commands.hpp"
#include "tools/errors.hpp"
#include "tools/memory_limit.hpp"
#include "tools/metric_summary.hpp"
#include "tools/output_files.hpp"
#include "tools/summary_json.hpp"
#include "tools/timeseries_csv.hpp"

namespace omnisim {
namespace {

std::string format_seconds(double seconds) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), seconds,
                                    std::chars_format::fixed, 2);
  return std::string(buffer.data(), result.ptr);
}

}  // namespace

std::vector<retail::ReplicationResult> run_all_replications(const retail::Scenario& scenario,
                                                            unsigned threads) {
  return run_all_replications(scenario, threads, [&scenario](std::uint64_t i, unsigned share) {
    return retail::run_replication(scenario, i, share);
  });
}

std::vector<retail::ReplicationResult> run_all_replications(const retail::Scenario& scenario,
                                                            unsigned threads,
                                                            const Replicate& replicate) {
  const std::size_t replications = scenario.replications;
  if (replications == 0) return {};
  threads = std::max(1u, threads);
  // Replications are independent, so running them side by side scales best; only threads no
  // replication can use go to the parallel engine inside one.
  const unsigned per_replication =
      replications >= threads ? 1u : threads / static_cast<unsigned>(replications);

  std::vector<std::optional<retail::ReplicationResult>> results(replications);
  std::vector<std::exception_ptr> errors(replications);
  // Replications above a failed one are skipped, those below still run: the failure reported
  // is then always the lowest-numbered one, whatever the scheduling.
  std::atomic<std::size_t> lowest_failure{replications};
  tbb::task_arena arena(static_cast<int>(threads));
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, replications, 1), [&](const auto& range) {
      for (std::size_t i = range.begin(); i != range.end(); ++i) {
        if (i > lowest_failure.load()) continue;
        try {
          results[i] = replicate(i, per_replication);
        } catch (...) {
          errors[i] = std::current_exception();
          std::size_t lowest = lowest_failure.load();
          while (i < lowest && !lowest_failure.compare_exchange_weak(lowest, i)) {
          }
        }
      }
    });
  });

  for (std::size_t i = 0; i < replications; ++i) {
    if (!errors[i]) continue;
    try {
      std::rethrow_exception(errors[i]);
    } catch (const retail::ScenarioError&) {
      throw;
    } catch (const std::exception& e) {
      throw ReplicationFailure("replication " + std::to_string(i) + " of '" + scenario.name +
                               "' (seed " + std::to_string(scenario.seed) +
                               ") failed: " + e.what());
    }
  }
  std::vector<retail::ReplicationResult> out;
  out.reserve(replications);
  for (auto& result : results)
    out.push_back(std::move(*result));
  return out;
}

void run_command(const RunOptions& options, std::ostream& out) {
  retail::Scenario scenario = retail::load_scenario(options.scenario, options.overrides).scenario;
  if (options.replications) scenario.replications = *options.replications;
  if (options.seed) scenario.seed = *options.seed;
  const unsigned threads = sim::resolve_threads(options.threads);
  // Refuse now rather than be killed by the OS, or fail to write, after a long run; the output
  // directory is checked again just before writing.
  check_memory(scenario, threads, options.memory_limit_bytes);
  check_output_directory(options.out, options.force);

  const auto start = std::chrono::steady_clock::now();
  const std::vector<retail::ReplicationResult> results = run_all_replications(scenario, threads);
  const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;

  std::vector<std::vector<retail::Metric>> metrics_by_replication;
  std::vector<const retail::KpiTable*> tables;
  RunRecord record{options.scenario.string(), options.overrides, 0, wall.count(), threads};
  for (const auto& result : results) {
    metrics_by_replication.push_back(retail::spine_metrics(result.kpis));
    tables.push_back(&result.kpis);
    record.committed_events += result.stats.committed_events;
  }
  const std::vector<MetricSummary> metrics = summarize_metrics(metrics_by_replication);
  const std::string summary = make_summary_json(scenario, record, metrics)
                                  .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
                              "\n";
  const std::vector<std::string>& categories = scenario.catalog.categories;

  write_output_directory(
      options.out, options.force,
      {{"summary.json", [&](std::ostream& file) { file << summary; }},
       {"timeseries.csv",
        [&](std::ostream& file) { write_timeseries_csv(file, tables, categories); }},
       {"inventory.csv",
        [&](std::ostream& file) { write_inventory_csv(file, tables, categories); }}});

  out << "Scenario '" << scenario.name << "': " << std::to_string(scenario.replications)
      << (scenario.replications == 1 ? " replication" : " replications") << " of "
      << std::to_string(scenario.horizon_days) << " days from seed "
      << std::to_string(scenario.seed) << ", " << std::to_string(record.committed_events)
      << " events in " << format_seconds(wall.count()) << " s on " << std::to_string(threads)
      << (threads == 1 ? " thread" : " threads") << ".\n\n";
  print_metric_table(out, metrics, scenario.replications);
  out << "\nWrote summary.json, timeseries.csv and inventory.csv to " << options.out.string()
      << "\n";
}

}  // namespace omnisim
