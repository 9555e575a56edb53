// What planners know ahead: announced promotions from planning_lead_days before their start, at
// their price lift; announced ad programs from the start, at the steady lift of the budget
// marketing intends each day (the day-0 budget, or with scaling its growth to the cap) on their
// own channel; each weighed by a node's channel mix.
#include "models/world/planning_calendar.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "models/mechanics/ad_lift.hpp"

namespace retail {
namespace {

constexpr ChannelMix kAllStore{1, 0, 0, 0};
constexpr ChannelMix kHalfWeb{0.5, 0.5, 0, 0};

Scenario two_skus() {
  Scenario s;
  s.horizon_days = 60;
  s.demand.price_elasticity = 2;
  s.catalog.categories = {"c"};
  s.catalog.skus.resize(2);
  return s;
}

Promotion promotion_of_sku_0(double lead_days) {
  Promotion p;
  p.skus = {0};
  p.discount = 0.5;  // lift (1 - 0.5)^-2 - 1 = 3
  p.start_day = 10;
  p.end_day = 14;
  p.planning_lead_days = lead_days;
  return p;
}

// Web ads on SKU 1 at `daily_budget` cents a day, half of the adstock carried over.
AdProgram web_ads_on_sku_1(Cents daily_budget) {
  AdProgram ads;
  ads.channel = Channel::web;
  ads.skus = {1};
  ads.daily_budget_cents = daily_budget;
  ads.adstock_decay = 0.5;
  ads.half_saturation_cents = 1000;
  return ads;
}

TEST(PlanningCalendar, APromotionIsPlannedFromItsLeadTimeBeforeTheStart) {
  Scenario s = two_skus();
  s.promotions.push_back(promotion_of_sku_0(7));
  const PlanningCalendar calendar(s);
  ASSERT_EQ(calendar.planned_skus(), std::vector<SkuId>{0});
  // Days 8..18 hold the four promotion days, each at 1 + 3.
  EXPECT_DOUBLE_EQ(calendar.planned_days(0, kAllStore, 8, 18, 3), 10 + 4 * 3);
  // Before day 3 planners do not know yet.
  EXPECT_DOUBLE_EQ(calendar.planned_days(0, kAllStore, 8, 18, 2.9), 10);
  // Part of a day: half of day 13 and day 14, which is after the end.
  EXPECT_DOUBLE_EQ(calendar.planned_days(0, kAllStore, 13.5, 15, 10), 1.5 + 0.5 * 3);
  // Other SKUs are not lifted.
  EXPECT_DOUBLE_EQ(calendar.planned_days(1, kAllStore, 8, 18, 10), 10);
}

TEST(PlanningCalendar, ALateCalendarIsKnownOnlyAtTheStartAndAnUnannouncedOneNever) {
  Scenario s = two_skus();
  s.promotions.push_back(promotion_of_sku_0(0));
  EXPECT_DOUBLE_EQ(PlanningCalendar(s).planned_days(0, kAllStore, 10, 11, 9.9), 1);
  EXPECT_DOUBLE_EQ(PlanningCalendar(s).planned_days(0, kAllStore, 10, 11, 10), 4);
  s.promotions[0].announced_to_planners = false;
  EXPECT_TRUE(PlanningCalendar(s).planned_skus().empty());
  EXPECT_DOUBLE_EQ(PlanningCalendar(s).planned_days(0, kAllStore, 10, 11, 10), 1);
}

TEST(PlanningCalendar, AnAdProgramLiftsItsChannelsShareOfANodesDemand) {
  Scenario s = two_skus();
  AdProgram ads = web_ads_on_sku_1(500);
  ads.max_lift = 0.8;
  s.advertising.programs.push_back(ads);
  const PlanningCalendar calendar(s);
  const double lift = steady_ad_lift(ads, 500) - 1;
  EXPECT_DOUBLE_EQ(lift, 0.4);
  EXPECT_DOUBLE_EQ(calendar.planned_days(1, kHalfWeb, 0, 7, 0), 7 * (1 + 0.5 * lift));
  // A store sells nothing on the web: its forecast is not lifted.
  EXPECT_DOUBLE_EQ(calendar.planned_days(1, kAllStore, 0, 7, 0), 7);
  s.advertising.programs[0].announced_to_planners = false;
  EXPECT_DOUBLE_EQ(PlanningCalendar(s).planned_days(1, kHalfWeb, 0, 7, 0), 7);
}

TEST(PlanningCalendar, AScaledProgramIsPlannedAlongItsBudgetGrowingToTheCap) {
  Scenario s = two_skus();
  AdProgram ads = web_ads_on_sku_1(100);
  ads.max_daily_budget_cents = 400;
  s.advertising.programs.push_back(ads);
  s.advertising.scaling.enabled = true;
  s.advertising.scaling.step = 0.5;
  const PlanningCalendar calendar(s);
  constexpr ChannelMix kAllWeb{0, 1, 0, 0};
  // Budgets 100, 150, 225, 337.5, then the cap of 400 from day 4 to the horizon.
  const auto planned = [&](double budget) { return steady_ad_lift(ads, budget); };
  EXPECT_DOUBLE_EQ(calendar.planned_days(1, kAllWeb, 0, 1, 0), planned(100));
  EXPECT_DOUBLE_EQ(calendar.planned_days(1, kAllWeb, 2, 3, 0), planned(225));
  EXPECT_DOUBLE_EQ(calendar.planned_days(1, kAllWeb, 3.5, 4.5, 0),
                   0.5 * planned(337.5) + 0.5 * planned(400));
  EXPECT_DOUBLE_EQ(calendar.planned_days(1, kAllWeb, 30, 40, 0), 10 * planned(400));
  EXPECT_DOUBLE_EQ(calendar.planned_days(1, kAllWeb, 59, 61, 0), planned(400) + 1);
  // Without scaling the day-0 budget is the plan, whatever the cap.
  s.advertising.scaling.enabled = false;
  EXPECT_DOUBLE_EQ(PlanningCalendar(s).planned_days(1, kAllWeb, 30, 31, 0), planned(100));
}

}  // namespace
}  // namespace retail
