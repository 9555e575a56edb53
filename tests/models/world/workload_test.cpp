// The parallel engine's load estimate: a forecast-driven node is weighed for the planning it does
// with no message, and a DC for its online orders, not for the units its stores sell.
#include "models/world/workload.hpp"

#include <gtest/gtest.h>

#include "models/world/synthetic.hpp"

namespace retail {
namespace {

Scenario chain() {
  SyntheticSize size;
  size.zones = 2;
  size.stores = 4;
  size.dcs = 1;
  size.carriers = 1;
  size.skus = 300;
  size.categories = 3;
  return synthetic_scenario(size);
}

void plan_by_forecast(ReplenishmentPolicy& policy) {
  policy.kind = ReplenishmentPolicy::Kind::forecast_order_up_to;
}

TEST(Workload, AForecastDrivenNodeWeighsItsDailyPlanningPerSku) {
  const Scenario base = chain();
  Scenario planned = base;
  plan_by_forecast(planned.stores[0].replenishment);
  plan_by_forecast(planned.dcs[0].replenishment);
  const Network before(base);
  const Network after(planned);
  const auto unplanned = expected_daily_events(before);
  const auto weights = expected_daily_events(after);
  // 300 SKUs re-planned each day at a fifteenth of an event each.
  EXPECT_NEAR(weights[after.ids.store[0]] - unplanned[before.ids.store[0]], 20, 1e-9);
  EXPECT_NEAR(weights[after.ids.dc[0]] - unplanned[before.ids.dc[0]], 20, 1e-9);
  EXPECT_DOUBLE_EQ(weights[after.ids.store[1]], unplanned[before.ids.store[1]]);
}

TEST(Workload, ADcIsWeighedByItsOnlineOrdersNotItsStoresSales) {
  Scenario walk_ins_only = chain();
  for (ChannelConfig& channel : walk_ins_only.channels)
    channel.demand_share = 0;
  walk_ins_only.channels[static_cast<std::size_t>(Channel::store)].demand_share = 1;
  Scenario busier = walk_ins_only;
  for (Sku& sku : busier.catalog.skus)
    sku.base_demand_per_day *= 10;
  const Network quiet(walk_ins_only);
  const Network busy(busier);
  // Its stores sell ten times as much, yet their replenishment comes in the same few orders.
  EXPECT_DOUBLE_EQ(expected_daily_events(busy)[busy.ids.dc[0]],
                   expected_daily_events(quiet)[quiet.ids.dc[0]]);
  EXPECT_GT(expected_daily_events(busy)[busy.ids.store[0]],
            expected_daily_events(quiet)[quiet.ids.store[0]]);
  // Online orders are picked at the DC.
  const Scenario with_online = chain();
  const Network online(with_online);
  EXPECT_GT(expected_daily_events(online)[online.ids.dc[0]],
            expected_daily_events(quiet)[quiet.ids.dc[0]]);
}

}  // namespace
}  // namespace retail
