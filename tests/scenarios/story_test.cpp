// The three scenarios tell their stories: each holds in the status-quo arm over enough
// replications (judged by 95 % confidence intervals), and the control tower moves the metric its
// rules watch the right way (a paired interval on common random numbers).
#include <gtest/gtest.h>

#include <tbb/parallel_for.h>

#include <Eigen/Core>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "models/scenario/loader.hpp"
#include "models/world/simulation.hpp"
#include "sim/statistics.hpp"

namespace retail {
namespace {

constexpr int kReplications = 8;

Scenario load(const std::string& file) {
  return load_scenario(std::string(OMNISIM_SOURCE_DIR) + "/scenarios/" + file, {}).scenario;
}

// A metric over days [from, to) of one run, optionally for one channel and one category.
struct Slice {
  Slice(std::string metric_name, std::uint32_t first_day = 0, std::uint32_t end_day = 0,
        std::optional<Channel> only_channel = {}, std::optional<std::string> only_category = {})
      : metric(std::move(metric_name)),
        from(first_day),
        to(end_day),
        channel(only_channel),
        category(std::move(only_category)) {}
  std::string metric;
  std::uint32_t from;
  std::uint32_t to;  // 0: the horizon
  std::optional<Channel> channel;
  std::optional<std::string> category;
};

double measure(const Scenario& scenario, const KpiTable& kpis, const Slice& slice) {
  CounterTotals totals{};
  const std::uint32_t to = slice.to == 0 ? kpis.days() : slice.to;
  for (std::uint32_t day = slice.from; day < to; ++day) {
    for (std::size_t c = 0; c < kChannels; ++c) {
      if (slice.channel && static_cast<Channel>(c) != *slice.channel) continue;
      for (CategoryId k = 0; k < kpis.categories(); ++k) {
        if (slice.category && scenario.catalog.categories[k] != *slice.category) continue;
        for (std::size_t counter = 0; counter < kCounters; ++counter)
          totals[counter] +=
              kpis.at(day, static_cast<Channel>(c), k, static_cast<Counter>(counter));
      }
    }
  }
  for (const Metric& metric : flow_metrics(totals)) {
    if (metric_key(metric.id) == slice.metric) return metric.value;
  }
  ADD_FAILURE() << "no metric " << slice.metric;
  return 0;
}

// Both arms of every replication, run once per scenario and shared by its tests.
struct Arms {
  Scenario scenario;
  std::vector<KpiTable> status_quo;
  std::vector<KpiTable> control_tower;
  std::size_t control_tower_firings = 0;
};

// Replications side by side (as omnisim run does), each arm on the sequential engine.
Arms run_arms(const std::string& file) {
  Arms arms{load(file), std::vector<KpiTable>(kReplications, KpiTable(0, 0)),
            std::vector<KpiTable>(kReplications, KpiTable(0, 0)), 0};
  std::vector<std::size_t> firings(kReplications, 0);
  tbb::parallel_for(0, kReplications, [&](int r) {
    arms.status_quo[r] = run_replication(arms.scenario, r, 1, Arm::status_quo).kpis;
    ReplicationResult tower = run_replication(arms.scenario, r, 1, Arm::control_tower);
    firings[r] = tower.decisions.size();
    arms.control_tower[r] = std::move(tower.kpis);
  });
  for (const std::size_t n : firings)
    arms.control_tower_firings += n;
  return arms;
}

// The 95 % interval, over replications, of f(replication).
sim::Summary interval(const std::function<double(int)>& f) {
  Eigen::VectorXd samples(kReplications);
  for (int r = 0; r < kReplications; ++r)
    samples[r] = f(r);
  return sim::summarize(samples);
}

// Status quo, later slice minus earlier slice.
sim::Summary change(const Arms& arms, const Slice& before, const Slice& after) {
  return interval([&](int r) {
    return measure(arms.scenario, arms.status_quo[r], after) -
           measure(arms.scenario, arms.status_quo[r], before);
  });
}

// Control tower minus status quo, paired by replication.
sim::Summary effect(const Arms& arms, const Slice& slice) {
  return interval([&](int r) {
    return measure(arms.scenario, arms.control_tower[r], slice) -
           measure(arms.scenario, arms.status_quo[r], slice);
  });
}

// The status-quo arm of a variant of the scenario, on the same random numbers as `arms`.
std::vector<KpiTable> status_quo_of(const Scenario& variant) {
  std::vector<KpiTable> runs(kReplications, KpiTable(0, 0));
  tbb::parallel_for(0, kReplications,
                    [&](int r) { runs[r] = run_replication(variant, r, 1, Arm::status_quo).kpis; });
  return runs;
}

// The variant minus the status quo, paired by replication.
sim::Summary variant_effect(const Arms& arms, const std::vector<KpiTable>& variant,
                            const Slice& slice) {
  return interval([&](int r) {
    return measure(arms.scenario, variant[r], slice) -
           measure(arms.scenario, arms.status_quo[r], slice);
  });
}

sim::Summary status_quo(const Arms& arms, const Slice& slice) {
  return interval([&](int r) { return measure(arms.scenario, arms.status_quo[r], slice); });
}

TEST(HalfLivePromo, IntegrityFallsContactsSpikeAndTheControlTowerFixesFaster) {
  const Arms arms = run_arms("half_live_promo.json");

  EXPECT_LT(status_quo(arms, {"promo_integrity"}).ci_high, 0.92);
  // The promotion runs from day 18 to day 28: contacts per order against the fortnight before.
  const sim::Summary contacts =
      change(arms, {"contacts_per_100_orders", 4, 18}, {"contacts_per_100_orders", 18, 28});
  EXPECT_GT(contacts.ci_low, 0.5) << contacts.mean;
  EXPECT_GT(status_quo(arms, {"promo_dilution"}).ci_low, 0);

  EXPECT_GT(effect(arms, {"promo_integrity"}).ci_low, 0);
  EXPECT_LT(effect(arms, {"promo_mismatches"}).ci_high, 0);
  EXPECT_LT(effect(arms, {"promo_dilution"}).ci_high, 0);
  EXPECT_GT(arms.control_tower_firings, 0U);
}

TEST(AdsIntoStockouts, SpendScalesHeroesStockOutAndTheControlTowerPivots) {
  const Arms arms = run_arms("ads_into_stockouts.json");

  const sim::Summary spend = change(arms, {"ad_spend", 0, 7}, {"ad_spend", 21, 28});
  EXPECT_GT(spend.ci_low, 0);
  // Web footwear (the running shoe's category) is in stock less once spend has scaled.
  const Slice early{"in_stock_rate", 0, 14, Channel::web, "footwear"};
  const Slice later{"in_stock_rate", 14, 0, Channel::web, "footwear"};
  EXPECT_LT(change(arms, early, later).ci_high, 0);
  EXPECT_GT(status_quo(arms, {"attributed_roas"}).ci_low, 3);

  EXPECT_GT(effect(arms, {"in_stock_rate", 0, 0, Channel::web, "footwear"}).ci_low, 0);
  EXPECT_LT(effect(arms, {"cancellation_rate", 0, 0, Channel::marketplace, "footwear"}).ci_high, 0);
  EXPECT_LT(effect(arms, {"lost_sales_units"}).ci_high, 0);

  // A planning failure: with the programs announced, the DCs' forecasts carry the lift marketing
  // means to buy, and the heroes' categories stay in stock on the web far more.
  Scenario announced = arms.scenario;
  for (AdProgram& program : announced.advertising.programs) {
    EXPECT_FALSE(program.announced_to_planners);
    program.announced_to_planners = true;
  }
  const std::vector<KpiTable> planned = status_quo_of(announced);
  for (const char* hero_category : {"footwear", "activewear"}) {
    const sim::Summary in_stock =
        variant_effect(arms, planned, {"in_stock_rate", 14, 0, Channel::web, hero_category});
    EXPECT_GT(in_stock.ci_low, 0.02) << hero_category << " " << in_stock.mean;
  }
  // (Marketplace cancellations fall on average, but with 1.14-line online orders not significantly
  // over these replications, so they are not part of the claim.)
  EXPECT_LT(variant_effect(arms, planned, {"lost_sales_units"}).ci_high, 0);
}

TEST(ReturnsSpiral, ReturnsRiseEightyBasisPointsAndTheControlTowerBreaksIt) {
  const Arms arms = run_arms("returns_spiral.json");

  // Weeks 3-6 (returns of the first deliveries have arrived) against weeks 23-26.
  const sim::Summary rise =
      change(arms, {"returns_per_order", 14, 42}, {"returns_per_order", 154, 182});
  EXPECT_GT(rise.mean, 0.005);
  EXPECT_LT(rise.mean, 0.011);
  EXPECT_GT(rise.ci_low, 0);
  EXPECT_GT(change(arms, {"liquidation_loss", 14, 42}, {"liquidation_loss", 154, 182}).ci_low, 0);

  EXPECT_LT(effect(arms, {"size_fit_returns_per_order"}).ci_high, 0);
  EXPECT_LT(effect(arms, {"liquidation_rate"}).ci_high, 0);
  EXPECT_GT(effect(arms, {"contribution_margin"}).ci_low, 0);
}

}  // namespace
}  // namespace retail
