#include "tools/experiment/replication_runner.hpp"

#include <optional>

#include "sim/task_farm.hpp"
#include "tools/experiment/run_journal.hpp"

namespace omnisim {

std::vector<std::vector<retail::ReplicationResult>> run_all_replications(
    const retail::Scenario& scenario, const std::vector<retail::Arm>& arms, unsigned threads,
    const OnReplicationDone& on_done, RunJournal* journal, const std::atomic<bool>* stop) {
  return run_all_replications(scenario, arms, threads, Replicate(), on_done, journal, stop);
}

std::vector<std::vector<retail::ReplicationResult>> run_all_replications(
    const retail::Scenario& scenario, const std::vector<retail::Arm>& arms, unsigned threads,
    const Replicate& replicate, const OnReplicationDone& on_done, RunJournal* journal,
    const std::atomic<bool>* stop) {
  const Study study{{&scenario, 1}, arms, {}, replicate};
  // By task number.
  std::vector<std::optional<retail::ReplicationResult>> results(scenario.replications *
                                                                arms.size());
  std::vector<std::uint64_t> tasks;
  for (std::uint64_t task = 0; task < results.size(); ++task) {
    if (journal != nullptr) results[task] = journal->take(task);
    if (!results[task]) tasks.push_back(task);
  }
  const sim::RoundOutcome outcome = run_study_tasks(
      study, tasks, threads,
      [&](std::uint64_t task, const sim::TaskAt&, retail::ReplicationResult result) {
        if (journal != nullptr) journal->save(task, result);
        results[task] = std::move(result);
        if (on_done) on_done();
      },
      stop);
  if (outcome.stopped) return {};

  std::vector<std::vector<retail::ReplicationResult>> out(arms.size());
  if (sim::process_rank() != 0) return out;
  const sim::TaskNumbering numbering = study.numbering();
  for (std::uint64_t i = 0; i < scenario.replications; ++i) {
    for (std::size_t a = 0; a < arms.size(); ++a)
      out[a].push_back(std::move(*results[numbering.task(0, i, a)]));
  }
  return out;
}

}  // namespace omnisim
