// KPI buffers and tables: nothing lost between an agent's day and the run's table, and ratios
// with nothing to divide by are undefined rather than zero.
#include "models/metrics/kpi.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>

#include "tests/models/metric_lookup.hpp"

namespace retail {
namespace {

TEST(Counters, EveryCounterHasItsOwnName) {
  std::set<std::string> names;
  for (const char* name : counter_names()) {
    ASSERT_NE(name, nullptr) << "a counter added without a name";
    names.insert(name);
  }
  EXPECT_EQ(names.size(), kCounters);
}

TEST(KpiBuffer, TakeReturnsEachNonZeroCellOnceAndResets) {
  KpiBuffer buffer(3);
  buffer.add(Channel::web, 2, Counter::orders_placed);
  buffer.add(Channel::web, 2, Counter::orders_placed, 4);
  buffer.add(Channel::store, 0, Counter::revenue_cents, 999);
  buffer.add(Channel::bopis, 1, Counter::visits, 1);
  buffer.add(Channel::bopis, 1, Counter::visits, -1);  // back to zero: not reported
  const auto deltas = buffer.take();
  ASSERT_EQ(deltas.size(), 2u);
  EXPECT_EQ(deltas[0].channel, Channel::web);
  EXPECT_EQ(deltas[0].category, 2u);
  EXPECT_EQ(deltas[0].counter, static_cast<std::uint8_t>(Counter::orders_placed));
  EXPECT_EQ(deltas[0].value, 5);
  EXPECT_EQ(deltas[1].value, 999);
  EXPECT_TRUE(buffer.take().empty());
}

// Thousands of cells touched twice each: every one comes back once, summed, in the order first
// touched, and the buffer is empty after.
TEST(KpiBuffer, ManyCellsComeBackInTheOrderFirstTouched) {
  constexpr CategoryId kCategories = 60;
  KpiBuffer buffer(kCategories);
  std::vector<CounterDelta> expected;
  for (int round = 0; round < 2; ++round) {
    for (CategoryId k = 0; k < kCategories; ++k) {
      for (std::size_t c = 0; c < kCounters; c += 7) {
        const Channel channel = static_cast<Channel>((k + c) % kChannels);
        buffer.add(channel, k, static_cast<Counter>(c), static_cast<std::int64_t>(k + c + 1));
        if (round == 0)
          expected.push_back(CounterDelta{channel, k, static_cast<std::uint8_t>(c),
                                          2 * static_cast<std::int64_t>(k + c + 1)});
      }
    }
  }
  const auto deltas = buffer.take();
  ASSERT_EQ(deltas.size(), expected.size());
  for (std::size_t i = 0; i < deltas.size(); ++i) {
    EXPECT_EQ(deltas[i].channel, expected[i].channel) << i;
    EXPECT_EQ(deltas[i].category, expected[i].category) << i;
    EXPECT_EQ(deltas[i].counter, expected[i].counter) << i;
    EXPECT_EQ(deltas[i].value, expected[i].value) << i;
  }
  // Emptied: the next day starts from nothing.
  buffer.add(Channel::web, 3, Counter::orders_placed, 2);
  const auto next = buffer.take();
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0].value, 2);
}

TEST(KpiTable, AccumulatesReportsAndIgnoresDaysAfterTheHorizon) {
  KpiTable table(2, 1);
  KpiBuffer buffer(1);
  buffer.add(Channel::web, 0, Counter::orders_placed, 3);
  table.add(KpiReport{1, buffer.take(), {StockLevel{0, 7, 700}}, 2});
  buffer.add(Channel::web, 0, Counter::orders_placed, 5);
  table.add(KpiReport{2, buffer.take(), {StockLevel{0, 1, 100}}, 9});
  EXPECT_EQ(table.at(1, Channel::web, 0, Counter::orders_placed), 3);
  EXPECT_EQ(table.total(Counter::orders_placed), 3);
  EXPECT_EQ(table.stock_units(1, 0), 7);
  EXPECT_EQ(table.open_orders(1), 2);
}

