// Expected events per simulated day of every agent, in agent-id order: what the parallel engine
// balances its partitions by (a rough estimate is enough; results never depend on it).
#pragma once

#include <vector>

#include "models/world/network.hpp"

namespace retail {

std::vector<double> expected_daily_events(const Network& network);

}  // namespace retail
