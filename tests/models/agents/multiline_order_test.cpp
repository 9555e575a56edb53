// Orders of several lines: baskets keep the channel's units of demand, each line is routed and
// scored as a one-line order is, and the order is scored once its last line is delivered or
// cancelled. Split routing ships what each node has, in as many parcels; ship-complete routing
// sends the whole order to one node, which ships it in one. Every run here is audited (lines
// and orders conserved) by run_replication.
#include <gtest/gtest.h>

#include <cstdint>

#include "models/world/simulation.hpp"
#include "tests/models/test_chain.hpp"

namespace retail {
namespace {

constexpr std::array kOnline = {Channel::web, Channel::marketplace, Channel::bopis};

ChannelConfig& channel(Scenario& s, Channel c) {
  return s.channels[static_cast<std::size_t>(c)];
}

std::int64_t total(const ReplicationResult& result, Counter counter) {
  return result.kpis.total(counter);
}

std::int64_t in(const ReplicationResult& result, Channel c, CategoryId category, Counter counter) {
  std::int64_t sum = 0;
  for (std::uint32_t day = 0; day < result.kpis.days(); ++day)
    sum += result.kpis.at(day, c, category, counter);
  return sum;
}

std::int64_t web(const ReplicationResult& result, Counter counter) {
  return in(result, Channel::web, 0, counter) + in(result, Channel::web, 1, counter);
}

// Stock enough that no line is ever short: every line drawn is placed and delivered.
Scenario ample_chain(Distribution basket) {
  Scenario s = test_chain(20, 2, 28);
  s.demand.out_of_stock = OutOfStockBehaviour{};
  for (Dc& dc : s.dcs)
    dc.initial_days_of_cover = 60;
  for (Store& store : s.stores)
    store.initial_days_of_cover = 60;
  for (const Channel c : kOnline)
    channel(s, c).basket_size = basket;
  return s;
}

// The DC runs short for days and the stores (all ship from store) soon after: no one node shows
// every line of many web orders.
Scenario scattered_chain(Orders::LineRouting routing) {
  Scenario s = test_chain(20, 2, 28);
  s.demand.out_of_stock = OutOfStockBehaviour{};
  for (Dc& dc : s.dcs) {
    dc.initial_days_of_cover = 2;
    dc.supplier_lead_days = Distribution::fixed(6);
  }
  for (Store& store : s.stores) {
    store.initial_days_of_cover = 4;
    store.ship_from_store = true;
  }
  channel(s, Channel::web).basket_size = Distribution::fixed(3);
  s.orders.line_routing = routing;
  return s;
}

TEST(MultilineOrders, OneLineIsTheRunAsBeforeWhateverTheRoutingOrAffinity) {
  const Scenario before = test_chain(20, 2, 21);
  Scenario same = before;
  for (ChannelConfig& config : same.channels) {
    config.basket_size = Distribution::fixed(1);
    config.category_affinity = 0.7;
  }
  same.orders.line_routing = Orders::LineRouting::ship_complete;
  const ReplicationResult one = run_replication(before, 0);
  EXPECT_TRUE(run_replication(same, 0).kpis == one.kpis);
  // Every order is a line, and a parcel.
  EXPECT_EQ(total(one, Counter::customer_orders), total(one, Counter::orders_placed));
  EXPECT_EQ(total(one, Counter::split_orders), 0);
  EXPECT_EQ(total(one, Counter::multiline_orders_shipped), 0);
}

TEST(MultilineOrders, TheBasketMeanIsTheDistributionsAndUnitsOfDemandStayTheSame) {
  const Scenario one_line = ample_chain(Distribution::fixed(1));
  const Scenario baskets = ample_chain(Distribution::uniform(1, 4));
  std::int64_t lines = 0;
  std::int64_t orders = 0;
  std::int64_t units_one = 0;
  std::int64_t units_baskets = 0;
  for (std::uint64_t r = 0; r < 4; ++r) {
    const ReplicationResult a = run_replication(one_line, r);
    const ReplicationResult b = run_replication(baskets, r);
    ASSERT_EQ(total(b, Counter::lost_sales_units), 0);
    lines += total(b, Counter::orders_placed);
    orders += total(b, Counter::customer_orders);
    units_one += total(a, Counter::visits);
    units_baskets += total(b, Counter::visits);
  }
  EXPECT_NEAR(static_cast<double>(lines) / static_cast<double>(orders), 2.5, 0.05);
  // Customers arrive 2.5 times less often, each wanting 2.5 units on average.
  EXPECT_NEAR(static_cast<double>(units_baskets) / static_cast<double>(units_one), 1.0, 0.03);
}

TEST(MultilineOrders, WithAffinityOneAnOrdersLinesAreAllInItsCategory) {
  Scenario s = ample_chain(Distribution::fixed(3));
  for (const Channel c : kOnline)
    channel(s, c).category_affinity = 1;
  const ReplicationResult result = run_replication(s, 0);
  ASSERT_EQ(total(result, Counter::lost_sales_units), 0);
  for (const Channel c : kOnline) {
    for (CategoryId category = 0; category < 2; ++category) {
      // An order is booked on its first line's category, its lines on their own.
      EXPECT_EQ(in(result, c, category, Counter::orders_placed),
                3 * in(result, c, category, Counter::customer_orders))
          << kChannelNames[static_cast<std::size_t>(c)] << " category " << category;
    }
  }
}

TEST(MultilineOrders, SplitShipsFromSeveralNodesInMoreParcelsShipCompleteNeverSplits) {
  const ReplicationResult split = run_replication(scattered_chain(Orders::LineRouting::split), 0);
  const ReplicationResult whole =
      run_replication(scattered_chain(Orders::LineRouting::ship_complete), 0);
  ASSERT_GT(web(split, Counter::multiline_orders_shipped), 100);
  ASSERT_GT(web(whole, Counter::multiline_orders_shipped), 100);
  EXPECT_GT(web(split, Counter::split_orders), 20);
  EXPECT_EQ(total(whole, Counter::split_orders), 0);
  // Per web order shipped, split routing pays for more parcels.
  const auto parcels_per_order = [](const ReplicationResult& r) {
    return static_cast<double>(web(r, Counter::parcels_shipped)) /
           static_cast<double>(web(r, Counter::customer_orders_closed));
  };
  EXPECT_GT(parcels_per_order(split), parcels_per_order(whole) * 1.05)
      << parcels_per_order(split) << " vs " << parcels_per_order(whole);
  // Ship complete holds a line no node shows with the rest: it waits at the order's node.
  EXPECT_GT(web(whole, Counter::backorders_queued), web(split, Counter::backorders_queued));
}

TEST(MultilineOrders, AnOrderIsInFullOnlyWhenEveryLineArrivesUndamaged) {
  // Every parcel holds a whole order (ship complete, stock for all): a damaged parcel spoils
  // all three lines, so lines in full are exactly three per order in full.
  Scenario s = ample_chain(Distribution::fixed(3));
  channel(s, Channel::bopis).basket_size = Distribution::fixed(1);
  s.orders.line_routing = Orders::LineRouting::ship_complete;
  for (Carrier& carrier : s.carriers) {
    carrier.exception_rate = 0.2;
    carrier.damage_share = 1;
  }
  const ReplicationResult result = run_replication(s, 0);
  const std::int64_t orders_in_full = total(result, Counter::customer_orders_in_full);
  const std::int64_t bopis_in_full = [&] {
    std::int64_t sum = 0;
    for (CategoryId category = 0; category < 2; ++category)
      sum += in(result, Channel::bopis, category, Counter::orders_in_full);
    return sum;
  }();
  EXPECT_EQ(total(result, Counter::orders_in_full) - bopis_in_full,
            3 * (orders_in_full - bopis_in_full));
  EXPECT_LT(orders_in_full, total(result, Counter::customer_orders_closed) * 0.9);
  EXPECT_EQ(total(result, Counter::split_orders), 0);
}

TEST(MultilineOrders, ALineMissingLeavesTheOrderShortOfInFull) {
  // Web orders of three lines, some cancelled (the DC oversells and cancels) or damaged: an order
  // is in full only if all three lines are, so orders fall short more often than lines do (not
  // three times as often: the lines of one parcel are damaged together).
  Scenario s = scattered_chain(Orders::LineRouting::split);
  for (Carrier& carrier : s.carriers) {
    carrier.exception_rate = 0.1;
    carrier.damage_share = 1;
  }
  const ReplicationResult result = run_replication(s, 0);
  ASSERT_GT(web(result, Counter::orders_cancelled), 0);
  const double lines_in_full = static_cast<double>(web(result, Counter::orders_in_full)) /
                               static_cast<double>(web(result, Counter::orders_delivered) +
                                                   web(result, Counter::orders_cancelled));
  const double orders_in_full = static_cast<double>(web(result, Counter::customer_orders_in_full)) /
                                static_cast<double>(web(result, Counter::customer_orders_closed));
  EXPECT_LT(orders_in_full, lines_in_full) << orders_in_full << " vs " << lines_in_full;
}

TEST(MultilineOrders, ConserveLinesOrdersAndMoneyAndAgreeForAnyThreadCount) {
  for (const auto routing : {Orders::LineRouting::split, Orders::LineRouting::ship_complete}) {
    Scenario s = scattered_chain(routing);
    s.orders.offer_backorders = true;
    s.orders.reship_damaged = true;
    for (const Channel c : kOnline) {
      channel(s, c).basket_size = Distribution::triangular(1, 2, 5);
      channel(s, c).category_affinity = 0.5;
    }
    for (Carrier& carrier : s.carriers)
      carrier.exception_rate = 0.05;
    // run_replication audits units, lines, orders and money; a broken law throws.
    const ReplicationResult one = run_replication(s, 0, 1);
    EXPECT_GT(total(one, Counter::customer_orders_closed), 100);
    EXPECT_TRUE(run_replication(s, 0, 2).kpis == one.kpis);
  }
}

}  // namespace
}  // namespace retail
