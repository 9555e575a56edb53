// Stores and DCs on forecast-driven replenishment: they re-plan weekly from the demand they see,
// stock up for the promotions planners are told of in time, and run out of the ones they are not.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "models/world/simulation.hpp"
#include "tests/models/test_chain.hpp"

namespace retail {
namespace {

constexpr CategoryId kPromoted = 0;
// Stores review weekly on staggered days, so a calendar learnt at the launch reaches each store's
// plan at its next review, up to a week later.
constexpr double kPromoStart = 23;
constexpr double kPromoEnd = 30;

ReplenishmentPolicy weekly_forecast() {
  ReplenishmentPolicy policy;
  policy.kind = ReplenishmentPolicy::Kind::forecast_order_up_to;
  policy.review_days = 7;
  return policy;
}

// Stores re-plan weekly; the DC holds plenty, so a store's lead time is its lane. Category 0 is
// 40 % off from day 23 to 30, a lift of 0.6^-1.5 = 2.15x.
Scenario promoted_chain(bool announced, double lead_days) {
  Scenario s = test_chain(20, 2, 42);
  for (Store& store : s.stores) {
    store.replenishment = weekly_forecast();
    store.initial_days_of_cover = 0;  // start at the first plan's level
  }
  for (Dc& dc : s.dcs)
    dc.initial_days_of_cover = 200;
  Promotion promotion;
  promotion.name = "category sale";
  for (SkuId sku = 0; sku < s.catalog.skus.size(); ++sku)
    if (s.catalog.skus[sku].category == kPromoted) promotion.skus.push_back(sku);
  promotion.discount = 0.4;
  promotion.start_day = kPromoStart;
  promotion.end_day = kPromoEnd;
  promotion.announced_to_planners = announced;
  promotion.planning_lead_days = lead_days;
  s.promotions.push_back(promotion);
  return s;
}

// Walk-in customers of the promoted category who found nothing on the shelf during the promotion,
// over their visits, summed over replications.
double promo_stockout_share(const Scenario& scenario) {
  std::int64_t lost = 0;
  std::int64_t visits = 0;
  for (std::uint64_t r = 0; r < 4; ++r) {
    const ReplicationResult result = run_replication(scenario, r);
    for (auto day = static_cast<std::uint32_t>(kPromoStart); day < kPromoEnd; ++day) {
      lost += result.kpis.at(day, Channel::store, kPromoted, Counter::lost_sales_units);
      visits += result.kpis.at(day, Channel::store, kPromoted, Counter::visits);
    }
  }
  return static_cast<double>(lost) / static_cast<double>(visits);
}

TEST(ForecastReplenishment, PlannersToldInTimeStockUpForAPromotion) {
  const double announced = promo_stockout_share(promoted_chain(true, 28));
  const double late = promo_stockout_share(promoted_chain(true, 0));
  const double never = promo_stockout_share(promoted_chain(false, 28));
  RecordProperty("stockout_share_announced", std::to_string(announced));
  RecordProperty("stockout_share_late_calendar", std::to_string(late));
  RecordProperty("stockout_share_unannounced", std::to_string(never));
  // Told 28 days ahead, the review before the launch stocks the lift; a late calendar is learnt
  // at the launch and planned for at each store's next review, too late for the first days;
  // untold, the forecast only follows the sales the shelf could make.
  EXPECT_LT(announced, 0.05);
  EXPECT_GT(late, 2 * announced);
  EXPECT_GT(never, late);
}

TEST(ForecastReplenishment, StoresAndTheDcConserveAndAgreeForAnyThreadCount) {
  Scenario s = promoted_chain(true, 7);
  for (Dc& dc : s.dcs) {
    dc.replenishment = weekly_forecast();
    dc.replenishment.forecast.method = Forecast::Method::exponential_smoothing;
    dc.replenishment.review_days = 3;
    dc.initial_days_of_cover = 10;
  }
  s.orders.oversell = Orders::Oversell::backorder;
  // run_replication audits units, orders and money; a broken law throws.
  const ReplicationResult one = run_replication(s, 0, 1);
  EXPECT_GT(one.audit.received_units, 0) << "the DC's forecast-driven purchase orders arrived";
  EXPECT_TRUE(run_replication(s, 0, 3).kpis == one.kpis);
}

}  // namespace
}  // namespace retail
