// omnisim's studies, `run` (one point) and `sweep` (every grid point) alike, on the kernel's one
// experiment executor (sim/experiment.hpp): a point is a scenario, an arm a retail::Arm, a result
// a whole retail::ReplicationResult, shipped to rank 0 in replication_codec's bytes.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "models/agents/control_tower.hpp"
#include "models/scenario/scenario.hpp"
#include "models/world/simulation.hpp"
#include "sim/experiment.hpp"

namespace omnisim {

// Runs one replication of one arm of a point's scenario on so many threads: retail::run_replication
// but for tests.
using Replicate = std::function<retail::ReplicationResult(const retail::Scenario& scenario,
                                                          std::uint64_t replication,
                                                          retail::Arm arm, unsigned threads)>;

// Receives a finished task on rank 0, one call at a time, in no particular order.
using CollectResult = sim::CollectExperimentTask<retail::ReplicationResult>;

// What a study runs: each point's scenario in each arm, replication after replication.
struct Study {
  std::span<const retail::Scenario> points;  // the scenario of each point
  std::vector<retail::Arm> arms;             // every point's
  // How a failure names point p, after "replication R in the A arm of ": by default its scenario,
  // "'name' (seed S)"; a sweep's says which grid point.
  std::function<std::string(std::uint64_t point)> name_point;
  Replicate replicate;  // retail::run_replication when empty

  sim::TaskNumbering numbering() const { return {points.size(), arms.size()}; }
};

// Collective. Runs rank 0's `tasks` of `study` (the other ranks' lists are ignored) across the
// processes, on `threads` threads in all per process, and calls `collect` on rank 0 for each
// finished one; results do not depend on `threads` nor on the process count. Once *stop (if
// given) is true on a rank, no further task starts there; running ones finish and are collected.
// If tasks fail (or their collect throws), every rank throws for the lowest-numbered one, naming
// its replication, its arm (when the point's scenario has control-tower rules, else the arms are
// alike) and its point: a retail::ScenarioError when it threw one, else a ReplicationFailure.
sim::RoundOutcome run_study_tasks(const Study& study, const std::vector<std::uint64_t>& tasks,
                                  unsigned threads, const CollectResult& collect,
                                  const std::atomic<bool>* stop = nullptr);

}  // namespace omnisim
