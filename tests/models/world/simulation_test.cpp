// Whole-world behaviour of a replication: conservation laws under every policy, determinism
// across engines and thread counts, and KPIs moving the way the mechanisms say they should.
#include "models/world/simulation.hpp"

#include <gtest/gtest.h>

#include "models/world/synthetic.hpp"
#include "tests/models/metric_lookup.hpp"

namespace retail {
namespace {

Scenario small_chain() {
  SyntheticSize size;
  size.zones = 3;
  size.stores = 6;
  size.dcs = 1;
  size.carriers = 2;
  size.skus = 40;
  size.categories = 4;
  size.horizon_days = 28;
  return synthetic_scenario(size);
}

double metric(const ReplicationResult& result, const std::string& name) {
  return metric_value(spine_metrics(result.kpis), name);
}

// Mean of a metric over a few replications, to compare scenarios beyond one run's noise.
double mean_metric(const Scenario& scenario, const std::string& name, int replications = 4) {
  double sum = 0;
  for (int r = 0; r < replications; ++r)
    sum += metric(run_replication(scenario, r), name);
  return sum / replications;
}

std::int64_t channel_total(const KpiTable& kpis, Channel channel, Counter counter) {
  std::int64_t sum = 0;
  for (std::uint32_t day = 0; day < kpis.days(); ++day)
    for (CategoryId category = 0; category < kpis.categories(); ++category)
      sum += kpis.at(day, channel, category, counter);
  return sum;
}

// numerator / denominator for one channel, summed over a few replications.
double channel_ratio(const Scenario& scenario, Channel channel, Counter numerator,
                     Counter denominator, int replications = 4) {
  std::int64_t n = 0;
  std::int64_t d = 0;
  for (int r = 0; r < replications; ++r) {
    const auto result = run_replication(scenario, r);
    n += channel_total(result.kpis, channel, numerator);
    d += channel_total(result.kpis, channel, denominator);
  }
  return static_cast<double>(n) / static_cast<double>(d);
}

TEST(Simulation, SellsThroughEveryChannel) {
  const auto result = run_replication(small_chain(), 0);
  for (std::size_t c = 0; c < kChannels; ++c) {
    EXPECT_GT(channel_total(result.kpis, static_cast<Channel>(c), Counter::units_sold), 0)
        << kChannelNames[c];
  }
  EXPECT_GT(result.audit.orders_delivered, 0);
  EXPECT_GT(metric(result, "otif"), 0.5);
  EXPECT_GT(metric(result, "revenue"), 0.0);
}

TEST(Simulation, IdenticalKpisForAnyThreadCount) {
  const Scenario scenario = small_chain();
  const auto sequential = run_replication(scenario, 3, 1);
  for (const unsigned threads : {2u, 3u, 5u}) {
    const auto parallel = run_replication(scenario, 3, threads);
    EXPECT_TRUE(parallel.kpis == sequential.kpis) << threads << " threads";
    EXPECT_EQ(parallel.stats.committed_events, sequential.stats.committed_events);
  }
}

TEST(Simulation, ReplicationsDiffer) {
  const Scenario scenario = small_chain();
  EXPECT_FALSE(run_replication(scenario, 0).kpis == run_replication(scenario, 1).kpis);
}

// Variants that exercise every path units and orders can take; the run itself checks the
// conservation laws and throws on a violation.
TEST(Simulation, ConservationHoldsUnderEveryPolicy) {
  Scenario backorders = small_chain();
  backorders.orders.oversell = Orders::Oversell::backorder;
  Scenario scarce = small_chain();
  for (auto& dc : scarce.dcs) {
    dc.initial_days_of_cover = 2;
    dc.replenishment.reorder_point = 1;
    dc.replenishment.order_up_to = 3;
    dc.pickers = Staffing::around_the_clock(1);
  }
  for (auto& carrier : scarce.carriers)
    carrier.capacity_per_day = 20;
  Scenario periodic = small_chain();
  for (auto& store : periodic.stores)
    store.replenishment.review_every_hours = 24;
  for (auto& dc : periodic.dcs)
    dc.replenishment.review_every_hours = 72;
  Scenario all_ship_from_store = scarce;
  for (auto& store : all_ship_from_store.stores)
    store.ship_from_store = true;
  all_ship_from_store.orders.oversell = Orders::Oversell::backorder;
  for (const Scenario* scenario : {&backorders, &scarce, &periodic, &all_ship_from_store}) {
    for (std::uint64_t r = 0; r < 3; ++r) {
      const auto result = run_replication(*scenario, r, 1 + r % 2);
      EXPECT_GT(result.audit.orders_placed, 0);
    }
  }
}

// Every node's day is its replenishment ledger: what it ordered and did not receive yet is on
// order (no transfers here, so every receipt fills an order), and the position is on hand + on
// order - owed. The DC's supplier and the stores' orders both run through it.
TEST(Simulation, NodeDaysBalanceOrdersAgainstReceipts) {
  for (const bool forecast : {false, true}) {
    Scenario s = small_chain();
    s.kpi.node_days = true;
    s.orders.oversell = Orders::Oversell::backorder;
    if (forecast) {
      for (Store& store : s.stores)
        store.replenishment.kind = ReplenishmentPolicy::Kind::forecast_order_up_to;
      for (Dc& dc : s.dcs)
        dc.replenishment.kind = ReplenishmentPolicy::Kind::forecast_order_up_to;
    }
    const ReplicationResult result = run_replication(s, 0);
    const NodeDays& nodes = result.kpis.node_days();
    ASSERT_EQ(nodes.nodes(), s.dcs.size() + s.stores.size());
    std::int64_t ordered_anywhere = 0;
    for (std::uint32_t node = 0; node < nodes.nodes(); ++node) {
      std::int64_t ordered = 0;
      std::int64_t received = 0;
      for (std::uint32_t day = 0; day < nodes.days(); ++day) {
        for (CategoryId category = 0; category < nodes.categories(); ++category)
          ordered += nodes.orders(day, node, category).units;
        const NodeStock& stock = nodes.stock(day, node);
        received += stock.receipts;
        ASSERT_EQ(stock.on_order, ordered - received) << "node " << node << ", day " << day;
        ASSERT_GE(stock.on_hand, 0);
      }
      ordered_anywhere += ordered;
    }
    EXPECT_GT(ordered_anywhere, 0);
    // The last day's stock is what the audit found on hand at the end.
    std::int64_t on_hand = 0;
    for (std::uint32_t node = 0; node < nodes.nodes(); ++node)
      on_hand += nodes.stock(nodes.days() - 1, node).on_hand;
    EXPECT_EQ(on_hand, result.audit.on_hand_units);
  }
}

TEST(Simulation, NodeDaysAreKeptOnlyWhenAskedFor) {
  EXPECT_FALSE(run_replication(small_chain(), 0).kpis.node_days().kept());
}

TEST(Simulation, BackorderingNeverCancels) {
  Scenario scenario = small_chain();
  scenario.orders.oversell = Orders::Oversell::backorder;
  for (auto& dc : scenario.dcs)
    dc.initial_days_of_cover = 3;
  EXPECT_EQ(run_replication(scenario, 0).audit.orders_cancelled, 0);
}

TEST(Simulation, SlowerInventorySyncMeansLessAvailabilityIntegrity) {
  Scenario fresh = small_chain();
  for (auto& dc : fresh.dcs)
    dc.initial_days_of_cover = 4;  // scarce DC stock, so stale views oversell
  Scenario stale = fresh;
  fresh.availability.sync_interval_minutes = 5;
  stale.availability.sync_interval_minutes = 24 * 60;
  stale.availability.latency_minutes = 6 * 60;
  // Web orders: the DC's stock also feeds stores, which a stale view does not see.
  const auto integrity = [](const Scenario& s) {
    return channel_ratio(s, Channel::web, Counter::fulfillable, Counter::availability_checks);
  };
  EXPECT_GT(integrity(fresh), 0.99);
  EXPECT_LT(integrity(stale), integrity(fresh) - 0.02);
  EXPECT_GT(mean_metric(stale, "cancellation_rate"), 2 * mean_metric(fresh, "cancellation_rate"));
}

TEST(Simulation, AvailabilityIntegrityIsWholeWhenStockNeverRunsOut) {
  // Orders placed in the last routing latency reach their node after the horizon: they are not
  // counted as failures of availability.
  Scenario ample = small_chain();
  for (auto& dc : ample.dcs)
    dc.initial_days_of_cover = 1000;
  for (auto& store : ample.stores)
    store.initial_days_of_cover = 1000;
  const auto result = run_replication(ample, 0);
  EXPECT_GT(day_total(result.kpis, ample.horizon_days - 1, Counter::availability_checks), 0);
  EXPECT_EQ(metric(result, "availability_integrity"), 1.0);
}

TEST(Simulation, CarrierCapacityShortfallHurtsOnTimeDelivery) {
  Scenario ample = small_chain();
  Scenario tight = ample;
  for (auto& carrier : tight.carriers)
    carrier.capacity_per_day = 5;
  EXPECT_LT(mean_metric(tight, "on_time_rate"), mean_metric(ample, "on_time_rate") - 0.05);
}

TEST(Simulation, DamageExceptionsBreakInFull) {
  Scenario careful = small_chain();
  Scenario rough = careful;
  for (auto& carrier : careful.carriers)
    carrier.exception_rate = 0;
  for (auto& carrier : rough.carriers) {
    carrier.exception_rate = 0.2;
    carrier.damage_share = 1;
  }
  const auto in_full = [](const Scenario& s) {
    return channel_ratio(s, Channel::web, Counter::orders_in_full, Counter::orders_delivered);
  };
  EXPECT_DOUBLE_EQ(in_full(careful), 1.0);
  // Parcels are damaged with probability 0.2; a few thousand parcels put the share within 0.03.
  EXPECT_NEAR(in_full(rough), 0.8, 0.03);
}

TEST(Simulation, AMarkdownRaisesUnitDemandByTheElasticity) {
  Scenario list = small_chain();
  for (auto& dc : list.dcs)
    dc.initial_days_of_cover = 200;
  for (auto& store : list.stores)
    store.initial_days_of_cover = 200;
  list.demand.price_elasticity = 2;
  Scenario markdown = list;
  for (auto& sku : markdown.catalog.skus)
    sku.price_cents = sku.list_price_cents * 8 / 10;
  // (0.8)^-2 = 1.5625 times the visits, within the noise of four replications.
  const double ratio = mean_metric(markdown, "units_sold") / mean_metric(list, "units_sold");
  EXPECT_NEAR(ratio, 1.5625, 0.05);
}

}  // namespace
}  // namespace retail
