// The control tower: a rule fires exactly once its metric has crossed the threshold for the
// sustained time; the owner decides within the timebox (or at the weekly review); actions take
// effect after their delay; cooldowns hold the rule back; the status quo only acts at its
// periodic review; and the log and results do not depend on the thread count.
#include "models/agents/control_tower.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "models/world/simulation.hpp"
#include "tests/models/metric_lookup.hpp"
#include "tests/models/test_chain.hpp"

namespace retail {
namespace {

constexpr std::uint32_t kDays = 28;

sim::Time at(double day, double hour) {
  return sim::days(day) + sim::hours(hour);
}

// A rule that is breached every day: some web orders are placed daily.
Rule always_breached(double sustained_for_hours) {
  Rule rule;
  rule.name = "web-orders";
  rule.metric = MetricId::orders_placed;
  rule.scope.channel = Channel::web;
  rule.comparator = Rule::Comparator::greater;
  rule.threshold = 0;
  rule.sustained_for_hours = sustained_for_hours;
  rule.owner = "ops";
  rule.timebox_hours = 48;
  rule.decision_hours = Distribution::fixed(0);
  rule.cooldown_hours = 24 * 365;
  Action widen;
  widen.kind = Action::Kind::widen_promise;
  widen.hours = 24;
  rule.actions.push_back(widen);
  return rule;
}

Scenario with(const Rule& rule) {
  Scenario s = test_chain(20, 2, kDays);
  s.control_tower.evaluation_hour = 6;
  s.control_tower.rules.push_back(rule);
  return s;
}

std::vector<DecisionRecord> log_of(const Scenario& s, Arm arm = Arm::control_tower,
                                   unsigned threads = 1) {
  return run_replication(s, 0, threads, arm).decisions;
}

TEST(ControlTower, ARuleFiresOnTheFirstBreachWhenNothingNeedBeSustained) {
  const auto log = log_of(with(always_breached(0)));
  ASSERT_EQ(log.size(), 1U);
  // The first evaluation, at 06:00 on day 1, sees day 0.
  EXPECT_EQ(log[0].fired_at, at(1, 6));
  EXPECT_GT(log[0].value_at_fire, 0);
}

TEST(ControlTower, ARuleFiresExactlyWhenTheBreachHasLastedTheSustainedTimeNotBefore) {
  EXPECT_EQ(log_of(with(always_breached(72)))[0].fired_at, at(4, 6));
  EXPECT_EQ(log_of(with(always_breached(71)))[0].fired_at, at(4, 6));
  EXPECT_EQ(log_of(with(always_breached(48)))[0].fired_at, at(3, 6));
  Rule never = always_breached(0);
  never.threshold = 1e9;
  EXPECT_TRUE(log_of(with(never)).empty());
}

TEST(ControlTower, TheOwnerDecidesWithinTheTimebox) {
  Rule slow = always_breached(0);
  slow.decision_hours = Distribution::fixed(100);  // would take longer than the 48-hour timebox
  const auto capped = log_of(with(slow));
  EXPECT_EQ(capped[0].decided_at - capped[0].fired_at, sim::hours(48));
  slow.decision_hours = Distribution::fixed(10);
  const auto quick = log_of(with(slow));
  EXPECT_EQ(quick[0].decided_at - quick[0].fired_at, sim::hours(10));
  slow.decision_hours = Distribution::uniform(0, 200);
  for (const auto& record : log_of(with(slow)))
    EXPECT_LE(record.decided_at - record.fired_at, sim::hours(48));
}

TEST(ControlTower, ACooldownHoldsTheRuleBackUntilItsActionsHadTimeToWork) {
  Rule rule = always_breached(0);
  rule.actions[0].delay_hours = 4;
  rule.cooldown_hours = 72;
  const auto log = log_of(with(rule));
  ASSERT_GE(log.size(), 3U);
  for (std::size_t i = 0; i < log.size(); ++i) {
    EXPECT_EQ(log[i].executed_at, log[i].decided_at + sim::hours(4));
    // Quiet until 76 hours after firing; the next evaluation after that is 96 hours on.
    if (i > 0) {
      EXPECT_EQ(log[i].fired_at - log[i - 1].fired_at, sim::hours(96));
    }
  }
}

TEST(ControlTower, WeeklyRulesAreDecidedAtTheWeeklyReview) {
  Rule rule = always_breached(0);
  rule.weekly = true;
  Scenario s = with(rule);
  s.control_tower.review_day = 0;  // Mondays (day 0 is a Monday)
  s.control_tower.review_hour = 10;
  const auto log = log_of(s);
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log[0].fired_at, at(1, 6));
  EXPECT_EQ(log[0].decided_at, at(7, 10));
}

std::int64_t spend_on(const KpiTable& kpis, std::uint32_t day) {
  return day_total(kpis, day, Counter::ad_spend_cents);
}

TEST(ControlTower, ActionsTakeEffectAfterTheirDelay) {
  Rule rule = always_breached(0);
  rule.actions[0].kind = Action::Kind::cut_ads;
  rule.actions[0].factor = 0;
  Scenario s = with(rule);
  AdProgram ads;
  ads.name = "ads";
  ads.skus = {0, 1};
  ads.daily_budget_cents = ads.max_daily_budget_cents = 10'000;
  s.advertising.programs.push_back(ads);
  // Decided at 06:00 on day 1; spend for a day is set at its midnight.
  s.control_tower.rules[0].actions[0].delay_hours = 12;  // in effect at 18:00 on day 1
  const KpiTable early = run_replication(s, 0, 1, Arm::control_tower).kpis;
  EXPECT_EQ(spend_on(early, 1), 10'000);
  EXPECT_EQ(spend_on(early, 2), 0);
  s.control_tower.rules[0].actions[0].delay_hours = 20;  // in effect at 02:00 on day 2
  const KpiTable late = run_replication(s, 0, 1, Arm::control_tower).kpis;
  EXPECT_EQ(spend_on(late, 2), 10'000);
  EXPECT_EQ(spend_on(late, 3), 0);
  // Without the control tower nobody cuts.
  const KpiTable status_quo = run_replication(s, 0, 1, Arm::status_quo).kpis;
  EXPECT_EQ(spend_on(status_quo, kDays - 1), 10'000);
}

TEST(ControlTower, TheStatusQuoActsOnlyAtItsPeriodicReview) {
  Scenario s = with(always_breached(72));
  s.status_quo.first_review_day = 10;
  s.status_quo.review_every_days = 10;
  s.status_quo.review_hour = 9;
  s.status_quo.decision_hours = Distribution::fixed(36);
  s.status_quo.rules = {0};
  s.control_tower.rules[0].cooldown_hours = 0;
  const auto log = log_of(s, Arm::status_quo);
  ASSERT_EQ(log.size(), 2U);  // reviews on days 10 and 20
  EXPECT_EQ(log[0].fired_at, at(10, 9));
  EXPECT_EQ(log[0].decided_at, at(11, 21));
  EXPECT_EQ(log[1].fired_at, at(20, 9));
  s.status_quo.rules.clear();
  EXPECT_TRUE(log_of(s, Arm::status_quo).empty());
}

TEST(ControlTower, TheLogMeasuresTheMetricAfterTheActionsWhenTheRunAllows) {
  const auto log = log_of(with(always_breached(0)));
  // Executed within day 1, so day 2 is the first whole day after: known by day 3's evaluation.
  EXPECT_GT(log[0].value_after, 0);
}

TEST(ControlTower, ResultsAndLogAreTheSameOnOneAndTwoThreads) {
  Rule rule = always_breached(24);
  rule.decision_hours = Distribution::uniform(0, 48);
  rule.cooldown_hours = 48;
  const Scenario s = with(rule);
  const ReplicationResult one = run_replication(s, 3, 1, Arm::control_tower);
  const ReplicationResult two = run_replication(s, 3, 2, Arm::control_tower);
  EXPECT_EQ(one.kpis, two.kpis);
  EXPECT_EQ(one.decisions, two.decisions);
  EXPECT_GE(one.decisions.size(), 2U);
}

TEST(ControlTower, TransfersMoveStockAndKeepEveryUnitAccountedFor) {
  Rule rule = always_breached(0);
  rule.actions[0].kind = Action::Kind::transfer_inventory;
  rule.actions[0].from = 0;  // the DC
  rule.actions[0].to = 1;    // the first store
  rule.actions[0].skus = {0, 1, 2};
  rule.actions[0].share = 0.5;
  rule.actions[0].transit_hours = 30;
  rule.cooldown_hours = 48;
  // The run's own audit checks initial + received = sold + on hand + in transit + ...
  const ReplicationResult result = run_replication(with(rule), 0, 1, Arm::control_tower);
  EXPECT_GE(result.decisions.size(), 5U);
}

// One action of the menu, fired on the first morning, and what it must change against the same
// world without the control tower.
struct ActionCase {
  const char* name;
  std::function<void(Scenario&, Action&)> set_up;
  std::function<void(const KpiTable& status_quo, const KpiTable& tower)> check;
};

std::int64_t total(const KpiTable& kpis, Counter counter) {
  return kpis.total(counter);
}

Promotion promotion_from_day(const Scenario& s, double start_day) {
  Promotion promo;
  promo.name = "promo";
  for (SkuId sku = 0; sku < s.catalog.skus.size(); ++sku)
    promo.skus.push_back(sku);
  promo.discount = 0.2;
  promo.start_day = start_day;
  promo.end_day = start_day + 7;
  for (auto& execution : promo.execution)
    execution.error_probability = 0.5;
  return promo;
}

class EveryAction : public testing::TestWithParam<ActionCase> {};

TEST_P(EveryAction, TakesEffect) {
  Rule rule = always_breached(0);
  Scenario s = with(rule);
  for (auto& sku : s.catalog.skus)
    sku.return_propensity = 0.2;
  GetParam().set_up(s, s.control_tower.rules[0].actions[0]);
  const KpiTable status_quo = run_replication(s, 0, 1, Arm::status_quo).kpis;
  const KpiTable tower = run_replication(s, 0, 1, Arm::control_tower).kpis;
  GetParam().check(status_quo, tower);
}

INSTANTIATE_TEST_SUITE_P(
    Menu, EveryAction,
    testing::Values(ActionCase{"expedite",
                               [](Scenario&, Action& a) {
                                 a.kind = Action::Kind::expedite;
                                 a.channel = Channel::web;
                               },
                               [](const KpiTable& sq, const KpiTable& ct) {
                                 EXPECT_GT(total(ct, Counter::expedited_shipping_cents),
                                           total(sq, Counter::expedited_shipping_cents));
                               }},
                    ActionCase{"widen_promise",
                               [](Scenario& s, Action& a) {
                                 s.carriers[0].exception_rate = 0.3;  // plenty of late parcels
                                 a.kind = Action::Kind::widen_promise;
                                 a.hours = 72;
                               },
                               [](const KpiTable& sq, const KpiTable& ct) {
                                 EXPECT_GT(total(ct, Counter::orders_on_time),
                                           total(sq, Counter::orders_on_time));
                               }},
                    ActionCase{"switch_carrier",
                               [](Scenario& s, Action& a) {
                                 Carrier slow = s.carriers[0];
                                 slow.name = "slow";
                                 slow.services[0].transit_days = Distribution::fixed(9);
                                 s.carriers.push_back(slow);
                                 a.kind = Action::Kind::switch_carrier;
                                 a.carrier = 1;
                               },
                               [](const KpiTable& sq, const KpiTable& ct) {
                                 EXPECT_LT(total(ct, Counter::orders_on_time),
                                           total(sq, Counter::orders_on_time));
                               }},
                    ActionCase{"freeze_promos",
                               [](Scenario& s, Action& a) {
                                 s.promotions.push_back(promotion_from_day(s, 10));
                                 a.kind = Action::Kind::freeze_promos;
                               },
                               [](const KpiTable& sq, const KpiTable& ct) {
                                 EXPECT_GT(total(sq, Counter::promo_slot_seconds), 0);
                                 EXPECT_EQ(total(ct, Counter::promo_slot_seconds), 0);
                               }},
                    ActionCase{"pause_promo",
                               [](Scenario& s, Action& a) {
                                 s.promotions.push_back(promotion_from_day(s, 0));
                                 a.kind = Action::Kind::pause_promo;
                                 a.channel = Channel::store;
                               },
                               [](const KpiTable& sq, const KpiTable& ct) {
                                 EXPECT_LT(total(ct, Counter::promo_mismatches),
                                           total(sq, Counter::promo_mismatches));
                               }},
                    ActionCase{"fix_promo",
                               [](Scenario& s, Action& a) {
                                 s.promotions.push_back(promotion_from_day(s, 0));
                                 a.kind = Action::Kind::fix_promo;
                               },
                               [](const KpiTable& sq, const KpiTable& ct) {
                                 EXPECT_GT(total(ct, Counter::promo_correct_seconds),
                                           total(sq, Counter::promo_correct_seconds));
                               }},
                    ActionCase{"update_sizing_content",
                               [](Scenario& s, Action& a) {
                                 s.returns.sizing_content_quality = 0.3;
                                 a.kind = Action::Kind::update_sizing_content;
                                 a.value = 1;
                               },
                               [](const KpiTable& sq, const KpiTable& ct) {
                                 EXPECT_LT(total(ct, Counter::returns_size_fit),
                                           total(sq, Counter::returns_size_fit) * 3 / 4);
                               }},
                    ActionCase{"change_packaging",
                               [](Scenario& s, Action& a) {
                                 s.returns.packaging_standard = 0.2;
                                 a.kind = Action::Kind::change_packaging;
                                 a.value = 1;
                               },
                               [](const KpiTable& sq, const KpiTable& ct) {
                                 EXPECT_LT(total(ct, Counter::returns_damaged),
                                           total(sq, Counter::returns_damaged) * 3 / 4);
                               }},
                    ActionCase{"tighten_disposition",
                               [](Scenario&, Action& a) {
                                 a.kind = Action::Kind::tighten_disposition;
                                 a.reason = ReturnReason::size_fit;
                                 a.disposition = {0, 0, 0, 1};  // destroy every size/fit return
                               },
                               [](const KpiTable& sq, const KpiTable& ct) {
                                 EXPECT_GT(total(ct, Counter::units_destroyed),
                                           total(sq, Counter::units_destroyed) + 50);
                               }}),
    [](const testing::TestParamInfo<ActionCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace retail
