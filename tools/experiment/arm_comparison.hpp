// The two arms side by side: the paired difference of every spine metric, what each control-tower
// rule did in an arm, and the console tables of both.
#pragma once

#include <cstdint>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

#include "models/agents/control_tower.hpp"
#include "models/metrics/kpi.hpp"
#include "models/scenario/scenario.hpp"
#include "models/world/simulation.hpp"
#include "tools/results/metric_summary.hpp"
#include "tools/results/run_summary.hpp"

namespace omnisim {

// Per metric, control tower - status quo with common random numbers: treatment[i] - baseline[i]
// over the replications where the metric is defined in both arms (n says how many), via
// sim::compare_paired. Both arms must report the same metrics over the same replications
// (std::logic_error otherwise).
std::vector<MetricSummary> paired_differences(
    const std::vector<std::vector<retail::Metric>>& baseline,
    const std::vector<std::vector<retail::Metric>>& treatment);

// One entry per rule of the scenario, in its order, from the decision logs of an arm's
// replications.
std::vector<RuleActivity> summarize_decisions(
    const retail::Scenario& scenario, const std::vector<retail::ReplicationResult>& replications);

// metric | status quo | control tower | difference [95 % CI], aligned; "n/a" where undefined,
// and "*" on the rows of metrics defined in fewer than all `replications` of an arm.
void print_comparison_table(std::ostream& out, const std::vector<MetricSummary>& status_quo,
                            const std::vector<MetricSummary>& control_tower,
                            const std::vector<MetricSummary>& difference, std::size_t replications);

// "Decisions, control tower ...": per rule its owner, firings per replication and mean hours
// from firing to decision and to execution.
void print_decision_summary(std::ostream& out, retail::Arm arm,
                            const std::vector<RuleActivity>& rules);

}  // namespace omnisim
