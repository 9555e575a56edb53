// omnisim run's study: every replication of every arm of one scenario, the executor's one-point
// case (tools/experiment/executor.hpp), its results kept and journalled.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "models/agents/control_tower.hpp"
#include "models/scenario/scenario.hpp"
#include "models/world/simulation.hpp"
#include "tools/experiment/executor.hpp"

namespace omnisim {

class RunJournal;

// Called once per finished replication on rank 0, one call at a time (for a progress bar).
using OnReplicationDone = std::function<void()>;

// results[a][i] is replication i of `scenario` in arms[a], on `threads` threads in all per
// process. Every replication of every arm is
// one task (arms.size() x scenario.replications of them, task replication * arms.size() + arm):
// under mpirun they are spread over the processes, and within one they all run side by side; when
// there are fewer tasks than threads each gets a share of the rest. The results do not depend on
// `threads` nor on the process count. Collective under MPI: every rank calls it, rank 0 gets the
// results, the others get arms.size() empty vectors. If tasks fail, every rank throws for the
// lowest-numbered one (a ScenarioError or a ReplicationFailure naming the replication, and the
// arm when the scenario has control-tower rules). With a `journal` (rank 0's; null on the
// others), the tasks it holds are taken from it instead of run, and every task that finishes is
// saved in it before `on_done`. Once *stop (if given) is true on any rank, no further task
// starts; the running ones finish (and are saved), and every rank returns no arms at all.
std::vector<std::vector<retail::ReplicationResult>> run_all_replications(
    const retail::Scenario& scenario, const std::vector<retail::Arm>& arms, unsigned threads,
    const OnReplicationDone& on_done = {}, RunJournal* journal = nullptr,
    const std::atomic<bool>* stop = nullptr);
// The same, each replication run by `replicate`.
std::vector<std::vector<retail::ReplicationResult>> run_all_replications(
    const retail::Scenario& scenario, const std::vector<retail::Arm>& arms, unsigned threads,
    const Replicate& replicate, const OnReplicationDone& on_done = {},
    RunJournal* journal = nullptr, const std::atomic<bool>* stop = nullptr);

}  // namespace omnisim
