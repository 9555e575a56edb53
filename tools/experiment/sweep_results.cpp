#include "tools/experiment/sweep_results.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <tuple>

#include "models/metrics/kpi.hpp"
#include "tools/experiment/arm_comparison.hpp"

namespace omnisim {
namespace {

std::size_t arm_index(const SweepPlan& plan, retail::Arm arm) {
  return static_cast<std::size_t>(std::find(plan.arms.begin(), plan.arms.end(), arm) -
                                  plan.arms.begin());
}

}  // namespace

TaskRecord task_record(const SweepPlan& plan, const sim::TaskAt& at,
                       const retail::ReplicationResult& result) {
  TaskRecord record{at.point, at.replication, plan.arms[at.arm], {}};
  for (const retail::Metric& metric : retail::spine_metrics(result.kpis))
    record.metrics.push_back(metric.value);
  return record;
}

std::vector<PointSummary> summarize_points(const SweepPlan& plan,
                                           const std::vector<TaskRecord>& records,
                                           const std::vector<std::uint64_t>& counts) {
  const std::size_t points = plan.points.size();
  // rows[p][a][i]: replication i of point p in arm a, with the metric names summarize_metrics
  // expects.
  std::vector<std::vector<std::vector<std::vector<retail::Metric>>>> rows(points);
  std::vector<std::vector<std::vector<bool>>> seen(points);
  for (std::size_t p = 0; p < points; ++p) {
    rows[p].assign(plan.arms.size(), std::vector<std::vector<retail::Metric>>(counts[p]));
    seen[p].assign(plan.arms.size(), std::vector<bool>(counts[p], false));
  }
  for (const TaskRecord& record : records) {
    const std::size_t a = arm_index(plan, record.arm);
    if (record.point >= points || a == plan.arms.size() ||
        record.metrics.size() != plan.metrics.size()) {
      throw std::logic_error("a sweep record does not belong to the study");
    }
    if (record.replication >= counts[record.point]) continue;
    auto& metrics = rows[record.point][a][record.replication];
    for (std::size_t m = 0; m < plan.metrics.size(); ++m)
      metrics.push_back({plan.metrics[m], record.metrics[m]});
    seen[record.point][a][record.replication] = true;
  }
  std::vector<PointSummary> out(points);
  for (std::size_t p = 0; p < points; ++p) {
    for (std::size_t a = 0; a < plan.arms.size(); ++a) {
      const auto missing = std::find(seen[p][a].begin(), seen[p][a].end(), false);
      if (missing != seen[p][a].end()) {
        throw std::logic_error("point " + std::to_string(p) + " lacks replication " +
                               std::to_string(missing - seen[p][a].begin()));
      }
      out[p].arms.push_back(summarize_metrics(rows[p][a]));
    }
    out[p].replications = counts[p];
    if (plan.arms.size() == 2) out[p].difference = paired_differences(rows[p][0], rows[p][1]);
  }
  return out;
}

void sort_for_output(std::vector<TaskRecord>& records) {
  std::sort(records.begin(), records.end(), [](const TaskRecord& a, const TaskRecord& b) {
    return std::tuple(a.point, a.replication, a.arm) < std::tuple(b.point, b.replication, b.arm);
  });
}

}  // namespace omnisim
