// Running one replication of a scenario: build the agents, run to the horizon, collect the KPIs
// and check the invariants.
#pragma once

#include <cstdint>

#include "models/agents/control_tower.hpp"
#include "models/metrics/audit.hpp"
#include "models/metrics/kpi.hpp"
#include "models/scenario/scenario.hpp"
#include "sim/engine_core.hpp"

namespace retail {

struct ReplicationResult {
  KpiTable kpis;
  Audit audit;
  sim::RunStats stats;
  std::vector<DecisionRecord> decisions;  // the control tower's log (empty without rules)
};

// Runs replication `replication` of `scenario` in one arm on `threads` threads (1: the
// sequential engine; the results are identical for any count). Both arms of a replication draw
// the same random numbers wherever they behave alike (common random numbers). Throws
// InvariantViolation if a conservation law fails and ScenarioError if the scenario cannot be
// built (e.g. a zone without stores).
ReplicationResult run_replication(const Scenario& scenario, std::uint64_t replication,
                                  unsigned threads = 1, Arm arm = Arm::status_quo);

}  // namespace retail
