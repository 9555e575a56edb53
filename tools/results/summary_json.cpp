// summary.json as an nlohmann::ordered_json document; nlohmann prints doubles shortest
// round-trip and independent of the locale.
#include "tools/results/summary_json.hpp"

#include <array>
#include <cmath>

#include "models/decision_log.hpp"
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

// As scenario files write them.
constexpr std::array<const char*, 4> kComparators{"<", "<=", ">", ">="};

// The parts of a rule's scope that are set, by name.
nlohmann::ordered_json scope_to_json(const retail::RuleScope& scope,
                                     const retail::Scenario& scenario) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  if (scope.channel)
    object["channel"] = retail::kChannelNames[static_cast<std::size_t>(*scope.channel)];
  if (scope.category) object["category"] = scenario.catalog.categories.at(*scope.category);
  if (scope.zone) object["zone"] = scenario.zones.at(*scope.zone).name;
  if (scope.node) {
    const std::uint32_t node = *scope.node;
    object["node"] = node < scenario.dcs.size()
                         ? scenario.dcs.at(node).name
                         : scenario.stores.at(node - scenario.dcs.size()).name;
  }
  return object;
}

nlohmann::ordered_json rules_to_json(const retail::Scenario& scenario) {
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const retail::Rule& rule : scenario.control_tower.rules) {
    nlohmann::ordered_json actions = nlohmann::ordered_json::array();
    for (const retail::Action& action : rule.actions)
      actions.push_back(retail::describe(action, scenario));
    rules.push_back({
        {"name", rule.name},
        {"owner", rule.owner},
        {"metric", retail::metric_key(rule.metric)},
        {"scope", scope_to_json(rule.scope, scenario)},
        {"scope_text", retail::describe_scope(rule.scope, scenario)},
        {"window_days", rule.window_days},
        {"comparator", kComparators.at(static_cast<std::size_t>(rule.comparator))},
        {"threshold", number_or_null(rule.threshold)},
        {"sustained_for_hours", number_or_null(rule.sustained_for_hours)},
        {"timebox_hours", number_or_null(rule.timebox_hours)},
        {"decision_hours", rule.decision_hours.describe()},
        {"cadence", rule.weekly ? "weekly" : "immediate"},
        {"cooldown_hours", number_or_null(rule.cooldown_hours)},
        {"actions", std::move(actions)},
    });
  }
  return rules;
}

nlohmann::ordered_json status_quo_to_json(const retail::Scenario& scenario) {
  const retail::StatusQuo& status_quo = scenario.status_quo;
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const std::uint32_t rule : status_quo.rules)
    rules.push_back(scenario.control_tower.rules.at(rule).name);
  return {{"first_review_day", number_or_null(status_quo.first_review_day)},
          {"review_every_days", number_or_null(status_quo.review_every_days)},
          {"review_hour", number_or_null(status_quo.review_hour)},
          {"window_days", status_quo.window_days},
          {"decision_hours", status_quo.decision_hours.describe()},
          {"rules", std::move(rules)}};
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
        {"control_tower_rules", std::move(rules)},
        {"control_tower",
         {{"evaluation_hour", number_or_null(scenario.control_tower.evaluation_hour)},
          {"review_day", scenario.control_tower.review_day},
          {"review_hour", number_or_null(scenario.control_tower.review_hour)},
          {"rules", rules_to_json(scenario)}}},
        {"status_quo", status_quo_to_json(scenario)}}},
      {"arms", std::move(arm_object)},
      {"paired_difference",
       paired_difference ? metrics_to_json(*paired_difference) : nlohmann::ordered_json(nullptr)},
      {"run",
       {{"run_id", run.run_id},
        {"events", run.committed_events},
        {"wall_seconds", run.wall_seconds},
        {"threads", run.threads},
        {"processes", run.processes}}},
  };
}

}  // namespace omnisim
