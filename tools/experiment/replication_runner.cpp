// Tasks are numbered (replication, arm) so that the failure reported is the same whatever the
// scheduling, and so that the two arms of a replication tend to finish together.
#include "tools/experiment/replication_runner.hpp"

#include <nlohmann/json.hpp>
#include <numeric>
#include <optional>
#include <string>

#include "models/scenario/loader.hpp"
#include "sim/task_farm.hpp"
#include "tools/experiment/replication_codec.hpp"
#include "tools/experiment/run_journal.hpp"
#include "tools/results/arms.hpp"
#include "tools/results/errors.hpp"

namespace omnisim {

std::vector<std::vector<retail::ReplicationResult>> run_all_replications(
    const retail::Scenario& scenario, const std::vector<retail::Arm>& arms, unsigned threads,
    const OnReplicationDone& on_done, RunJournal* journal, const std::atomic<bool>* stop) {
  return run_all_replications(
      scenario, arms, threads,
      [&scenario](std::uint64_t i, retail::Arm arm, unsigned share) {
        return retail::run_replication(scenario, i, share, arm);
      },
      on_done, journal, stop);
}

std::vector<std::vector<retail::ReplicationResult>> run_all_replications(
    const retail::Scenario& scenario, const std::vector<retail::Arm>& arms, unsigned threads,
    const Replicate& replicate, const OnReplicationDone& on_done, RunJournal* journal,
    const std::atomic<bool>* stop) {
  const std::size_t replications = scenario.replications;
  // Task k is replication k / arms.size() in arm k % arms.size().
  std::vector<std::optional<retail::ReplicationResult>> results(replications * arms.size());
  const bool root = sim::process_rank() == 0;
  std::vector<std::uint64_t> tasks;
  if (journal != nullptr) {
    for (std::uint64_t k = 0; k < results.size(); ++k) {
      results[k] = journal->take(k);
      if (!results[k]) tasks.push_back(k);
    }
  } else {
    tasks.resize(results.size());
    std::iota(tasks.begin(), tasks.end(), std::uint64_t{0});
  }
  // Rank 0 alone knows what its journal holds.
  const std::vector<std::uint8_t> tasks_cbor = nlohmann::json::to_cbor(nlohmann::json(tasks));
  tasks = nlohmann::json::from_cbor(
              sim::broadcast_from_root(std::string(tasks_cbor.begin(), tasks_cbor.end())))
              .get<std::vector<std::uint64_t>>();
  try {
    if (!tasks.empty())
      sim::run_task_farm(
          tasks, threads,
          [&](std::uint64_t k, unsigned share) {
            retail::ReplicationResult result =
                replicate(k / arms.size(), arms[k % arms.size()], share);
            // Rank 0 keeps its own results as they are: only other ranks' go through bytes.
            if (!root) return encode_replication(result);
            results[k] = std::move(result);
            return std::string();
          },
          [&](std::uint64_t k, std::string bytes) {
            if (!results[k]) results[k] = decode_replication(bytes);
            if (journal != nullptr) journal->save(k, *results[k]);
            if (on_done) on_done();
          },
          error_kinds(), stop);
  } catch (const sim::TaskFailure& e) {
    if (e.kind() == error_kinds().kind_of<retail::ScenarioError>())
      throw retail::ScenarioError(e.what());
    const std::uint64_t k = e.task();
    // Without rules the arms behave alike, so naming one would only puzzle.
    const std::string arm =
        scenario.control_tower.rules.empty()
            ? ""
            : " in the " + std::string(arm_label(arms[k % arms.size()])) + " arm";
    throw ReplicationFailure("replication " + std::to_string(k / arms.size()) + arm + " of '" +
                             scenario.name + "' (seed " + std::to_string(scenario.seed) +
                             ") failed: " + e.what());
  }

  if (sim::any_rank(stop != nullptr && stop->load())) return {};

  std::vector<std::vector<retail::ReplicationResult>> out(arms.size());
  if (!root) return out;
  for (auto& arm : out)
    arm.reserve(replications);
  for (std::size_t k = 0; k < results.size(); ++k)
    out[k % arms.size()].push_back(std::move(*results[k]));
  return out;
}

}  // namespace omnisim
