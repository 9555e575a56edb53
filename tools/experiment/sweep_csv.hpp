// A sweep's two tables: sweep.csv (statistics per grid point and arm) and replications.csv
// (every replication of every arm of every point).
#pragma once

#include <ostream>
#include <vector>

#include "tools/experiment/sweep_journal.hpp"
#include "tools/experiment/sweep_plan.hpp"
#include "tools/experiment/sweep_results.hpp"

namespace omnisim {

// Header: point, one column per grid axis (its path), arm, replications, then for every spine
// metric its _mean, _std, _ci_low and _ci_high (95 % Student-t). Per point a row per arm, then,
// with both arms, a "difference" row: the paired control tower - status quo difference.
void write_sweep_csv(std::ostream& out, const SweepPlan& plan,
                     const std::vector<PointSummary>& points);

// Header: point, the axes, replication, arm, then the spine metrics; rows follow `records`
// (sort_for_output order), undefined metrics empty.
void write_sweep_replications_csv(std::ostream& out, const SweepPlan& plan,
                                  const std::vector<TaskRecord>& records);

}  // namespace omnisim
