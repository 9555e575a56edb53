// The costs that belong to no one order: holding cost is the carrying rate x the stock held at
// cost over time, a truck is paid once per store and dispatch, a purchase order once per DC and
// ordering moment, and case packs and the supplier's minimum shape what is ordered.
#include <gtest/gtest.h>

#include <cstdint>
#include <set>

#include "models/world/simulation.hpp"
#include "tests/models/test_chain.hpp"

namespace retail {
namespace {

constexpr std::uint32_t kDays = 20;
constexpr CategoryId kIdle = 1;  // a category nobody buys from

ReplenishmentPolicy base_stock_units(std::int32_t level, double review_every_hours) {
  ReplenishmentPolicy policy;
  policy.kind = ReplenishmentPolicy::Kind::base_stock;
  policy.reorder_point = level - 1;
  policy.order_up_to = level;
  policy.review_every_hours = review_every_hours;
  return policy;
}

// Stores hold 10 units of every SKU and DCs 1000, restored by base stock reviewed every
// `review_every_hours` (0: continuously); the SKUs of kIdle have no demand, so theirs never move.
Scenario base_stock_chain(double review_every_hours) {
  Scenario s = test_chain(8, 2, kDays);
  s.kpi.node_days = true;
  for (Sku& sku : s.catalog.skus)
    if (sku.category == kIdle) sku.base_demand_per_day = 0;
  for (Store& store : s.stores) {
    store.initial_days_of_cover = 0;
    store.replenishment = base_stock_units(10, review_every_hours);
  }
  for (Dc& dc : s.dcs) {
    dc.initial_days_of_cover = 0;
    dc.replenishment = base_stock_units(1000, review_every_hours);
  }
  return s;
}

std::int64_t total(const KpiTable& kpis, Counter counter, std::optional<CategoryId> only = {}) {
  std::int64_t sum = 0;
  for (std::uint32_t day = 0; day < kpis.days(); ++day)
    for (std::size_t c = 0; c < kChannels; ++c)
      for (CategoryId category = 0; category < kpis.categories(); ++category)
        if (!only || category == *only)
          sum += kpis.at(day, static_cast<Channel>(c), category, counter);
  return sum;
}

TEST(CostToServe, HoldingCostIsTheRateTimesTheStockHeldOverTime) {
  Scenario s = base_stock_chain(24);
  s.costs.holding_rate_per_year = 0.365;  // a thousandth of unit cost a day
  const ReplicationResult result = run_replication(s, 0);
  // Idle stock sits still for the whole run: 10 units in every store and 1000 in the DC.
  double idle_cost_per_day = 0;
  for (const Sku& sku : s.catalog.skus)
    if (sku.category == kIdle)
      idle_cost_per_day += 0.001 * static_cast<double>(sku.unit_cost_cents) *
                           static_cast<double>(10 * s.stores.size() + 1000 * s.dcs.size());
  // Each node rounds its running total to the cent.
  const double nodes = static_cast<double>(s.stores.size() + s.dcs.size());
  EXPECT_NEAR(static_cast<double>(total(result.kpis, Counter::holding_cost_cents, kIdle)),
              idle_cost_per_day * kDays, nodes * 0.5);
  // Stock that sells down costs less than the full base stock held all along.
  double full_cost_per_day = 0;
  for (const Sku& sku : s.catalog.skus)
    if (sku.category != kIdle)
      full_cost_per_day += 0.001 * static_cast<double>(sku.unit_cost_cents) *
                           static_cast<double>(10 * s.stores.size() + 1000 * s.dcs.size());
  const auto selling = static_cast<double>(total(result.kpis, Counter::holding_cost_cents, 0));
  EXPECT_GT(selling, 0.5 * full_cost_per_day * kDays);
  EXPECT_LT(selling, full_cost_per_day * kDays);
}

// Per node, the days on which it placed replenishment orders, and the units it ordered.
struct Ordering {
  std::int64_t order_days = 0;
  std::int64_t orders = 0;
  std::int64_t units = 0;
};
Ordering ordering(const KpiTable& kpis, std::uint32_t node) {
  Ordering out;
  for (std::uint32_t day = 0; day < kpis.days(); ++day) {
    std::int64_t orders = 0;
    for (CategoryId category = 0; category < kpis.categories(); ++category) {
      orders += kpis.node_days().orders(day, node, category).orders;
      out.units += kpis.node_days().orders(day, node, category).units;
    }
    out.orders += orders;
    out.order_days += orders > 0;
  }
  return out;
}

TEST(CostToServe, AReviewsOrdersShareOneTruckAndOnePurchaseOrder) {
  Scenario s = base_stock_chain(24);
  s.costs.store_delivery = {10000, 1};
  s.costs.purchase_order_cents = 5000;
  // The supplier delivers at once, so the DC ships every store order in full when it arrives.
  for (Dc& dc : s.dcs)
    dc.supplier_lead_days = Distribution::fixed(0);
  const ReplicationResult result = run_replication(s, 0);
  const auto dcs = static_cast<std::uint32_t>(s.dcs.size());
  std::int64_t truck_days = 0;
  std::int64_t store_units = 0;
  for (std::uint32_t store = 0; store < s.stores.size(); ++store) {
    const Ordering o = ordering(result.kpis, dcs + store);
    EXPECT_GT(o.orders, o.order_days) << "a review orders several SKUs, store " << store;
    truck_days += o.order_days;
    store_units += o.units;
  }
  EXPECT_EQ(total(result.kpis, Counter::store_delivery_cost_cents),
            10000 * truck_days + store_units);
  const Ordering dc = ordering(result.kpis, 0);
  EXPECT_EQ(total(result.kpis, Counter::purchase_order_cost_cents), 5000 * dc.order_days);
}

TEST(CostToServe, ContinuousReviewPaysAPurchaseOrderPerLine) {
  Scenario s = base_stock_chain(0);
  s.costs.purchase_order_cents = 5000;
  const ReplicationResult result = run_replication(s, 0);
  const Ordering dc = ordering(result.kpis, 0);
  EXPECT_GT(dc.orders, dc.order_days);
  EXPECT_EQ(total(result.kpis, Counter::purchase_order_cost_cents), 5000 * dc.orders);
}

TEST(CostToServe, OrdersComeInWholeCasesOfAtLeastTheSuppliersMinimum) {
  Scenario s = base_stock_chain(24);
  for (Sku& sku : s.catalog.skus) {
    sku.case_pack = 6;
    sku.supplier_moq = 50;
  }
  const ReplicationResult result = run_replication(s, 0);
  const auto& days = result.kpis.node_days();
  for (std::uint32_t day = 0; day < days.days(); ++day) {
    for (std::uint32_t node = 0; node < days.nodes(); ++node) {
      for (CategoryId category = 0; category < days.categories(); ++category) {
        const ReplenishmentCell& cell = days.orders(day, node, category);
        EXPECT_EQ(cell.units % 6, 0) << "node " << node << ", day " << day;
        // A DC's purchase orders are at least 50 units, rounded up to 54.
        if (node < s.dcs.size()) {
          EXPECT_GE(cell.units, 54 * cell.orders) << "day " << day;
        }
      }
    }
  }
  EXPECT_GT(ordering(result.kpis, 0).orders, 0);
}

TEST(CostToServe, NodeCostsComeOffTheContributionMargin) {
  Scenario free = base_stock_chain(24);
  free.costs = Costs{0, 0, {0, 0}, {0, 0}};
  const Scenario priced = base_stock_chain(24);
  const auto margin = [](const ReplicationResult& r) {
    return spine_metrics(r.kpis)[metric_index(MetricId::contribution_margin)].value;
  };
  const ReplicationResult a = run_replication(free, 0);
  const ReplicationResult b = run_replication(priced, 0);
  const double costs = static_cast<double>(total(b.kpis, Counter::holding_cost_cents) +
                                           total(b.kpis, Counter::purchase_order_cost_cents) +
                                           total(b.kpis, Counter::store_delivery_cost_cents)) /
                       100;
  EXPECT_GT(costs, 0);
  // Costs change nothing that happens: the same run, less the costs.
  EXPECT_EQ(total(a.kpis, Counter::units_sold), total(b.kpis, Counter::units_sold));
  EXPECT_NEAR(margin(a) - margin(b), costs, 1e-6 * costs);
}

}  // namespace
}  // namespace retail
