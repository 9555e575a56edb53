#include "tools/experiment/sweep_study.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <string>

#include "sim/task_farm.hpp"
#include "tools/experiment/sensitivity.hpp"
#include "tools/experiment/sweep_csv.hpp"
#include "tools/experiment/sweep_manifest.hpp"
#include "tools/experiment/sweep_ranking.hpp"
#include "tools/experiment/sweep_results.hpp"
#include "tools/results/arms.hpp"
#include "tools/results/errors.hpp"
#include "tools/results/output_files.hpp"

namespace omnisim {
namespace {

namespace fs = std::filesystem;

std::string describe_record(const SweepPlan& plan, const TaskRecord& record) {
  std::string text = "replication " + std::to_string(record.replication) + " of grid point " +
                     std::to_string(record.point);
  if (plan.arms.size() == 2) text += " in the " + std::string(arm_label(record.arm)) + " arm";
  return text;
}

// Why the study cannot hold `record`, or "" when it can.
std::string misfit(const SweepPlan& plan, const std::optional<Shard>& shard,
                   const TaskRecord& record) {
  const auto arm = std::find(plan.arms.begin(), plan.arms.end(), record.arm);
  if (record.point >= plan.points.size()) {
    return "grid point " + std::to_string(record.point) + ", but the study has " +
           std::to_string(plan.points.size()) + " points";
  }
  if (arm == plan.arms.end()) {
    return "the " + std::string(arm_label(record.arm)) + " arm, which the study does not run";
  }
  const std::uint64_t replications =
      plan.auto_replications ? plan.auto_replications->max : plan.replications;
  if (record.replication >= replications) {
    return describe_record(plan, record) + ", but the study runs " + std::to_string(replications) +
           " replications per point" + (plan.auto_replications ? " at most" : "");
  }
  const auto a = static_cast<std::size_t>(arm - plan.arms.begin());
  if (shard &&
      !task_in_shard(plan, *shard, plan.numbering().task(record.point, record.replication, a))) {
    return describe_record(plan, record) + ", which is not in shard " +
           std::to_string(shard->index) + "/" + std::to_string(shard->count);
  }
  return "";
}

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

std::string recorded_scenario(const fs::path& scenario, const fs::path& directory) {
  // Symbolic links resolved, as the kernel resolves the ".." that the path may start with; both
  // absolute, since weakly_canonical leaves a relative path to nothing that exists relative.
  std::error_code error;
  const fs::path relative = fs::relative(fs::absolute(scenario), fs::absolute(directory), error);
  return error || relative.empty() ? fs::absolute(scenario).string() : relative.string();
}

std::optional<fs::path> resolve_scenario(const std::string& recorded, const fs::path& directory) {
  std::error_code error;
  for (const fs::path& candidate : {directory / recorded, fs::path(recorded)}) {
    if (fs::exists(candidate, error)) return candidate;
  }
  return std::nullopt;
}

bool task_in_shard(const SweepPlan& plan, const Shard& shard, std::uint64_t task) {
  // Shards need a fixed --reps, so the study's task count is known.
  const std::uint64_t tasks = plan.points.size() * plan.replications * plan.arms.size();
  return task >= sim::block_start(tasks, shard.index, shard.count) &&
         task < sim::block_start(tasks, shard.index + 1, shard.count);
}

void check_journal_fits(const SweepPlan& plan, const std::optional<Shard>& shard,
                        const Journal& journal, const fs::path& file) {
  for (std::size_t i = 0; i < journal.records.size(); ++i) {
    const std::string problem = misfit(plan, shard, journal.records[i]);
    if (!problem.empty()) {
      throw UsageError(file.string() + ":" + std::to_string(i + 1) + ": " + problem +
                       "; this journal is not this study's");
    }
  }
}

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
  print_sensitivity(out, fit_sensitivity(plan.axes, objective),
                    retail::metric_key(plan.objective.metric));
}

}  // namespace omnisim
