// summary.json: what was run (scenario, overrides, seed), each arm's metrics with their intervals
// and what its rules did, and the paired difference between the arms.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "models/scenario/scenario.hpp"
#include "sim/statistics.hpp"
#include "tools/results/metric_summary.hpp"
#include "tools/results/run_summary.hpp"

namespace omnisim {

struct RunRecord {
  std::string scenario_file;
  std::vector<std::string> overrides;  // the --set assignments, in command-line order
  std::uint64_t committed_events = 0;  // over all replications of all arms
  double wall_seconds = 0;
  unsigned threads = 0;  // per process
  int processes = 1;     // under mpirun, its process count
  std::string run_id{};  // the output set's (tools/results/output_files.hpp)
};

// {"mean", "stddev", "ci_low", "ci_high", "n", "confidence"}; undefined values (NaN, and the
// spread and interval when n < 2) are null, since JSON has no NaN.
nlohmann::ordered_json summary_to_json(const sim::Summary& summary);

// {"owner", "firings", "fired_per_replication", "decided", "executed", "mean_hours_to_decision",
// "mean_hours_to_execution"}, the means null when nothing was decided (executed).
nlohmann::ordered_json activity_to_json(const RuleActivity& activity);

// Keys in the order a reader wants them: what ran (the scenario's name, description, file, seed,
// replications, horizon, overrides, rule names, and for the report its "control_tower" settings
// with every rule in full and its "status_quo" review); per arm ("status_quo", "control_tower",
// those that ran) its "metrics" in spine order and its "decisions" per rule; the
// "paired_difference" (control tower - status quo) per metric, null unless both arms ran; how it
// ran.
nlohmann::ordered_json make_summary_json(
    const retail::Scenario& scenario, const RunRecord& run, const std::vector<ArmSummary>& arms,
    const std::optional<std::vector<MetricSummary>>& paired_difference);

}  // namespace omnisim
