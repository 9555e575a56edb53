#include "tools/experiment/sweep_schedule.hpp"

#include <algorithm>
#include <cmath>

#include "tools/experiment/sweep_results.hpp"
#include "tools/experiment/sweep_study.hpp"

namespace omnisim {

SweepSchedule::SweepSchedule(const SweepPlan& plan)
    : plan_(plan),
      counts_(plan.points.size(),
              plan.auto_replications ? plan.auto_replications->min : plan.replications) {}

std::uint64_t SweepSchedule::planned_tasks() const {
  return missing([](std::uint64_t) { return false; }).size();
}

std::vector<std::uint64_t> SweepSchedule::missing(
    const std::function<bool(std::uint64_t task)>& done) const {
  std::vector<std::uint64_t> tasks;
  for (std::size_t p = 0; p < counts_.size(); ++p) {
    for (std::uint64_t i = 0; i < counts_[p]; ++i) {
      for (std::size_t a = 0; a < plan_.arms.size(); ++a) {
        const std::uint64_t task = plan_.numbering().task(p, i, a);
        if (in_shard(task) && !done(task)) tasks.push_back(task);
      }
    }
  }
  std::sort(tasks.begin(), tasks.end());
  return tasks;
}

bool SweepSchedule::extend(const std::vector<TaskRecord>& records) {
  if (!plan_.auto_replications) return false;
  const AutoReplications& rule = *plan_.auto_replications;
  const std::vector<PointSummary> points = summarize_points(plan_, records, counts_);
  const auto metric = static_cast<std::size_t>(
      std::find(plan_.metrics.begin(), plan_.metrics.end(), plan_.objective.metric) -
      plan_.metrics.begin());
  bool extended = false;
  for (std::size_t p = 0; p < counts_.size(); ++p) {
    const sim::Summary& s = points[p].arms[plan_.ranked_arm()][metric].summary;
    const double width = s.ci_high - s.ci_low;
    // An objective undefined in all but one replication has no interval to narrow.
    if (s.n < 2 || width <= rule.ci_width || counts_[p] >= rule.max) continue;
    const double n = static_cast<double>(counts_[p]);
    const auto needed =
        static_cast<std::uint64_t>(std::ceil(n * std::pow(width / rule.ci_width, 2)));
    counts_[p] =
        std::min<std::uint64_t>(rule.max, std::clamp(needed, counts_[p] + 1, 2 * counts_[p]));
    extended = true;
  }
  return extended;
}

bool SweepSchedule::in_shard(std::uint64_t task) const {
  return !plan_.shard || task_in_shard(plan_, *plan_.shard, task);
}

}  // namespace omnisim
