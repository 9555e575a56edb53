// Writing summary.json: a RunSummary as an nlohmann::ordered_json document; nlohmann prints
// doubles shortest round-trip and independent of the locale.
#include "tools/results/summary_json.hpp"

#include <cmath>

#include "tools/results/arms.hpp"

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

nlohmann::ordered_json scope_to_json(const RuleScopeNames& scope) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  if (scope.channel) object["channel"] = *scope.channel;
  if (scope.category) object["category"] = *scope.category;
  if (scope.zone) object["zone"] = *scope.zone;
  if (scope.node) object["node"] = *scope.node;
  return object;
}

nlohmann::ordered_json rule_to_json(const RuleRecord& rule) {
  return {
      {"name", rule.name},
      {"owner", rule.owner},
      {"metric", rule.metric},
      {"scope", scope_to_json(rule.scope)},
      {"scope_text", rule.scope_text},
      {"window_days", rule.window_days},
      {"comparator", rule.comparator},
      {"threshold", number_or_null(rule.threshold)},
      {"sustained_for_hours", number_or_null(rule.sustained_for_hours)},
      {"timebox_hours", number_or_null(rule.timebox_hours)},
      {"decision_hours", rule.decision_hours},
      {"cadence", rule.weekly ? "weekly" : "immediate"},
      {"cooldown_hours", number_or_null(rule.cooldown_hours)},
      {"actions", rule.actions},
  };
}

nlohmann::ordered_json control_tower_to_json(const ControlTowerRecord& control_tower) {
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const RuleRecord& rule : control_tower.rules)
    rules.push_back(rule_to_json(rule));
  return {{"evaluation_hour", number_or_null(control_tower.evaluation_hour)},
          {"review_day", control_tower.review_day},
          {"review_hour", number_or_null(control_tower.review_hour)},
          {"rules", std::move(rules)}};
}

nlohmann::ordered_json status_quo_to_json(const StatusQuoRecord& status_quo) {
  return {{"first_review_day", number_or_null(status_quo.first_review_day)},
          {"review_every_days", number_or_null(status_quo.review_every_days)},
          {"review_hour", number_or_null(status_quo.review_hour)},
          {"window_days", status_quo.window_days},
          {"decision_hours", status_quo.decision_hours},
          {"rules", status_quo.rules}};
}

nlohmann::ordered_json scenario_to_json(const ScenarioRecord& scenario) {
  nlohmann::ordered_json rule_names = nlohmann::ordered_json::array();
  for (const RuleRecord& rule : scenario.control_tower.rules)
    rule_names.push_back(rule.name);
  return {{"name", scenario.name},
          {"description", scenario.description},
          {"file", scenario.file},
          {"seed", scenario.seed},
          {"replications", scenario.replications},
          {"horizon_days", scenario.horizon_days},
          {"overrides", scenario.overrides},
          {"control_tower_rules", std::move(rule_names)},
          {"control_tower", control_tower_to_json(scenario.control_tower)},
          {"status_quo", status_quo_to_json(scenario.status_quo)}};
}

nlohmann::ordered_json arm_to_json(const ArmSummary& arm) {
  nlohmann::ordered_json decisions = nlohmann::ordered_json::object();
  for (const RuleActivity& activity : arm.decisions)
    decisions[activity.rule] = activity_to_json(activity);
  return {{"metrics", metrics_to_json(arm.metrics)}, {"decisions", std::move(decisions)}};
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

nlohmann::ordered_json to_json(const RunSummary& summary) {
  nlohmann::ordered_json arms = nlohmann::ordered_json::object();
  for (const ArmSummary& arm : summary.arms)
    arms[std::string(arm_key(arm.arm))] = arm_to_json(arm);
  const RunRecord& run = summary.run;
  return {
      {"omnisim", {{"version", summary.version}}},
      {"scenario", scenario_to_json(summary.scenario)},
      {"arms", std::move(arms)},
      {"paired_difference", summary.paired_difference ? metrics_to_json(*summary.paired_difference)
                                                      : nlohmann::ordered_json(nullptr)},
      {"run",
       {{"run_id", run.run_id},
        {"events", run.committed_events},
        {"wall_seconds", run.wall_seconds},
        {"threads", run.threads},
        {"processes", run.processes}}},
  };
}

std::string summary_json_text(const RunSummary& summary) {
  return to_json(summary).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace omnisim
