// A scenario's record in a run summary: its rules in full, by name rather than by index, so that
// a reader of summary.json needs no scenario file.
#include "tools/results/run_summary.hpp"

#include <algorithm>
#include <array>

#include "models/metrics/catalogue.hpp"
#include "models/metrics/decision_log.hpp"

namespace omnisim {
namespace {

// As scenario files write them.
constexpr std::array<const char*, 4> kComparators{"<", "<=", ">", ">="};

RuleScopeNames scope_names(const retail::RuleScope& scope, const retail::Scenario& scenario) {
  RuleScopeNames names;
  if (scope.channel)
    names.channel = retail::kChannelNames[static_cast<std::size_t>(*scope.channel)];
  if (scope.category) names.category = scenario.catalog.categories.at(*scope.category);
  if (scope.zone) names.zone = scenario.zones.at(*scope.zone).name;
  if (scope.node) {
    const std::uint32_t node = *scope.node;
    names.node = node < scenario.dcs.size() ? scenario.dcs.at(node).name
                                            : scenario.stores.at(node - scenario.dcs.size()).name;
  }
  return names;
}

RuleRecord rule_record(const retail::Rule& rule, const retail::Scenario& scenario) {
  std::vector<std::string> actions;
  for (const retail::Action& action : rule.actions)
    actions.push_back(retail::describe(action, scenario));
  return {
      .name = rule.name,
      .owner = rule.owner,
      .metric = std::string(retail::metric_key(rule.metric)),
      .scope = scope_names(rule.scope, scenario),
      .scope_text = retail::describe_scope(rule.scope, scenario),
      .window_days = rule.window_days,
      .comparator = kComparators.at(static_cast<std::size_t>(rule.comparator)),
      .threshold = rule.threshold,
      .sustained_for_hours = rule.sustained_for_hours,
      .timebox_hours = rule.timebox_hours,
      .decision_hours = rule.decision_hours.describe(),
      .weekly = rule.weekly,
      .cooldown_hours = rule.cooldown_hours,
      .actions = std::move(actions),
  };
}

StatusQuoRecord status_quo_record(const retail::Scenario& scenario) {
  const retail::StatusQuo& status_quo = scenario.status_quo;
  std::vector<std::string> rules;
  for (const std::uint32_t rule : status_quo.rules)
    rules.push_back(scenario.control_tower.rules.at(rule).name);
  return {
      .first_review_day = status_quo.first_review_day,
      .review_every_days = status_quo.review_every_days,
      .review_hour = status_quo.review_hour,
      .window_days = status_quo.window_days,
      .decision_hours = status_quo.decision_hours.describe(),
      .rules = std::move(rules),
  };
}

}  // namespace

ScenarioRecord scenario_record(const retail::Scenario& scenario, std::string file,
                               std::vector<std::string> overrides) {
  ControlTowerRecord control_tower{
      .evaluation_hour = scenario.control_tower.evaluation_hour,
      .review_day = scenario.control_tower.review_day,
      .review_hour = scenario.control_tower.review_hour,
      .rules = {},
  };
  for (const retail::Rule& rule : scenario.control_tower.rules)
    control_tower.rules.push_back(rule_record(rule, scenario));
  return {
      .name = scenario.name,
      .description = scenario.description,
      .file = std::move(file),
      .seed = scenario.seed,
      .replications = scenario.replications,
      .horizon_days = scenario.horizon_days,
      .overrides = std::move(overrides),
      .control_tower = std::move(control_tower),
      .status_quo = status_quo_record(scenario),
  };
}

const ArmSummary* find_arm(const RunSummary& summary, retail::Arm arm) {
  const auto at = std::find_if(summary.arms.begin(), summary.arms.end(),
                               [arm](const ArmSummary& entry) { return entry.arm == arm; });
  return at != summary.arms.end() ? &*at : nullptr;
}

const MetricSummary* find_metric(const std::vector<MetricSummary>& metrics, std::string_view name) {
  const auto at = std::find_if(metrics.begin(), metrics.end(),
                               [name](const MetricSummary& metric) { return metric.name == name; });
  return at != metrics.end() ? &*at : nullptr;
}

}  // namespace omnisim
