// Running one replication of a scenario: build the agents, run to the horizon, collect the KPIs
// and check the invariants.
#pragma once

#include <cstdint>

#include "models/audit.hpp"
#include "models/config.hpp"
#include "models/kpi.hpp"
#include "sim/engine_core.hpp"

namespace retail {

struct ReplicationResult {
  KpiTable kpis;
  Audit audit;
  sim::RunStats stats;
};

// Runs replication `replication` of `scenario` on `threads` threads (1: the sequential engine;
// the results are identical for any count). Throws InvariantViolation if a conservation law
// fails and ScenarioError if the scenario cannot be built (e.g. a zone without stores).
ReplicationResult run_replication(const Scenario& scenario, std::uint64_t replication,
                                  unsigned threads = 1);

}  // namespace retail
