// Paired differences skip the replications where either arm leaves a metric undefined, so that
// one NaN does not poison the comparison and the pairs stay pairs.
#include "tools/experiment/arm_comparison.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string_view>

#include "sim/statistics.hpp"
#include "sim/time.hpp"
#include "tools/results/arms.hpp"

namespace omnisim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A difference with its sign, so that a column of them reads at a glance.
}  // namespace

std::vector<MetricSummary> paired_differences(
    const std::vector<std::vector<retail::Metric>>& baseline,
    const std::vector<std::vector<retail::Metric>>& treatment) {
  if (baseline.size() != treatment.size()) {
    throw std::logic_error("paired arms have " + std::to_string(baseline.size()) + " and " +
                           std::to_string(treatment.size()) + " replications");
  }
  std::vector<MetricSummary> out;
  if (baseline.empty()) return out;
  const auto& names = baseline.front();
  for (std::size_t m = 0; m < names.size(); ++m) {
    std::vector<double> before;
    std::vector<double> after;
    for (std::size_t i = 0; i < baseline.size(); ++i) {
      for (const auto* metrics : {&baseline[i], &treatment[i]}) {
        if (metrics->size() != names.size() || (*metrics)[m].id != names[m].id) {
          throw std::logic_error("arms or replications report different metrics at '" +
                                 std::string(retail::metric_key(names[m].id)) + "'");
        }
      }
      const double b = baseline[i][m].value;
      const double t = treatment[i][m].value;
      if (std::isfinite(b) && std::isfinite(t)) {
        before.push_back(b);
        after.push_back(t);
      }
    }
    MetricSummary entry{std::string(retail::metric_key(names[m].id)),
                        {0, kNaN, kNaN, kNaN, kNaN, kConfidence}};
    if (!before.empty()) {
      const auto rows = static_cast<Eigen::Index>(before.size());
      const Eigen::MatrixXd b = Eigen::Map<const Eigen::MatrixXd>(before.data(), rows, 1);
      const Eigen::MatrixXd t = Eigen::Map<const Eigen::MatrixXd>(after.data(), rows, 1);
      entry.summary = sim::compare_paired(b, t, kConfidence).front().difference;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

std::vector<RuleActivity> summarize_decisions(
    const retail::Scenario& scenario, const std::vector<retail::ReplicationResult>& replications) {
  const auto& rules = scenario.control_tower.rules;
  std::vector<RuleActivity> out(rules.size());
  std::vector<double> to_decision(rules.size(), 0);
  std::vector<double> to_execution(rules.size(), 0);
  for (std::size_t r = 0; r < rules.size(); ++r) {
    out[r].rule = rules[r].name;
    out[r].owner = rules[r].owner;
  }
  for (const auto& replication : replications) {
    for (const retail::DecisionRecord& record : replication.decisions) {
      if (record.rule >= out.size()) {
        throw std::logic_error("decision log names rule " + std::to_string(record.rule) + " of " +
                               std::to_string(out.size()));
      }
      RuleActivity& activity = out[record.rule];
      ++activity.firings;
      if (record.decided_at != retail::DecisionRecord::kNotYet) {
        ++activity.decided;
        to_decision[record.rule] += sim::to_hours(record.decided_at - record.fired_at);
      }
      if (record.executed_at != retail::DecisionRecord::kNotYet) {
        ++activity.executed;
        to_execution[record.rule] += sim::to_hours(record.executed_at - record.fired_at);
      }
    }
  }
  for (std::size_t r = 0; r < out.size(); ++r) {
    RuleActivity& activity = out[r];
    if (!replications.empty()) {
      activity.fired_per_replication =
          static_cast<double>(activity.firings) / static_cast<double>(replications.size());
    }
    if (activity.decided > 0)
      activity.mean_hours_to_decision = to_decision[r] / static_cast<double>(activity.decided);
    if (activity.executed > 0)
      activity.mean_hours_to_execution = to_execution[r] / static_cast<double>(activity.executed);
  }
  return out;
}

void print_comparison_table(std::ostream& out, const std::vector<MetricSummary>& status_quo,
                            const std::vector<MetricSummary>& control_tower,
                            const std::vector<MetricSummary>& difference,
                            std::size_t replications) {
  if (status_quo.size() != control_tower.size() || status_quo.size() != difference.size()) {
    throw std::logic_error("the arms report different numbers of metrics");
  }
  std::vector<std::vector<std::string>> rows{
      {"metric", "status quo", "control tower", "difference [95 % CI]"}};
  bool partly_defined = false;
  for (std::size_t m = 0; m < status_quo.size(); ++m) {
    const bool partly = status_quo[m].summary.n < replications ||
                        control_tower[m].summary.n < replications ||
                        difference[m].summary.n < replications;
    partly_defined = partly_defined || partly;
    std::string last = format_difference_cell(difference[m].summary);
    if (partly) last += " *";
    rows.push_back({status_quo[m].name, format_for_table(status_quo[m].summary.mean),
                    format_for_table(control_tower[m].summary.mean), std::move(last)});
  }
  print_columns(out, rows);
  if (partly_defined) {
    out << "* defined in fewer than all " << std::to_string(replications)
        << " replications of an arm (n per arm in summary.json)\n";
  }
}

void print_decision_summary(std::ostream& out, retail::Arm arm,
                            const std::vector<RuleActivity>& rules) {
  out << "Decisions, " << arm_label(arm)
      << " (fired: mean times per replication; mean hours from firing):\n";
  std::vector<std::vector<std::string>> rows{
      {"rule", "owner", "fired", "to decision", "to execution"}};
  for (const auto& rule : rules) {
    rows.push_back({rule.rule, rule.owner, format_for_table(rule.fired_per_replication),
                    format_for_table(rule.mean_hours_to_decision),
                    format_for_table(rule.mean_hours_to_execution)});
  }
  print_columns(out, rows, "  ");
}

}  // namespace omnisim
