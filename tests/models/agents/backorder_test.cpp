// Customer backorders: online customers who find a SKU unavailable accept the wait with their
// channel's probability, the node queues their lines, fills them first when stock arrives, and
// the order is promised one node lead time later.
#include <gtest/gtest.h>

#include <cstdint>

#include "models/world/simulation.hpp"
#include "tests/models/test_chain.hpp"

namespace retail {
namespace {

// The DC runs out in days and is refilled only after its supplier's 6-day lead time; customers
// who meet a stock-out (and accept no backorder) walk away.
Scenario scarce_chain() {
  Scenario s = test_chain(20, 2, 42);
  s.demand.out_of_stock = OutOfStockBehaviour{};
  for (Dc& dc : s.dcs) {
    dc.initial_days_of_cover = 2;
    dc.supplier_lead_days = Distribution::fixed(6);
  }
  return s;
}

std::int64_t total(const ReplicationResult& result, Channel channel, Counter counter) {
  std::int64_t sum = 0;
  for (std::uint32_t day = 0; day < result.kpis.days(); ++day)
    for (CategoryId category = 0; category < result.kpis.categories(); ++category)
      sum += result.kpis.at(day, channel, category, counter);
  return sum;
}

TEST(Backorders, CustomersWhoAcceptWaitInsteadOfWalkingAway) {
  const Scenario without = scarce_chain();
  Scenario with = scarce_chain();
  with.orders.offer_backorders = true;
  with.channels[static_cast<std::size_t>(Channel::web)].backorder_acceptance = 1;
  with.channels[static_cast<std::size_t>(Channel::marketplace)].backorder_acceptance = 0;
  const ReplicationResult before = run_replication(without, 0);
  const ReplicationResult after = run_replication(with, 0);
  ASSERT_GT(total(before, Channel::web, Counter::lost_sales_units), 20);
  // Every web customer offered the wait takes it: none is lost.
  EXPECT_EQ(total(after, Channel::web, Counter::lost_sales_units), 0);
  const std::int64_t accepted = total(after, Channel::web, Counter::backorders_accepted);
  EXPECT_GT(accepted, 20);
  // Most accepted lines reach an empty shelf and queue; the queue is filled as stock arrives.
  const std::int64_t queued = total(after, Channel::web, Counter::backorders_queued);
  const std::int64_t filled = total(after, Channel::web, Counter::backorders_filled);
  EXPECT_GT(queued, accepted / 2);
  EXPECT_GT(filled, queued / 2);
  EXPECT_GT(total(after, Channel::web, Counter::backorder_age_us), filled * sim::hours(1));
  // They are orders: placed, and more of them delivered than without the offer.
  EXPECT_GT(total(after, Channel::web, Counter::orders_delivered),
            total(before, Channel::web, Counter::orders_delivered));
  // No marketplace customer accepts here: they still walk away.
  EXPECT_EQ(total(after, Channel::marketplace, Counter::backorders_accepted), 0);
}

TEST(Backorders, TheAcceptanceProbabilityIsTheShareWhoWait) {
  Scenario s = scarce_chain();
  s.orders.offer_backorders = true;
  s.channels[static_cast<std::size_t>(Channel::web)].backorder_acceptance = 0.3;
  std::int64_t accepted = 0;
  std::int64_t lost = 0;
  for (std::uint64_t r = 0; r < 3; ++r) {
    const ReplicationResult result = run_replication(s, r);
    accepted += total(result, Channel::web, Counter::backorders_accepted);
    lost += total(result, Channel::web, Counter::lost_sales_units);
  }
  const double share = static_cast<double>(accepted) / static_cast<double>(accepted + lost);
  EXPECT_NEAR(share, 0.3, 0.03) << accepted << " accepted, " << lost << " lost";
}

TEST(Backorders, PromisedOneLeadTimeLaterSoWaitingIsOnTime) {
  Scenario s = scarce_chain();
  s.orders.offer_backorders = true;
  s.channels[static_cast<std::size_t>(Channel::web)].backorder_acceptance = 1;
  Scenario unpromised = s;
  // Backorders under oversell: shown available, found empty, promised as any other order.
  unpromised.orders.offer_backorders = false;
  unpromised.orders.oversell = Orders::Oversell::backorder;
  unpromised.availability.sync_interval_minutes = 24 * 60;
  const auto on_time = [](const ReplicationResult& result) {
    return static_cast<double>(total(result, Channel::web, Counter::orders_on_time)) /
           static_cast<double>(total(result, Channel::web, Counter::orders_delivered));
  };
  // An accepted backorder, quoted the DC's lead time, is late only when the supplier is; an
  // oversold one, quoted the usual promise, is late whenever it waited for stock.
  EXPECT_GT(on_time(run_replication(s, 0)), 0.9);
  EXPECT_LT(on_time(run_replication(unpromised, 0)), on_time(run_replication(s, 0)));
}

TEST(Backorders, ConserveUnitsOrdersAndMoneyAndAgreeForAnyThreadCount) {
  Scenario s = scarce_chain();
  s.orders.offer_backorders = true;
  for (ChannelConfig& channel : s.channels)
    channel.backorder_acceptance = 0.5;
  s.channels[static_cast<std::size_t>(Channel::store)].backorder_acceptance = 0;
  for (Store& store : s.stores) {
    store.initial_days_of_cover = 1;
    store.ship_from_store = true;
  }
  // run_replication audits units, orders and money; a broken law throws.
  const ReplicationResult one = run_replication(s, 0, 1);
  EXPECT_GT(total(one, Channel::bopis, Counter::backorders_queued), 0);
  EXPECT_TRUE(run_replication(s, 0, 2).kpis == one.kpis);
}

}  // namespace
}  // namespace retail
