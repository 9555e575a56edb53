// Running every replication of every arm of a scenario side by side on oneTBB.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "models/config.hpp"
#include "models/control_tower.hpp"
#include "models/simulation.hpp"

namespace omnisim {

// Runs one replication of one arm on so many threads; retail::run_replication but for tests.
using Replicate = std::function<retail::ReplicationResult(std::uint64_t replication,
                                                          retail::Arm arm, unsigned threads)>;

// Called once per finished replication, from the worker that ran it (for a progress bar).
using OnReplicationDone = std::function<void()>;

// results[a][i] is replication i of `scenario` in arms[a], on `threads` threads in all. Every
// replication of every arm is one task (arms.size() x scenario.replications of them) and they all
// run side by side; when there are fewer tasks than threads each gets a share of the rest. The
// results do not depend on `threads`. If tasks fail, the lowest-numbered failure in (replication,
// arm) order is rethrown (a ScenarioError as is, anything else as a ReplicationFailure naming the
// replication, and the arm when the scenario has control-tower rules).
std::vector<std::vector<retail::ReplicationResult>> run_all_replications(
    const retail::Scenario& scenario, const std::vector<retail::Arm>& arms, unsigned threads,
    const OnReplicationDone& on_done = {});
std::vector<std::vector<retail::ReplicationResult>> run_all_replications(
    const retail::Scenario& scenario, const std::vector<retail::Arm>& arms, unsigned threads,
    const Replicate& replicate, const OnReplicationDone& on_done = {});

}  // namespace omnisim
