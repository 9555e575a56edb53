// Staff on duty: every hour of a crew or a roster is paid at its rate, a roster's staff serve
// only in its hours, the control tower's add_labour calls staff in at the premium, and the
// stations' busy, waiting and open times give utilisation and queue lengths.
#include <gtest/gtest.h>

#include <cstdint>

#include "models/world/simulation.hpp"
#include "tests/models/metric_lookup.hpp"
#include "tests/models/test_chain.hpp"

namespace retail {
namespace {

constexpr std::uint32_t kDays = 14;  // two whole weeks, so a weekly roster repeats exactly
constexpr double kSecondsPerDay = 86'400;

Scenario staffed_chain() {
  Scenario s = test_chain(20, 2, kDays);
  s.costs.picker_hour_cents = 1000;
  s.costs.agent_hour_cents = 800;
  s.dcs[0].pickers = Staffing::around_the_clock(3);
  s.service.agents = Staffing::around_the_clock(2);
  for (auto& reason : s.service.reasons)
    reason = {0.5, 0.1, 500};
  return s;
}

double metric(const ReplicationResult& result, const std::string& key) {
  return metric_value(spine_metrics(result.kpis), key);
}

// Nine to five on weekdays: 40 staffed hours a week of each of `staff`.
Staffing office_hours(std::uint32_t staff) {
  Staffing staffing;
  for (std::size_t day = 0; day < 5; ++day)
    for (std::size_t hour = 9; hour < 17; ++hour)
      staffing.on_duty[day * 24 + hour] = staff;
  return staffing;
}

TEST(Labour, ACrewAroundTheClockIsPaidForEveryHour) {
  const ReplicationResult result = run_replication(staffed_chain(), 0);
  // A constant crew is never busier than it is large, so no one works past the roster.
  EXPECT_EQ(result.kpis.total(Counter::picker_cost_cents), 3 * 24 * kDays * 1000);
  EXPECT_EQ(result.kpis.total(Counter::agent_cost_cents), 2 * 24 * kDays * 800);
  EXPECT_EQ(result.kpis.total(Counter::picker_paid_seconds), 3 * kSecondsPerDay * kDays);
  EXPECT_EQ(result.kpis.total(Counter::pick_station_seconds), kSecondsPerDay * kDays);
  EXPECT_DOUBLE_EQ(metric(result, "picker_cost"), 3 * 24 * kDays * 10.0);
  EXPECT_DOUBLE_EQ(metric(result, "agent_cost"), 2 * 24 * kDays * 8.0);
}

TEST(Labour, UtilisationIsBusyTimeOverTimeOnDutyAndMatchesTheWorkDone) {
  const ReplicationResult result = run_replication(staffed_chain(), 0);
  const double utilisation = metric(result, "picker_utilisation");
  EXPECT_GT(utilisation, 0);
  EXPECT_LE(utilisation, 1);
  // Busy time is the picks' service time: picks x mean pick minutes, within sampling noise.
  const Scenario s = staffed_chain();
  const double expected_busy_seconds =
      static_cast<double>(result.kpis.total(Counter::picks_completed)) *
      s.dcs[0].pick_minutes.mean() * 60;
  EXPECT_NEAR(static_cast<double>(result.kpis.total(Counter::picker_busy_seconds)),
              expected_busy_seconds, 0.1 * expected_busy_seconds);
  // Little's law: the mean queue is the arrival rate x the mean wait.
  const double picks_per_second =
      static_cast<double>(result.kpis.total(Counter::picks_completed)) / (kSecondsPerDay * kDays);
  EXPECT_NEAR(metric(result, "mean_pick_queue"),
              picks_per_second * metric(result, "mean_pick_wait_hours") * 3600,
              0.05 * metric(result, "mean_pick_queue") + 1e-3);
}

TEST(Labour, ARosterIsPaidForItsHoursAndServesOnlyInThem) {
  Scenario s = staffed_chain();
  s.dcs[0].pickers = office_hours(3);
  s.service.agents = office_hours(2);
  const ReplicationResult result = run_replication(s, 0);
  const std::int64_t rostered_picker_hours = 3 * 40 * (kDays / 7);
  // Staff finishing a job after their shift ends are paid until they finish: a few minutes.
  const std::int64_t paid = result.kpis.total(Counter::picker_cost_cents);
  EXPECT_GE(paid, rostered_picker_hours * 1000);
  EXPECT_LE(paid, rostered_picker_hours * 1000 + 3 * (kDays / 7) * 5 * 1000);
  // Orders placed in the evening, at night and at weekends wait for the next shift.
  const ReplicationResult around_the_clock = run_replication(staffed_chain(), 0);
  EXPECT_GT(metric(result, "mean_pick_wait_hours"),
            5 * metric(around_the_clock, "mean_pick_wait_hours"));
  EXPECT_GT(metric(result, "mean_pick_wait_hours"), 3.0);
  EXPECT_GT(metric(result, "picker_utilisation"), metric(around_the_clock, "picker_utilisation"));
  // The work gets done, bar the last weekend's orders, still waiting for Monday at the horizon.
  const auto picked = static_cast<double>(result.kpis.total(Counter::picks_completed));
  const auto picked_around_the_clock =
      static_cast<double>(around_the_clock.kpis.total(Counter::picks_completed));
  EXPECT_LT(picked, picked_around_the_clock);
  EXPECT_GT(picked, 0.75 * picked_around_the_clock);
}

// A rule that fires at the first evaluation (some web orders are placed every day) and calls in
// `staff` more at `station` for 24 hours, once.
Rule call_in(Action::Station station, std::uint32_t staff) {
  Rule rule;
  rule.name = "call-in";
  rule.metric = MetricId::orders_placed;
  rule.scope.channel = Channel::web;
  rule.comparator = Rule::Comparator::greater;
  rule.threshold = 0;
  rule.owner = "ops";
  rule.decision_hours = Distribution::fixed(0);
  rule.cooldown_hours = 24 * 365;
  Action add;
  add.kind = Action::Kind::add_labour;
  add.station = station;
  add.staff = staff;
  add.hours = 24;
  rule.actions.push_back(add);
  return rule;
}

TEST(Labour, AddedHoursArePaidAtThePremiumAndOnlyInTheArmThatCallsThemIn) {
  Scenario s = staffed_chain();
  s.dcs[0].pick_minutes = Distribution::fixed(1);
  s.costs.flexible_premium = 1.5;
  s.control_tower.rules = {call_in(Action::Station::pickers, 2),
                           call_in(Action::Station::agents, 1)};
  s.control_tower.rules[1].name = "call-in-agents";
  const ReplicationResult tower = run_replication(s, 0, 1, Arm::control_tower);
  const ReplicationResult status_quo = run_replication(s, 0, 1, Arm::status_quo);
  ASSERT_EQ(tower.decisions.size(), 2u);
  // 2 pickers x 24 h x 1.5 x $10; a picker going off duty mid-pick adds at most a minute.
  const std::int64_t extra_pickers = tower.kpis.total(Counter::picker_cost_cents) -
                                     status_quo.kpis.total(Counter::picker_cost_cents);
  EXPECT_GE(extra_pickers, 2 * 24 * 1500);
  EXPECT_LE(extra_pickers, 2 * 24 * 1500 + 2 * 1000 / 60 + 1);
  const std::int64_t extra_agents = tower.kpis.total(Counter::agent_cost_cents) -
                                    status_quo.kpis.total(Counter::agent_cost_cents);
  EXPECT_GE(extra_agents, 24 * 1200);
  EXPECT_LE(extra_agents, 24 * 1200 + 800);  // an agent finishing a contact: under an hour
  const std::int64_t extra_seconds = tower.kpis.total(Counter::picker_paid_seconds) -
                                     status_quo.kpis.total(Counter::picker_paid_seconds);
  EXPECT_GE(extra_seconds, 2 * 24 * 3600);
  EXPECT_LE(extra_seconds, 2 * 24 * 3600 + 2 * 60 + 1);
}

TEST(Labour, LabourComesOffTheMarginAndChangesNothingElse) {
  Scenario s = staffed_chain();
  const ReplicationResult paid = run_replication(s, 0);
  s.costs.picker_hour_cents = 0;
  s.costs.agent_hour_cents = 0;
  const ReplicationResult free = run_replication(s, 0);
  EXPECT_NEAR(metric(free, "contribution_margin") - metric(paid, "contribution_margin"),
              metric(paid, "picker_cost") + metric(paid, "agent_cost"), 1e-6);
  EXPECT_EQ(paid.kpis.total(Counter::units_sold), free.kpis.total(Counter::units_sold));
  EXPECT_EQ(paid.kpis.total(Counter::pick_wait_us), free.kpis.total(Counter::pick_wait_us));
}

}  // namespace
}  // namespace retail
