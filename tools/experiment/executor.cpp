#include "tools/experiment/executor.hpp"

#include <string>

#include "models/scenario/loader.hpp"
#include "sim/task_farm.hpp"
#include "tools/experiment/replication_codec.hpp"
#include "tools/results/arms.hpp"
#include "tools/results/errors.hpp"

namespace omnisim {
namespace {

[[noreturn]] void throw_failure(const Study& study, const sim::TaskFailure& failure) {
  const sim::TaskAt at = study.numbering().at(failure.task());
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

sim::RoundOutcome run_study_tasks(const Study& study, const std::vector<std::uint64_t>& tasks,
                                  unsigned threads, const CollectResult& collect,
                                  const std::atomic<bool>* stop) {
  const sim::RunExperimentTask<retail::ReplicationResult> run = [&](const sim::TaskAt& at,
                                                                    unsigned share) {
    const retail::Scenario& scenario = study.points[at.point];
    const retail::Arm arm = study.arms[at.arm];
    return study.replicate ? study.replicate(scenario, at.replication, arm, share)
                           : retail::run_replication(scenario, at.replication, share, arm);
  };
  try {
    return sim::run_experiment<retail::ReplicationResult>(study.numbering(), tasks, threads, run,
                                                          {encode_replication, decode_replication},
                                                          collect, error_kinds(), stop);
  } catch (const sim::TaskFailure& failure) {
    throw_failure(study, failure);
  }
}

}  // namespace omnisim
