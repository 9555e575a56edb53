// A run's results summarised per arm: what summary.json holds and the console tables show.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "models/control_tower.hpp"
#include "tools/results/metric_summary.hpp"

namespace omnisim {

// What one rule did in one arm, over all its replications.
struct RuleActivity {
  std::string rule;
  std::string owner;
  std::uint64_t firings = 0;
  double fired_per_replication = 0;
  std::uint64_t decided = 0;   // firings decided before the horizon
  std::uint64_t executed = 0;  // firings whose actions all took effect before the horizon
  // Over the firings decided (executed); NaN when there are none.
  double mean_hours_to_decision = std::numeric_limits<double>::quiet_NaN();
  double mean_hours_to_execution = std::numeric_limits<double>::quiet_NaN();
};

// An arm's results summarised: its metrics over its replications and what its rules did.
struct ArmSummary {
  retail::Arm arm = retail::Arm::status_quo;
  std::vector<MetricSummary> metrics;
  std::vector<RuleActivity> decisions;  // one per rule of the scenario
};

}  // namespace omnisim
