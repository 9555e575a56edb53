// Re-ships: a parcel delivered damaged is replaced from the zone's DC when the scenario says so;
// the replacement is sold, costs its shipping as margin leakage, and the order is scored once.
#include <gtest/gtest.h>

#include "models/world/simulation.hpp"
#include "tests/models/metric_lookup.hpp"
#include "tests/models/test_chain.hpp"

namespace retail {
namespace {

Scenario rough_carrier(bool reship) {
  Scenario s = test_chain(30, 3, 42);
  s.carriers[0].exception_rate = 0.2;
  s.carriers[0].damage_share = 1;  // every exception damages the parcel
  s.orders.reship_damaged = reship;
  return s;
}

TEST(Reship, EveryDamagedParcelIsReplacedAndSold) {
  const KpiTable refunded = run_replication(rough_carrier(false), 0).kpis;
  const KpiTable replaced = run_replication(rough_carrier(true), 0).kpis;
  EXPECT_EQ(refunded.total(Counter::reships), 0);
  EXPECT_EQ(refunded.total(Counter::reship_cost_cents), 0);
  const std::int64_t damaged = replaced.total(Counter::units_damaged);
  ASSERT_GT(damaged, 100);
  EXPECT_EQ(replaced.total(Counter::reships), damaged);
  // The replacements reach customers and are paid for (the run's audit balances the units).
  EXPECT_GT(replaced.total(Counter::units_sold), refunded.total(Counter::units_sold));
  // Each replacement parcel costs a standard (6.50) or expedited (15.00) shipment.
  const std::int64_t cost = replaced.total(Counter::reship_cost_cents);
  EXPECT_GE(cost, 650 * (damaged - damaged / 4));
  EXPECT_LE(cost, 1500 * damaged);
  EXPECT_DOUBLE_EQ(metric_value(spine_metrics(replaced), "reship_cost"),
                   static_cast<double>(cost) / 100);
}

TEST(Reship, AnOrderIsScoredOnceOnItsFirstDelivery) {
  const KpiTable kpis = run_replication(rough_carrier(true), 1).kpis;
  // Orders not in full are the damaged first deliveries; the other damaged units were
  // replacements, themselves damaged as often as any parcel (20 %), and were not scored again.
  const std::int64_t not_in_full =
      kpis.total(Counter::orders_delivered) - kpis.total(Counter::orders_in_full);
  const std::int64_t damaged_replacements = kpis.total(Counter::units_damaged) - not_in_full;
  ASSERT_GT(not_in_full, 100);
  EXPECT_NEAR(
      static_cast<double>(damaged_replacements) / static_cast<double>(kpis.total(Counter::reships)),
      0.2, 0.04);
}

}  // namespace
}  // namespace retail
