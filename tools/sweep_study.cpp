#include "tools/sweep_study.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <string>

#include "tools/arms.hpp"
#include "tools/output_files.hpp"
#include "tools/sensitivity.hpp"
#include "tools/sweep_csv.hpp"
#include "tools/sweep_manifest.hpp"
#include "tools/sweep_ranking.hpp"
#include "tools/sweep_results.hpp"

namespace omnisim {
namespace {

// Sets each ranked point's paired difference from the first one in the objective (ranked arm),
// over the replications both define it in.
void compare_with_best(const SweepPlan& plan, const std::vector<TaskRecord>& records,
                       std::size_t metric, std::vector<RankedPoint>& ranking) {
  if (ranking.size() < 2) return;
  const retail::Arm arm = plan.arms[plan.ranked_arm()];
  // objective[p][i]: replication i of point p.
  std::vector<std::map<std::uint64_t, double>> objective(plan.points.size());
  for (const TaskRecord& record : records) {
    if (record.arm == arm) objective[record.point][record.replication] = record.metrics[metric];
  }
  const auto& best = objective[ranking.front().point];
  for (std::size_t r = 1; r < ranking.size(); ++r) {
    std::vector<double> differences;
    for (const auto& [replication, value] : objective[ranking[r].point]) {
      const auto other = best.find(replication);
      if (other != best.end() && std::isfinite(value) && std::isfinite(other->second)) {
        differences.push_back(value - other->second);
      }
    }
    if (differences.empty()) continue;
    ranking[r].versus_best =
        sim::summarize(Eigen::Map<const Eigen::VectorXd>(
                           differences.data(), static_cast<Eigen::Index>(differences.size())),
                       kConfidence);
  }
}

}  // namespace

std::vector<std::uint64_t> complete_replications(const SweepPlan& plan,
                                                 const std::vector<TaskRecord>& records) {
  // arms present per (point, replication)
  std::map<std::pair<std::uint64_t, std::uint64_t>, std::size_t> arms;
  for (const TaskRecord& record : records)
    ++arms[{record.point, record.replication}];
  std::vector<std::uint64_t> counts(plan.points.size(), 0);
  for (std::size_t p = 0; p < counts.size(); ++p) {
    while (true) {
      const auto found = arms.find({p, counts[p]});
      if (found == arms.end() || found->second != plan.arms.size()) break;
      ++counts[p];
    }
  }
  return counts;
}

std::vector<OutputFile> study_files(const SweepPlan& plan, std::vector<TaskRecord> records) {
  sort_for_output(records);
  // Shared by the writers, which run after this returns.
  const auto sorted = std::make_shared<const std::vector<TaskRecord>>(std::move(records));
  std::vector<OutputFile> files;
  if (!plan.shard) {
    const auto points = std::make_shared<const std::vector<PointSummary>>(
        summarize_points(plan, *sorted, complete_replications(plan, *sorted)));
    files.push_back(
        {kSweepCsv, [&plan, points](std::ostream& file) { write_sweep_csv(file, plan, *points); }});
    files.push_back({kReplicationsCsv, [&plan, sorted](std::ostream& file) {
                       write_sweep_replications_csv(file, plan, *sorted);
                     }});
  }
  files.push_back({kJournalFile, [sorted](std::ostream& file) {
                     for (const TaskRecord& record : *sorted)
                       file << journal_line(record);
                   }});
  const std::string manifest =
      manifest_text({plan.definition, SweepStatus::complete, sorted->size(), sorted->size()});
  files.push_back({"manifest.json", [manifest](std::ostream& file) { file << manifest; }});
  return files;
}

void write_study(const std::filesystem::path& directory, const SweepPlan& plan,
                 std::vector<TaskRecord> records) {
  for (const OutputFile& file : study_files(plan, std::move(records)))
    write_file_atomically(directory / file.name, file.write);
}

void print_study(std::ostream& out, const SweepPlan& plan, const std::vector<TaskRecord>& records,
                 std::size_t top) {
  const std::vector<PointSummary> points =
      summarize_points(plan, records, complete_replications(plan, records));
  std::vector<std::vector<MetricSummary>> ranked;
  for (const PointSummary& point : points)
    ranked.push_back(point.arms[plan.ranked_arm()]);
  const auto metric = static_cast<std::size_t>(
      std::find(plan.metrics.begin(), plan.metrics.end(), plan.objective.metric) -
      plan.metrics.begin());
  std::vector<RankedPoint> ranking = rank_points(ranked, plan.objective, plan.constraints);
  compare_with_best(plan, records, metric, ranking);
  print_ranking(out, plan.axes, ranking, ranked, plan.objective, plan.constraints,
                arm_label(plan.arms[plan.ranked_arm()]), top);

  std::vector<double> objective;
  for (const auto& summaries : ranked)
    objective.push_back(summaries[metric].summary.mean);
  out << '\n';
  print_sensitivity(out, fit_sensitivity(plan.axes, objective), plan.objective.metric);
}

}  // namespace omnisim
