// summary.json as an nlohmann::ordered_json document; nlohmann prints doubles shortest
// round-trip and independent of the locale.
#include "tools/summary_json.hpp"

#include <cmath>

#include "tools/arms.hpp"

namespace omnisim {
namespace {

nlohmann::ordered_json number_or_null(double value) {
  return std::isfinite(value) ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json metrics_to_json(const std::vector<MetricSummary>& metrics) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const auto& metric : metrics)
    object[metric.name] = summary_to_json(metric.summary);
  return object;
}

}  // namespace

nlohmann::ordered_json summary_to_json(const sim::Summary& summary) {
  const bool spread = summary.has_interval();
  return {
      {"mean", number_or_null(summary.mean)},
      {"stddev", spread ? number_or_null(summary.stddev) : nlohmann::ordered_json(nullptr)},
      {"ci_low", spread ? number_or_null(summary.ci_low) : nlohmann::ordered_json(nullptr)},
      {"ci_high", spread ? number_or_null(summary.ci_high) : nlohmann::ordered_json(nullptr)},
      {"n", summary.n},
      {"confidence", summary.confidence},
  };
}

nlohmann::ordered_json activity_to_json(const RuleActivity& activity) {
  return {
      {"owner", activity.owner},
      {"firings", activity.firings},
      {"fired_per_replication", number_or_null(activity.fired_per_replication)},
      {"decided", activity.decided},
      {"executed", activity.executed},
      {"mean_hours_to_decision", number_or_null(activity.mean_hours_to_decision)},
      {"mean_hours_to_execution", number_or_null(activity.mean_hours_to_execution)},
  };
}

nlohmann::ordered_json make_summary_json(
    const retail::Scenario& scenario, const RunRecord& run, const std::vector<ArmSummary>& arms,
    const std::optional<std::vector<MetricSummary>>& paired_difference) {
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const auto& rule : scenario.control_tower.rules)
    rules.push_back(rule.name);
  nlohmann::ordered_json arm_object = nlohmann::ordered_json::object();
  for (const ArmSummary& arm : arms) {
    nlohmann::ordered_json decisions = nlohmann::ordered_json::object();
    for (const RuleActivity& activity : arm.decisions)
      decisions[activity.rule] = activity_to_json(activity);
    arm_object[std::string(arm_key(arm.arm))] = {{"metrics", metrics_to_json(arm.metrics)},
                                                 {"decisions", std::move(decisions)}};
  }
  return {
      {"omnisim", {{"version", OMNISIM_VERSION}}},
      {"scenario",
       {{"name", scenario.name},
        {"description", scenario.description},
        {"file", run.scenario_file},
        {"seed", scenario.seed},
        {"replications", scenario.replications},
        {"horizon_days", scenario.horizon_days},
        {"overrides", run.overrides},
        {"control_tower_rules", std::move(rules)}}},
      {"arms", std::move(arm_object)},
      {"paired_difference",
       paired_difference ? metrics_to_json(*paired_difference) : nlohmann::ordered_json(nullptr)},
      {"run",
       {{"events", run.committed_events},
        {"wall_seconds", run.wall_seconds},
        {"threads", run.threads}}},
  };
}

}  // namespace omnisim
