// Whole-world behaviour of a replication: conservation laws, determinism across engines and
// thread counts, and the KPIs moving the way the mechanisms say they should.
#include "models/simulation.hpp"

#include <gtest/gtest.h>

#include "models/synthetic.hpp"

namespace retail {
namespace {

SyntheticSize small_chain() {
  SyntheticSize size;
  size.zones = 3;
  size.stores = 6;
  size.dcs = 1;
  size.carriers = 2;
  size.skus = 40;
  size.categories = 4;
  size.horizon_days = 28;
  return size;
}

double metric(const std::vector<Metric>& metrics, const std::string& name) {
  for (const auto& m : metrics)
    if (m.name == name) return m.value;
  ADD_FAILURE() << "no metric " << name;
  return 0;
}

TEST(Simulation, RunsAndSellsThroughEveryChannel) {
  const Scenario scenario = synthetic_scenario(small_chain());
  const auto result = run_replication(scenario, 0);
  for (std::size_t c = 0; c < kChannels; ++c) {
    std::int64_t sold = 0;
    for (std::uint32_t day = 0; day < result.kpis.days(); ++day)
      for (CategoryId category = 0; category < result.kpis.categories(); ++category)
        sold += result.kpis.at(day, static_cast<Channel>(c), category, Counter::units_sold);
    EXPECT_GT(sold, 0) << kChannelNames[c];
  }
  EXPECT_GT(result.audit.orders_delivered, 0);
  EXPECT_GT(result.stats.committed_events, 1000u);
  const auto metrics = spine_metrics(result.kpis);
  EXPECT_GT(metric(metrics, "otif"), 0.5);
  EXPECT_GT(metric(metrics, "availability_integrity"), 0.5);
  EXPECT_GT(metric(metrics, "revenue"), 0.0);
}

}  // namespace
}  // namespace retail
