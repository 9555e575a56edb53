// Rank 0's view of a sweep in its output directory: what is done (from the journal of an earlier
// attempt and from this one), and the files it keeps up to date as tasks finish — the journal,
// one line per task, and manifest.json every few seconds. It holds the directory's lock.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "tools/experiment/sweep_journal.hpp"
#include "tools/experiment/sweep_manifest.hpp"
#include "tools/experiment/sweep_plan.hpp"

namespace omnisim {

class SweepState {
 public:
  // Starts the study in `out`: with `resume`, that of an earlier attempt (the same definition,
  // its journal's records kept); else a fresh one in a missing or empty directory, or with
  // `force` in any directory, whose study files are removed. Throws UsageError, ScenarioError or
  // OutputError naming the directory or file when it cannot. `plan` must outlive the state.
  SweepState(const SweepPlan& plan, std::filesystem::path out, bool resume, bool force);

  bool done(std::uint64_t task) const { return done_.count(task) > 0; }
  std::size_t done_count() const { return done_.size(); }
  // How many of the done tasks an earlier attempt did.
  std::size_t carried_over() const { return carried_over_; }

  // A finished task, journalled at once; called one at a time.
  void collect(TaskRecord record);

  // Writes manifest.json with `status` and the counts.
  void save(SweepStatus status);
  // How many tasks the study has in all, when known (not with --reps auto).
  void set_planned(std::optional<std::uint64_t> planned) { planned_ = planned; }

  // Every done task's record, in task order.
  std::vector<TaskRecord> records() const;

 private:
  void adopt(TaskRecord record);
  void resume();
  void start_fresh(bool force);

  const SweepPlan& plan_;
  std::filesystem::path out_;
  std::map<std::uint64_t, TaskRecord> done_;  // by task number
  std::size_t carried_over_ = 0;
  std::optional<std::uint64_t> planned_;
  std::unique_ptr<StudyLock> lock_;  // before the journal, so that it is let go last
  std::unique_ptr<JournalWriter> journal_;
  std::chrono::steady_clock::time_point last_manifest_{};
};

}  // namespace omnisim
