// The forecast-driven planner: reviews every review_days at the end of the day, sets the
// order-up-to level to the planned span demand plus safety stock, and learns baseline demand.
#include "models/mechanics/forecast_planner.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <utility>
#include <vector>

namespace retail {
namespace {

Scenario one_sku() {
  Scenario s;
  s.horizon_days = 60;
  s.demand.price_elasticity = 2;
  s.catalog.categories = {"c"};
  s.catalog.skus.push_back(Sku{"boot", 0, 5000, 5000, 2000, false, 0, 10, 1, 1});
  return s;
}

ReplenishmentPolicy every_three_days(double safety_factor) {
  ReplenishmentPolicy policy;
  policy.kind = ReplenishmentPolicy::Kind::forecast_order_up_to;
  policy.forecast.method = Forecast::Method::moving_average;
  policy.forecast.window_days = 2;
  policy.forecast_error_window_days = 2;
  policy.review_days = 3;
  policy.safety_factor = safety_factor;
  return policy;
}

constexpr ChannelMix kStore{1, 0, 0, 0};
constexpr double kLeadDays = 1;  // span: 1 + 3 days

// A one-SKU store expecting 10 a day, reviewing every three days, starting with nothing.
struct Store {
  explicit Store(double safety_factor, Scenario scenario = one_sku())
      : s(std::move(scenario)),
        calendar(s),
        policy(every_three_days(safety_factor)),
        planner(policy, calendar, kStore, kLeadDays, {10.0}),
        stock(s.catalog, {0}, {Levels{0, 1}}, Inventory::Source::dc) {}
  // A day of `demand`; whether it ended with a review.
  bool day(std::int32_t demand) {
    planner.record(0, demand);
    return planner.end_day(stock);
  }
  Scenario s;
  PlanningCalendar calendar;
  ReplenishmentPolicy policy;
  ForecastPlanner planner;
  Inventory stock;
};

TEST(ForecastPlanner, ReviewsEveryReviewDaysAndOrdersUpToTheSpanForecast) {
  Store store(0);
  EXPECT_FALSE(store.day(10));
  EXPECT_FALSE(store.day(20));
  EXPECT_EQ(store.stock.reorder(0), 1);  // the initial levels still hold
  EXPECT_TRUE(store.day(30));
  // Forecast (20 + 30) / 2 = 25 a day over 4 days; on hand 0 + 1 on order.
  EXPECT_EQ(store.stock.reorder(0), 100 - 1);
}

TEST(ForecastPlanner, NodesReviewOnStaggeredDays) {
  const Scenario s = one_sku();
  const PlanningCalendar calendar(s);
  const ReplenishmentPolicy policy = every_three_days(0);
  // Node 4 of a three-day cycle: (d + 1 + 4) % 3 == 0 on day 1, then every third day.
  ForecastPlanner planner(policy, calendar, kStore, kLeadDays, {10.0}, 4);
  Inventory stock(s.catalog, {0}, {Levels{0, 1}}, Inventory::Source::dc);
  std::vector<bool> reviews;
  for (int day = 0; day < 6; ++day)
    reviews.push_back(planner.end_day(stock));
  EXPECT_EQ(reviews, (std::vector<bool>{false, true, false, false, true, false}));
}

TEST(ForecastPlanner, SafetyStockGrowsWithTheErrorAndTheSquareRootOfTheSpan) {
  Store store(2);
  for (const std::int32_t demand : {10, 20, 30})
    store.day(demand);
  // Errors of the last two days: 20 - 10 and 30 - 15; rms sqrt((100 + 225) / 2).
  const double sd = std::sqrt(325 / 2.0);
  EXPECT_EQ(store.stock.reorder(0), static_cast<std::int32_t>(std::lround(100 + 2 * sd * 2)));
}

TEST(ForecastPlanner, AnAnnouncedPromotionIsPlannedForAndTakenOutOfTheBaseline) {
  Scenario s = one_sku();
  Promotion promotion;
  promotion.skus = {0};
  promotion.discount = 0.5;  // demand x 4
  promotion.start_day = 2;
  promotion.end_day = 5;
  promotion.planning_lead_days = 10;
  s.promotions.push_back(promotion);
  Store store(0, s);
  // Day 2 is a promotion day: 40 units are a baseline of 10.
  for (const std::int32_t demand : {10, 10, 40})
    store.day(demand);
  EXPECT_DOUBLE_EQ(store.planner.forecast().estimate(0).daily, 10.0);
  // The span, days 3..6, holds promotion days 3 and 4: 10 x (4 + 2 x 3) = 100; nothing on hand.
  EXPECT_EQ(store.stock.reorder(0), 100);
}

}  // namespace
}  // namespace retail
