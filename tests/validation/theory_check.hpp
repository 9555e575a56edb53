// What the validation tests share: a minimal chain whose every customer comes through one
// channel, independent replications, and the check that theory lies in the replications'
// confidence interval.
#pragma once

#include <gtest/gtest.h>

#include <Eigen/Core>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "models/metrics/kpi.hpp"
#include "models/scenario/scenario.hpp"
#include "models/world/simulation.hpp"
#include "sim/agent.hpp"
#include "sim/statistics.hpp"
#include "sim/time.hpp"

namespace retail::validation {

// Theory must lie in the 99 % Student-t interval of the replication means: the seed is fixed,
// so a pass is reproducible, and a 1 % chance per comparison of rejecting a correct model keeps
// the whole suite's false alarms rare if the random streams ever change.
constexpr double kConfidence = 0.99;
constexpr std::uint64_t kSeed = 20240611;
constexpr CategoryId kCategory = 0;
constexpr double kRoutingMinutes = 5;
// The DC's base stock: far above anything a day can draw, and restored at once (see below).
constexpr std::int32_t kDcStock = 100000;

inline double routing_days() {
  return kRoutingMinutes / (24 * 60);
}

inline ReplenishmentPolicy base_stock(std::int32_t level) {
  ReplenishmentPolicy policy;
  policy.kind = ReplenishmentPolicy::Kind::base_stock;
  policy.reorder_point = level - 1;
  policy.order_up_to = level;
  return policy;
}

// One zone, one store, one DC, one carrier and one category; every customer comes through
// `channel`, at a flat rate, and walks away when the SKU is unavailable. The DC never runs out:
// its supplier delivers with zero lead time, so its on hand is back at kDcStock at once, which
// also keeps its share of the end-of-day stock snapshots constant.
inline Scenario minimal_chain(Channel channel, const std::vector<double>& demand_per_day,
                              std::uint32_t horizon_days) {
  Scenario s;
  s.name = std::string("validation, ") + kChannelNames[static_cast<std::size_t>(channel)];
  s.seed = kSeed;
  s.horizon_days = horizon_days;
  s.catalog.categories = {"only"};
  for (std::size_t i = 0; i < demand_per_day.size(); ++i) {
    Sku sku;
    sku.name = sim::numbered_name("SKU-", i);
    sku.category = kCategory;
    sku.list_price_cents = 1000;
    sku.price_cents = 1000;
    sku.unit_cost_cents = 500;
    sku.base_demand_per_day = demand_per_day[i];
    s.catalog.skus.push_back(sku);
  }
  s.zones.push_back(Zone{"zone", 1.0, 0, 0});

  Store store;
  store.name = "store";
  store.lane_transit_hours = Distribution::fixed(12);
  store.demand_share = 1.0;
  store.replenishment = base_stock(10);
  s.stores.push_back(store);

  Dc dc;
  dc.name = "dc";
  dc.pick_minutes = Distribution::fixed(1);
  dc.supplier_lead_days = Distribution::fixed(0);
  dc.replenishment = base_stock(kDcStock);
  s.dcs.push_back(dc);

  Carrier carrier;
  carrier.name = "carrier";
  carrier.capacity_per_day = 1'000'000;
  for (auto& service : carrier.services)
    service = {Distribution::fixed(1), 2, 500};
  s.carriers.push_back(carrier);

  for (std::size_t c = 0; c < kChannels; ++c) {
    s.channels[c].demand_share = c == static_cast<std::size_t>(channel) ? 1.0 : 0.0;
    s.channels[c].hour_of_day.fill(1.0);
  }
  s.demand.out_of_stock = OutOfStockBehaviour{};  // substitute = defer = 0: all walk away
  s.orders.routing_latency_minutes = kRoutingMinutes;
  return s;
}

// Replications 0..n-1 of one seed. run_replication audits each one and throws on a broken
// conservation law, which fails the test with the law's message.
inline std::vector<ReplicationResult> replicate(const Scenario& scenario,
                                                std::uint32_t replications) {
  std::vector<ReplicationResult> results;
  results.reserve(replications);
  for (std::uint32_t r = 0; r < replications; ++r)
    results.push_back(run_replication(scenario, r));
  return results;
}

// A counter summed over the days from `first_day` to the horizon.
inline std::int64_t after_warm_up(const KpiTable& table, std::uint32_t first_day, Channel channel,
                                  Counter counter) {
  std::int64_t sum = 0;
  for (std::uint32_t day = first_day; day < table.days(); ++day)
    sum += table.at(day, channel, kCategory, counter);
  return sum;
}

// Checks that `theory` lies in the confidence interval of `samples` (one per replication) and
// records both in the test's properties. No bias allowance is added: after the warm-up every
// estimate is unbiased except the ratios (per-sale or per-order means), whose O(1/n) bias with n
// in the thousands per replication is far below the interval's width.
inline void expect_in_interval(const std::string& what, const Eigen::VectorXd& samples,
                               double theory) {
  const sim::Summary summary = sim::summarize(samples, kConfidence);
  std::ostringstream line;
  line << summary.mean << " +- " << summary.half_width() << " (" << kConfidence * 100
       << " % CI, n = " << summary.n << "), theory " << theory;
  ::testing::Test::RecordProperty(what, line.str());
  EXPECT_TRUE(summary.ci_low <= theory && theory <= summary.ci_high) << what << ": " << line.str();
}

}  // namespace retail::validation
