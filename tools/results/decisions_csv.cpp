// The rule's words (scope, actions) are worked out once per rule, not once per firing.
#include "tools/results/decisions_csv.hpp"

#include <array>
#include <stdexcept>
#include <string>

#include "models/metrics/decision_log.hpp"
#include "sim/time.hpp"
#include "tools/results/csv.hpp"

namespace omnisim {
namespace {

// As scenario files write them.
constexpr std::array<const char*, 4> kComparators{"<", "<=", ">", ">="};

void append_hours(std::string& row, sim::Time time) {
  if (time != retail::DecisionRecord::kNotYet) csv::append_number(row, sim::to_hours(time));
}

}  // namespace

void write_decisions_csv(std::ostream& out, const retail::Scenario& scenario,
                         const std::vector<ArmReplication>& runs) {
  const auto& rules = scenario.control_tower.rules;
  // Everything about a rule that does not change between firings, from "rule" to "threshold".
  std::vector<std::string> rule_columns;
  std::vector<std::string> actions;
  for (const retail::Rule& rule : rules) {
    std::string columns;
    csv::append_text(columns, rule.name);
    columns.push_back(',');
    csv::append_text(columns, rule.owner);
    columns.push_back(',');
    csv::append_text(columns, retail::metric_key(rule.metric));
    columns.push_back(',');
    csv::append_text(columns, retail::describe_scope(rule.scope, scenario));
    columns.push_back(',');
    csv::append_text(columns, kComparators.at(static_cast<std::size_t>(rule.comparator)));
    columns.push_back(',');
    csv::append_number(columns, rule.threshold);
    rule_columns.push_back(std::move(columns));
    std::string described;
    csv::append_text(described, retail::describe_actions(rule, scenario));
    actions.push_back(std::move(described));
  }

  std::string row =
      "replication,arm,rule,owner,metric,scope,comparator,threshold,fired_at_hours,value_at_fire,"
      "decided_at_hours,executed_at_hours,actions,value_after\n";
  out << row;
  for (const ArmReplication& run : runs) {
    for (const retail::DecisionRecord& record : run.result->decisions) {
      if (record.rule >= rules.size()) {
        throw std::logic_error("replication " + std::to_string(run.replication) +
                               " logged a decision of rule " + std::to_string(record.rule) +
                               ", beyond the scenario's " + std::to_string(rules.size()));
      }
      row.clear();
      csv::append_unsigned(row, run.replication);
      row.push_back(',');
      csv::append_text(row, arm_key(run.arm));
      row.push_back(',');
      row.append(rule_columns[record.rule]);
      row.push_back(',');
      append_hours(row, record.fired_at);
      row.push_back(',');
      csv::append_number(row, record.value_at_fire);
      row.push_back(',');
      append_hours(row, record.decided_at);
      row.push_back(',');
      append_hours(row, record.executed_at);
      row.push_back(',');
      row.append(actions[record.rule]);
      row.push_back(',');
      csv::append_number(row, record.value_after);
      row.push_back('\n');
      out << row;
    }
  }
}

}  // namespace omnisim
