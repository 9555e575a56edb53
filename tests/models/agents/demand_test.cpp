// Customer arrivals: the rate, the run's first hour drawn like every other, and degenerate
// rates (no demand anywhere, or none in one SKU, zone, channel or hour) drawing no customers
// there instead of a NaN rate (on which Boost's Poisson draw never returns). Horizons are a few
// days, so that a regression fails by the test's timeout, not by hours of spinning.
#include "models/agents/demand.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "models/world/simulation.hpp"
#include "sim/sequential_engine.hpp"
#include "tests/models/metric_lookup.hpp"
#include "tests/models/probe.hpp"
#include "tests/models/test_chain.hpp"

namespace retail {
namespace {

Scenario without_demand(Scenario s) {
  for (Sku& sku : s.catalog.skus)
    sku.base_demand_per_day = 0;
  return s;
}

std::int64_t total(const KpiTable& kpis, Counter counter) {
  std::int64_t sum = 0;
  for (std::uint32_t day = 0; day < kpis.days(); ++day)
    sum += day_total(kpis, day, counter);
  return sum;
}

std::int64_t channel_total(const KpiTable& kpis, Channel channel, Counter counter) {
  std::int64_t sum = 0;
  for (std::uint32_t day = 0; day < kpis.days(); ++day)
    for (CategoryId category = 0; category < kpis.categories(); ++category)
      sum += kpis.at(day, channel, category, counter);
  return sum;
}

TEST(DemandRate, IsZeroNotNanWithoutAnyDemand) {
  const Scenario s = without_demand(test_chain(4, 2, 3));
  const Network network(s);
  const DemandAgent demand(network, 0);
  for (std::size_t c = 0; c < kChannels; ++c)
    EXPECT_EQ(demand.rate_per_hour(static_cast<Channel>(c), 12), 0.0) << kChannelNames[c];
}

TEST(DemandRate, IsTheBaseRateWithoutLifts) {
  const Scenario s = test_chain(4, 2, 3);
  const Network network(s);
  const DemandAgent demand(network, 1);
  const auto web = static_cast<std::size_t>(Channel::web);
  const std::uint64_t hour = 24 * 2 + 15;  // Wednesday, 15:00
  EXPECT_DOUBLE_EQ(demand.rate_per_hour(Channel::web, hour),
                   network.chain_daily_demand * s.zones[1].demand_share *
                       s.channels[web].demand_share / 24 * s.channels[web].day_of_week[2] *
                       s.channels[web].hour_of_day[15]);
}

TEST(DegenerateDemand, AWorldWithoutDemandRunsToItsHorizonWithNoCustomers) {
  // The scenario loader refuses this (nothing to simulate); built in code, it must still finish.
  const ReplicationResult result = run_replication(without_demand(test_chain(4, 2, 3)), 0);
  EXPECT_EQ(result.kpis.days(), 3u);
  EXPECT_EQ(total(result.kpis, Counter::visits), 0);
  EXPECT_EQ(total(result.kpis, Counter::orders_placed), 0);
}

TEST(DegenerateDemand, NoDemandInOneSkuZoneChannelOrHourDrawsNoneThere) {
  // With promotions (on category 0) and ads (on SKU 0): the lifts fall on a SKU without demand.
  Scenario s = test_chain(6, 2, 14, Levers::synthetic);
  ASSERT_FALSE(s.promotions.empty());
  ASSERT_FALSE(s.advertising.programs.empty());
  s.catalog.skus[0].base_demand_per_day = 0;
  s.zones[0].demand_share = 0;
  s.zones[1].demand_share = 1;
  auto& channels = s.channels;
  const double marketplace = channels[static_cast<std::size_t>(Channel::marketplace)].demand_share;
  channels[static_cast<std::size_t>(Channel::marketplace)].demand_share = 0;
  channels[static_cast<std::size_t>(Channel::web)].demand_share += marketplace;
  auto& web_hours = channels[static_cast<std::size_t>(Channel::web)].hour_of_day;
  web_hours.fill(0);
  web_hours[12] = 24;  // all web demand at noon

  const Network network(s);
  const DemandAgent zone0(network, 0);
  const DemandAgent zone1(network, 1);
  EXPECT_EQ(zone0.rate_per_hour(Channel::web, 12), 0.0);
  EXPECT_EQ(zone1.rate_per_hour(Channel::marketplace, 12), 0.0);
  EXPECT_EQ(zone1.rate_per_hour(Channel::web, 11), 0.0);
  EXPECT_GT(zone1.rate_per_hour(Channel::web, 12), 0.0);

  const ReplicationResult result = run_replication(s, 0);
  EXPECT_EQ(channel_total(result.kpis, Channel::marketplace, Counter::visits), 0);
  EXPECT_GT(channel_total(result.kpis, Channel::web, Counter::visits), 0);
  EXPECT_GT(channel_total(result.kpis, Channel::store, Counter::visits), 0);
}

TEST(Demand, TheFirstHourOfTheRunHasItsCustomers) {
  // All demand in hour 0 of each day, over a one-day horizon: day 0's customers are all drawn
  // for the run's very first hour (which, drawn an hour ahead like the rest, had none).
  Scenario s = test_chain(4, 2, 1);
  for (ChannelConfig& channel : s.channels) {
    channel.hour_of_day.fill(0);
    channel.hour_of_day[0] = 24;
    channel.day_of_week.fill(1);
  }
  const Network network(s);
  const double expected = network.chain_daily_demand;
  ASSERT_GT(expected, 50);  // so that 5 standard deviations stay clear of none
  const ReplicationResult result = run_replication(s, 0);
  const auto visits = static_cast<double>(total(result.kpis, Counter::visits));
  // Poisson: within 5 standard deviations of its mean.
  EXPECT_NEAR(visits, expected, 5 * std::sqrt(expected));
}

// The baskets one zone's demand generator sends over `days`, as lists of SKUs per channel, the
// other agents stood in for by probes.
std::vector<std::vector<SkuId>> baskets(const Scenario& s, Channel channel, std::uint32_t days) {
  const Network network(s);
  sim::World<Msg> world(s.seed, 0);
  std::vector<Probe*> probes(network.ids.agents, nullptr);
  for (sim::AgentId id = 0; id < network.ids.agents; ++id) {
    const std::string name = sim::numbered_name("probe-", id);
    if (id == network.ids.demand[0]) {
      world.add<DemandAgent>({name, DemandAgent::min_send_delay(network), DemandAgent::kStreams},
                             network, 0);
    } else {
      probes[id] = &world.add<Probe>({name, sim::kTicksPerHour, 1});
    }
  }
  sim::SequentialEngine<Msg> engine(world);
  engine.run_until(sim::days(days));
  std::vector<std::vector<SkuId>> out;
  for (const Probe* probe : probes) {
    if (!probe) continue;
    for (const auto& [at, message] : probe->received) {
      const auto* customer = std::get_if<CustomerArrival>(&message);
      if (!customer || customer->channel != channel) continue;
      if (customer->basket_line == 0) out.emplace_back();
      EXPECT_EQ(customer->basket_line, out.back().size());
      out.back().push_back(customer->sku);
      EXPECT_LE(out.back().size(), customer->basket_lines);
    }
  }
  return out;
}

TEST(Baskets, ArriveLineByLineWithTheDistributionsMeanSize) {
  Scenario s = test_chain(20, 2, 56);
  s.channels[static_cast<std::size_t>(Channel::web)].basket_size = Distribution::uniform(1, 4);
  const auto web = baskets(s, Channel::web, 56);
  ASSERT_GT(web.size(), 1000u);
  double lines = 0;
  for (const auto& basket : web)
    lines += static_cast<double>(basket.size());
  // The standard error of the mean is about 0.035 here.
  EXPECT_NEAR(lines / static_cast<double>(web.size()), 2.5, 0.1);
  // Channels without a basket size keep one line per customer.
  for (const auto& basket : baskets(s, Channel::marketplace, 14))
    EXPECT_EQ(basket.size(), 1u);
}

TEST(Baskets, AffinityOneKeepsEveryLineInTheFirstLinesCategory) {
  const auto mixed_baskets = [](double affinity) {
    Scenario s = test_chain(20, 2, 14);
    auto& web = s.channels[static_cast<std::size_t>(Channel::web)];
    web.basket_size = Distribution::fixed(4);
    web.category_affinity = affinity;
    int mixed = 0;
    for (const auto& basket : baskets(s, Channel::web, 14)) {
      for (const SkuId sku : basket)
        if (s.catalog.skus[sku].category != s.catalog.skus[basket.front()].category) {
          ++mixed;
          break;
        }
    }
    return mixed;
  };
  EXPECT_EQ(mixed_baskets(1), 0);
  EXPECT_GT(mixed_baskets(0), 100);
}

}  // namespace
}  // namespace retail
