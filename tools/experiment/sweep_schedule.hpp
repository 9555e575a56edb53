// How many replications each point of a sweep gets, and which tasks that leaves to run: the
// plan's count for every point, or with --reps auto its minimum, raised round by round for the
// points whose objective interval is still too wide.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "tools/experiment/sweep_journal.hpp"
#include "tools/experiment/sweep_plan.hpp"

namespace omnisim {

class SweepSchedule {
 public:
  // `plan` must outlive the schedule.
  explicit SweepSchedule(const SweepPlan& plan);

  // Replications per point, at present.
  const std::vector<std::uint64_t>& counts() const { return counts_; }
  // This shard's tasks (the whole study's without --shard) at the current counts.
  std::uint64_t planned_tasks() const;
  // The tasks of the current counts (this shard's slice) that are not `done`, in task order.
  std::vector<std::uint64_t> missing(const std::function<bool(std::uint64_t task)>& done) const;
  // --reps auto: after a round, raises the count of every point whose objective interval (in the
  // ranked arm) is still wider than asked, aiming from the current width at the count that would
  // meet it, at most doubling per round and never beyond the maximum. False when no point needs
  // more, and always without --reps auto. `records` must hold every task of the current counts.
  bool extend(const std::vector<TaskRecord>& records);

 private:
  bool in_shard(std::uint64_t task) const;

  const SweepPlan& plan_;
  std::vector<std::uint64_t> counts_;
};

}  // namespace omnisim
