// An estimate of a run's peak memory from its scenario, so a run that cannot fit is refused
// before it starts instead of being killed by the OS halfway through.
#pragma once

#include <cstdint>

#include "models/scenario/scenario.hpp"

namespace retail {

// Peak resident bytes of a run of `replications` replications of `scenario`, at most
// `concurrent_replications` of them in memory at once (each with its agents, views and pending
// events, the last from the demand and the scenario's own times in flight: carrier transits,
// return windows, pickups), plus the KPI tables of every replication, kept until the outputs are
// written. Meant to err high, within about twice the real peak for chains large enough to matter.
std::uint64_t estimate_run_bytes(const Scenario& scenario, unsigned concurrent_replications,
                                 std::uint32_t replications);

// The part of the above for one replication while it runs (its KPI table included).
std::uint64_t estimate_replication_bytes(const Scenario& scenario);

}  // namespace retail
