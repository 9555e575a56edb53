// The control tower's decision log: one record per firing of a rule, from the firing to the
// decision, the actions taking effect and the rule's metric before and after.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "models/scenario/scenario.hpp"
#include "sim/time.hpp"

namespace retail {

struct DecisionRecord {
  static constexpr sim::Time kNotYet = -1;
  std::uint32_t rule = 0;  // index into scenario.control_tower.rules
  sim::Time fired_at = 0;
  sim::Time decided_at = kNotYet;
  sim::Time executed_at = kNotYet;  // when the last of its actions took effect
  double value_at_fire = std::numeric_limits<double>::quiet_NaN();
  // The metric over the first full window after the actions took effect (NaN: the run ended
  // first).
  double value_after = std::numeric_limits<double>::quiet_NaN();
  bool operator==(const DecisionRecord&) const = default;
};

// "cut_ads(web-heroes, x0.5) after 4h", for logs and tables.
std::string describe(const Action& action, const Scenario& scenario);
// The rule's actions, described and joined with "; ".
std::string describe_actions(const Rule& rule, const Scenario& scenario);
// "channel=web category=footwear", or "all".
std::string describe_scope(const RuleScope& scope, const Scenario& scenario);

}  // namespace retail
