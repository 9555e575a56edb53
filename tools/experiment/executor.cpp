// Rank 0 keeps the results of its own tasks as they are, from the worker that ran one to the
// collect the farm calls next: only the other ranks' results go through bytes.
#include "tools/experiment/executor.hpp"

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "models/scenario/loader.hpp"
#include "sim/task_farm.hpp"
#include "tools/experiment/replication_codec.hpp"
#include "tools/results/arms.hpp"
#include "tools/results/errors.hpp"

namespace omnisim {
namespace {

// Only rank 0 knows what is left to run (from its journal); every rank runs a share of it.
std::vector<std::uint64_t> rank_0_tasks(const std::vector<std::uint64_t>& tasks) {
  const std::vector<std::uint8_t> cbor = nlohmann::json::to_cbor(nlohmann::json(tasks));
  return nlohmann::json::from_cbor(sim::broadcast_from_root(std::string(cbor.begin(), cbor.end())))
      .get<std::vector<std::uint64_t>>();
}

// The results of rank 0's own tasks, between their run and their collect.
class LocalResults {
 public:
  void put(std::uint64_t task, retail::ReplicationResult result) {
    const std::lock_guard lock(mutex_);
    results_.emplace(task, std::move(result));
  }
  std::optional<retail::ReplicationResult> take(std::uint64_t task) {
    const std::lock_guard lock(mutex_);
    const auto found = results_.find(task);
    if (found == results_.end()) return std::nullopt;
    retail::ReplicationResult result = std::move(found->second);
    results_.erase(found);
    return result;
  }

 private:
  std::mutex mutex_;
  std::map<std::uint64_t, retail::ReplicationResult> results_;
};

[[noreturn]] void throw_failure(const Study& study, const sim::TaskFailure& failure) {
  const TaskAt at = study.numbering().at(failure.task());
  const retail::Scenario& scenario = study.points[at.point];
  std::string message = "replication " + std::to_string(at.replication);
  // Without rules the arms behave alike, so naming one would only puzzle.
  if (!scenario.control_tower.rules.empty())
    message += " in the " + std::string(arm_label(study.arms[at.arm])) + " arm";
  message +=
      " of " +
      (study.name_point ? study.name_point(at.point)
                        : "'" + scenario.name + "' (seed " + std::to_string(scenario.seed) + ")") +
      " failed: " + failure.what();
  if (failure.kind() == error_kinds().kind_of<retail::ScenarioError>())
    throw retail::ScenarioError(message);
  throw ReplicationFailure(message);
}

}  // namespace

RoundOutcome run_study_tasks(const Study& study, const std::vector<std::uint64_t>& tasks,
                             unsigned threads, const CollectResult& collect,
                             const std::atomic<bool>* stop) {
  const std::vector<std::uint64_t> to_run = rank_0_tasks(tasks);
  const TaskNumbering numbering = study.numbering();
  const bool root = sim::process_rank() == 0;
  LocalResults local;
  const auto run = [&](std::uint64_t task, unsigned share) {
    const TaskAt at = numbering.at(task);
    const retail::Scenario& scenario = study.points[at.point];
    const retail::Arm arm = study.arms[at.arm];
    retail::ReplicationResult result =
        study.replicate ? study.replicate(scenario, at.replication, arm, share)
                        : retail::run_replication(scenario, at.replication, share, arm);
    if (!root) return encode_replication(result);
    local.put(task, std::move(result));
    return std::string();
  };
  const auto collected = [&](std::uint64_t task, const std::string& bytes) {
    std::optional<retail::ReplicationResult> result = local.take(task);
    collect(task, numbering.at(task), result ? std::move(*result) : decode_replication(bytes));
  };
  try {
    if (!to_run.empty()) sim::run_task_farm(to_run, threads, run, collected, error_kinds(), stop);
  } catch (const sim::TaskFailure& failure) {
    throw_failure(study, failure);
  }
  return {to_run.size(), sim::any_rank(stop != nullptr && stop->load())};
}

}  // namespace omnisim