TEST(SpineMetrics, LeaveOutTheWarmUpDays) {
  // Day 0 is the warm-up: its orders and stock are in the table, not in the spine.
  KpiTable table(3, 1, 1);
  KpiBuffer buffer(1);
  const std::array<std::int64_t, 3> placed = {100, 3, 5};
  const std::array<std::int64_t, 3> units = {1000, 10, 30};
  for (std::uint32_t day = 0; day < 3; ++day) {
    buffer.add(Channel::web, 0, Counter::orders_placed, placed[day]);
    table.add(KpiReport{day, buffer.take(), {StockLevel{0, units[day], 100 * units[day]}}, 0});
  }
  EXPECT_EQ(table.warmup_days(), 1u);
  EXPECT_EQ(table.total(Counter::orders_placed), 108);
  const auto metrics = spine_metrics(table);
  EXPECT_EQ(metric_value(metrics, "orders_placed"), 8.0);
  EXPECT_EQ(metric_value(metrics, "average_inventory_units"), 20.0);  // (10 + 30) / 2 days
  EXPECT_EQ(metric_value(metrics, "average_inventory_value"), 20.0);  // cost in cents / 100
  // Without the warm-up the same table scores every day.
  const KpiTable whole(3, 1, 0, table.cells(), table.stock(), table.open_orders_by_day());
  EXPECT_EQ(metric_value(spine_metrics(whole), "orders_placed"), 108.0);
}

TEST(KpiTable, RefusesAWarmUpThatLeavesNoDayToScore) {
  EXPECT_THROW(KpiTable(3, 1, 3), std::invalid_argument);
  EXPECT_NO_THROW(KpiTable(3, 1, 2));
  const KpiTable table(3, 1);
  EXPECT_THROW(KpiTable(3, 1, 4, table.cells(), table.stock(), table.open_orders_by_day()),
               std::invalid_argument);
}

TEST(SpineMetrics, ZeroDenominatorsAreUndefinedNotZero) {
  const KpiTable empty(3, 2);
  const auto metrics = spine_metrics(empty);
  EXPECT_TRUE(std::isnan(metric_value(metrics, "otif")));
  EXPECT_TRUE(std::isnan(metric_value(metrics, "cancellation_rate")));
  EXPECT_TRUE(std::isnan(metric_value(metrics, "inventory_turns")));
  EXPECT_EQ(metric_value(metrics, "revenue"), 0.0);
}

TEST(SpineMetrics, MarginAndTurnsFollowTheirDefinitions) {
  KpiTable table(10, 1);
  KpiBuffer buffer(1);
  buffer.add(Channel::store, 0, Counter::revenue_cents, 100000);
  buffer.add(Channel::store, 0, Counter::cogs_cents, 40000);
  buffer.add(Channel::web, 0, Counter::shipping_cost_cents, 5000);
  buffer.add(Channel::web, 0, Counter::orders_delivered, 4);
  buffer.add(Channel::web, 0, Counter::orders_otif, 3);
  table.add(KpiReport{0, buffer.take(), {}, 0});
  for (std::uint32_t day = 0; day < 10; ++day)
    table.add(KpiReport{day, {}, {StockLevel{0, 10, 20000}}, 0});
  const auto metrics = spine_metrics(table);
  EXPECT_DOUBLE_EQ(metric_value(metrics, "gross_margin"), 600.0);
  EXPECT_DOUBLE_EQ(metric_value(metrics, "contribution_margin"), 550.0);
  EXPECT_DOUBLE_EQ(metric_value(metrics, "otif"), 0.75);
  EXPECT_DOUBLE_EQ(metric_value(metrics, "average_inventory_value"), 200.0);
  // 400 of cost sold in 10 days against 200 held: 2 turns per 10 days, 73 a year.
  EXPECT_DOUBLE_EQ(metric_value(metrics, "inventory_turns"), 73.0);
}

TEST(SpineMetrics, ReturnsComeOffRevenueAndCostAndTheirCostsOffTheMargin) {
  KpiTable table(1, 1);
  KpiBuffer buffer(1);
  buffer.add(Channel::web, 0, Counter::revenue_cents, 10000);
  buffer.add(Channel::web, 0, Counter::cogs_cents, 4000);
  buffer.add(Channel::web, 0, Counter::orders_delivered, 4);
  buffer.add(Channel::web, 0, Counter::returns_size_fit, 1);
  buffer.add(Channel::web, 0, Counter::refunds_cents, 2500);
  buffer.add(Channel::web, 0, Counter::returned_cogs_cents, 1000);
  buffer.add(Channel::web, 0, Counter::returns_cost_cents, 900);
  buffer.add(Channel::web, 0, Counter::liquidation_loss_cents, 700);
  table.add(KpiReport{0, buffer.take(), {}, 0});
  const auto metrics = spine_metrics(table);
  EXPECT_DOUBLE_EQ(metric_value(metrics, "returns_per_order"), 0.25);
  EXPECT_DOUBLE_EQ(metric_value(metrics, "revenue"), 75.0);
  EXPECT_DOUBLE_EQ(metric_value(metrics, "cogs"), 30.0);
  // 75 - 30 - 9 (returns handling) - 7 (liquidation loss)
  EXPECT_DOUBLE_EQ(metric_value(metrics, "contribution_margin"), 29.0);
}

}  // namespace
}  // namespace retail
