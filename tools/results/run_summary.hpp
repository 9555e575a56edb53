// A run's results summarised per arm, with what ran and how: everything summary.json holds
// (tools/results/summary_json.hpp writes and reads it), what the console tables show and what the
// report is drawn from.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/agents/control_tower.hpp"
#include "models/scenario/scenario.hpp"
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

// The parts of a rule's scope that are set, by name (a node is a DC's or a store's name).
struct RuleScopeNames {
  std::optional<std::string> channel;
  std::optional<std::string> category;
  std::optional<std::string> zone;
  std::optional<std::string> node;
};

// A control-tower rule in full, its parts as text where the report shows them as text.
struct RuleRecord {
  std::string name;
  std::string owner;
  std::string metric;
  RuleScopeNames scope;
  std::string scope_text;  // retail::describe_scope's
  std::uint32_t window_days = 1;
  std::string comparator;  // as scenario files write it: "<", "<=", ">", ">="
  double threshold = 0;
  double sustained_for_hours = 0;
  double timebox_hours = 0;
  std::string decision_hours;  // the distribution described, e.g. "uniform(2, 24)"
  bool weekly = false;         // decided at the weekly review rather than immediately
  double cooldown_hours = 0;
  std::vector<std::string> actions;  // each retail::describe'd
};

struct ControlTowerRecord {
  double evaluation_hour = 0;
  std::uint32_t review_day = 0;
  double review_hour = 0;
  std::vector<RuleRecord> rules;
};

// The status quo's periodic review; `rules` are the names of the rules it looks at.
struct StatusQuoRecord {
  double first_review_day = 0;
  double review_every_days = 0;
  double review_hour = 0;
  std::uint32_t window_days = 0;  // 0: each rule's own window
  std::string decision_hours;
  std::vector<std::string> rules;
};

// What ran: the scenario as loaded, with the command line's overrides applied.
struct ScenarioRecord {
  std::string name;
  std::string description;
  std::string file;
  std::uint64_t seed = 0;
  std::uint32_t replications = 0;
  std::uint32_t horizon_days = 0;
  std::vector<std::string> overrides;  // the --set assignments, in command-line order
  ControlTowerRecord control_tower;
  StatusQuoRecord status_quo;
};

// How it ran.
struct RunRecord {
  std::string run_id;                  // the output set's (tools/results/output_files.hpp)
  std::uint64_t committed_events = 0;  // over all replications of all arms
  double wall_seconds = 0;
  unsigned threads = 0;  // per process
  int processes = 1;     // under mpirun, its process count
};

// One run of one scenario, summarised.
struct RunSummary {
  std::string version;  // omnisim's
  ScenarioRecord scenario;
  std::vector<ArmSummary> arms;  // those that ran, in the order run (status quo first)
  // Control tower - status quo per metric, when both arms ran.
  std::optional<std::vector<MetricSummary>> paired_difference;
  RunRecord run;
};

// The record of `scenario` as summary.json keeps it.
ScenarioRecord scenario_record(const retail::Scenario& scenario, std::string file,
                               std::vector<std::string> overrides);

// The arm of `summary` that ran as `arm`, or null.
const ArmSummary* find_arm(const RunSummary& summary, retail::Arm arm);

// The metric named `name` among `metrics`, or null.
const MetricSummary* find_metric(const std::vector<MetricSummary>& metrics, std::string_view name);

}  // namespace omnisim
