// Tasks are numbered (replication, arm) so that the failure reported is the same whatever the
// scheduling, and so that the two arms of a replication tend to finish together.
#include "tools/replication_runner.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <optional>
#include <string>

#include "models/scenario.hpp"
#include "tools/arms.hpp"
#include "tools/errors.hpp"

namespace omnisim {

std::vector<std::vector<retail::ReplicationResult>> run_all_replications(
    const retail::Scenario& scenario, const std::vector<retail::Arm>& arms, unsigned threads,
    const OnReplicationDone& on_done) {
  return run_all_replications(
      scenario, arms, threads,
      [&scenario](std::uint64_t i, retail::Arm arm, unsigned share) {
        return retail::run_replication(scenario, i, share, arm);
      },
      on_done);
}

std::vector<std::vector<retail::ReplicationResult>> run_all_replications(
    const retail::Scenario& scenario, const std::vector<retail::Arm>& arms, unsigned threads,
    const Replicate& replicate, const OnReplicationDone& on_done) {
  const std::size_t replications = scenario.replications;
  const std::size_t tasks = replications * arms.size();
  if (tasks == 0) return std::vector<std::vector<retail::ReplicationResult>>(arms.size());
  threads = std::max(1u, threads);
  // Replications are independent, so running them side by side scales best; only threads no
  // task can use go to the parallel engine inside one.
  const unsigned per_task = tasks >= threads ? 1u : threads / static_cast<unsigned>(tasks);

  // Task k is replication k / arms.size() in arm k % arms.size().
  std::vector<std::optional<retail::ReplicationResult>> results(tasks);
  std::vector<std::exception_ptr> errors(tasks);
  // Tasks above a failed one are skipped, those below still run: the failure reported is then
  // always the lowest-numbered one, whatever the scheduling.
  std::atomic<std::size_t> lowest_failure{tasks};
  tbb::task_arena arena(static_cast<int>(threads));
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, tasks, 1), [&](const auto& range) {
      for (std::size_t k = range.begin(); k != range.end(); ++k) {
        if (k > lowest_failure.load()) continue;
        try {
          results[k] = replicate(k / arms.size(), arms[k % arms.size()], per_task);
        } catch (...) {
          errors[k] = std::current_exception();
          std::size_t lowest = lowest_failure.load();
          while (k < lowest && !lowest_failure.compare_exchange_weak(lowest, k)) {
          }
        }
        if (on_done) on_done();
      }
    });
  });

  for (std::size_t k = 0; k < tasks; ++k) {
    if (!errors[k]) continue;
    try {
      std::rethrow_exception(errors[k]);
    } catch (const retail::ScenarioError&) {
      throw;
    } catch (const std::exception& e) {
      // Without rules the arms behave alike, so naming one would only puzzle.
      const std::string arm =
          scenario.control_tower.rules.empty()
              ? ""
              : " in the " + std::string(arm_label(arms[k % arms.size()])) + " arm";
      throw ReplicationFailure("replication " + std::to_string(k / arms.size()) + arm + " of '" +
                               scenario.name + "' (seed " + std::to_string(scenario.seed) +
                               ") failed: " + e.what());
    }
  }
  std::vector<std::vector<retail::ReplicationResult>> out(arms.size());
  for (auto& arm : out)
    arm.reserve(replications);
  for (std::size_t k = 0; k < tasks; ++k)
    out[k % arms.size()].push_back(std::move(*results[k]));
  return out;
}

}  // namespace omnisim
