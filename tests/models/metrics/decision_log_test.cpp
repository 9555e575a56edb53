// How decisions.csv and the console describe a rule's actions and scope: the kind, then what it
// acts on, by name.
#include "models/metrics/decision_log.hpp"

#include <gtest/gtest.h>

#include "tests/models/test_chain.hpp"

namespace retail {
namespace {

Action add_labour(Action::Station station, std::uint32_t staff, double hours) {
  Action action;
  action.kind = Action::Kind::add_labour;
  action.station = station;
  action.staff = staff;
  action.hours = hours;
  return action;
}

TEST(DecisionLog, AddLabourNamesTheStationTheStaffAndTheHours) {
  Scenario s = test_chain(4, 1, 7);
  s.dcs[0].name = "dc-north";
  EXPECT_EQ(describe(add_labour(Action::Station::agents, 3, 72), s),
            "add_labour(agents, +3 for 72h)");
  EXPECT_EQ(describe(add_labour(Action::Station::pickers, 2, 8), s),
            "add_labour(pickers, all DCs, +2 for 8h)");
  Action one_dc = add_labour(Action::Station::pickers, 1, 4.5);
  one_dc.all_dcs = false;
  one_dc.dc = 0;
  one_dc.delay_hours = 2;
  EXPECT_EQ(describe(one_dc, s), "add_labour(pickers, dc-north, +1 for 4.5h) after 2h");
}

TEST(DecisionLog, ActionsAreJoinedAndAnUnscopedRuleIsAll) {
  const Scenario s = test_chain(4, 1, 7);
  Rule rule;
  Action widen;
  widen.kind = Action::Kind::widen_promise;
  widen.hours = 24;
  rule.actions = {widen, add_labour(Action::Station::agents, 1, 1)};
  EXPECT_EQ(describe_actions(rule, s),
            "widen_promise(all zones, +24h); add_labour(agents, +1 for 1h)");
  EXPECT_EQ(describe_scope(rule.scope, s), "all");
}

}  // namespace
}  // namespace retail
