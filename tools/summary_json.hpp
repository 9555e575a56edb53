// summary.json: what was run (scenario, overrides, seed) and each metric's mean and interval.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "models/config.hpp"
#include "sim/statistics.hpp"
#include "tools/metric_summary.hpp"

namespace omnisim {

struct RunRecord {
  std::string scenario_file;
  std::vector<std::string> overrides;  // the --set assignments, in command-line order
  std::uint64_t committed_events = 0;  // over all replications
  double wall_seconds = 0;
  unsigned threads = 0;
};

// {"mean", "stddev", "ci_low", "ci_high", "n", "confidence"}; undefined values (NaN, and the
// spread and interval when n < 2) are null, since JSON has no NaN.
nlohmann::ordered_json summary_to_json(const sim::Summary& summary);

// Keys in the order a reader wants them: what ran, the metrics in spine order, how it ran.
nlohmann::ordered_json make_summary_json(const retail::Scenario& scenario, const RunRecord& run,
                                         const std::vector<MetricSummary>& metrics);

}  // namespace omnisim
