// A sweep's finished replications gathered per grid point, and their statistics per arm.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "models/world/simulation.hpp"
#include "sim/experiment.hpp"
#include "tools/experiment/sweep_journal.hpp"
#include "tools/experiment/sweep_plan.hpp"
#include "tools/results/metric_summary.hpp"

namespace omnisim {

// A finished task of the study reduced to what the sweep keeps of it: its spine metrics.
TaskRecord task_record(const SweepPlan& plan, const sim::TaskAt& at,
                       const retail::ReplicationResult& result);

struct PointSummary {
  std::uint64_t replications = 0;
  std::vector<std::vector<MetricSummary>> arms;          // per arm of the plan
  std::optional<std::vector<MetricSummary>> difference;  // control tower - status quo, paired
};

// Point p's statistics over its replications 0 .. counts[p] - 1, every arm of each of which must be
// among `records` (std::logic_error otherwise); records beyond the counts are ignored.
std::vector<PointSummary> summarize_points(const SweepPlan& plan,
                                           const std::vector<TaskRecord>& records,
                                           const std::vector<std::uint64_t>& counts);

// Records in output order: by point, then replication, then arm.
void sort_for_output(std::vector<TaskRecord>& records);

}  // namespace omnisim
