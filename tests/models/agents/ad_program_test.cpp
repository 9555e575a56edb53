// Ad programs: the Hill response saturates; ads lift demand for their SKUs on their channel only;
// spend follows the budget and the blind scaling policy up to its cap; the control tower's cut,
// pause, resume and pivot take effect; ads into a stocked-out SKU cost sales, never stock.
#include "models/agents/ad_program.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "models/mechanics/ad_lift.hpp"
#include "models/world/network.hpp"
#include "models/world/simulation.hpp"
#include "sim/sequential_engine.hpp"
#include "tests/models/metric_lookup.hpp"
#include "tests/models/probe.hpp"
#include "tests/models/test_chain.hpp"

namespace retail {
namespace {

constexpr std::uint32_t kDays = 28;

Scenario chain() {
  return test_chain(40, 2, kDays);
}

// Web ads on every SKU of category 0, at a steady budget that reaches half saturation.
AdProgram program(const Scenario& s) {
  AdProgram ads;
  ads.name = "test";
  ads.channel = Channel::web;
  for (SkuId sku = 0; sku < s.catalog.skus.size(); ++sku) {
    if (s.catalog.skus[sku].category == 0) ads.skus.push_back(sku);
  }
  ads.daily_budget_cents = 50'000;
  ads.max_daily_budget_cents = 100'000;
  ads.adstock_decay = 0.5;  // steady adstock: twice the daily spend
  ads.max_lift = 1;
  ads.half_saturation_cents = 100'000;
  return ads;
}

Scenario with(AdProgram ads) {
  Scenario s = chain();
  s.advertising.programs.push_back(std::move(ads));
  return s;
}

std::int64_t visits(const KpiTable& kpis, Channel channel, CategoryId category,
                    std::uint32_t from_day) {
  std::int64_t total = 0;
  for (std::uint32_t day = from_day; day < kpis.days(); ++day)
    total += kpis.at(day, channel, category, Counter::visits);
  return total;
}

std::int64_t spend_on(const KpiTable& kpis, std::uint32_t day) {
  return day_total(kpis, day, Counter::ad_spend_cents);
}

TEST(AdProgram, AdsLiftDemandForTheirSkusOnTheirChannelOnly) {
  const Scenario plain = chain();
  const Scenario advertised = with(program(plain));
  double web_ratio = 0;
  double store_ratio = 0;
  constexpr int kReplications = 3;
  for (int r = 0; r < kReplications; ++r) {
    const KpiTable a = run_replication(advertised, r).kpis;
    const KpiTable p = run_replication(plain, r).kpis;
    // From day 7 on, adstock is within 1 % of its steady state.
    web_ratio += static_cast<double>(visits(a, Channel::web, 0, 7)) /
                 static_cast<double>(visits(p, Channel::web, 0, 7)) / kReplications;
    store_ratio += static_cast<double>(visits(a, Channel::store, 0, 7)) /
                   static_cast<double>(visits(p, Channel::store, 0, 7)) / kReplications;
  }
  EXPECT_NEAR(web_ratio, ad_lift(program(plain), 100'000), 0.06);
  EXPECT_NEAR(store_ratio, 1.0, 0.03);
}

TEST(AdProgram, SpendFollowsTheBudgetWithoutScaling) {
  const KpiTable kpis = run_replication(with(program(chain())), 0).kpis;
  for (std::uint32_t day = 0; day < kDays; ++day)
    EXPECT_EQ(spend_on(kpis, day), 50'000) << "day " << day;
  EXPECT_DOUBLE_EQ(metric_value(spine_metrics(kpis), "ad_spend"), kDays * 500.0);
  // Marketing sees the value of the orders the ads brought.
  EXPECT_GT(kpis.total(Counter::ad_orders), 0);
  EXPECT_GT(metric_value(spine_metrics(kpis), "attributed_roas"), 0);
}

TEST(AdProgram, ScalingRaisesSpendWhileRoasBeatsTheTargetUpToTheCap) {
  Scenario s = with(program(chain()));
  s.advertising.scaling = {true, 0.01, 0.1, 7};  // any attributed revenue beats the target
  const KpiTable kpis = run_replication(s, 0).kpis;
  // Days 0 and 1 have no complete report yet; then +10 % a day until the cap of 1,000.00.
  double budget = 50'000;
  for (std::uint32_t day = 0; day < kDays; ++day) {
    if (day >= 2) budget = std::min(budget * 1.1, 100'000.0);
    EXPECT_EQ(spend_on(kpis, day), std::llround(budget)) << "day " << day;
  }
  EXPECT_EQ(spend_on(kpis, kDays - 1), 100'000);

  s.advertising.scaling.roas_target = 1e9;  // never met
  const KpiTable flat = run_replication(s, 0).kpis;
  EXPECT_EQ(spend_on(flat, kDays - 1), 50'000);
}

TEST(AdProgram, AdsIntoAStockedOutSkuCostSalesButNeverStock) {
  const Scenario plain = chain();
  AdProgram ads = program(plain);
  ads.skus = {0};  // the most popular SKU
  ads.max_lift = 4;
  ads.daily_budget_cents = ads.max_daily_budget_cents = 1'000'000;  // near saturation
  const Scenario pushed = with(ads);
  std::int64_t failed_plain = 0;
  std::int64_t failed_pushed = 0;
  for (int r = 0; r < 3; ++r) {
    const KpiTable p = run_replication(plain, r).kpis;
    const KpiTable a = run_replication(pushed, r).kpis;
    failed_plain += p.total(Counter::lost_sales_units) + p.total(Counter::orders_cancelled);
    failed_pushed += a.total(Counter::lost_sales_units) + a.total(Counter::orders_cancelled);
    for (std::uint32_t day = 0; day < kDays; ++day) {
      for (CategoryId category = 0; category < a.categories(); ++category)
        EXPECT_GE(a.stock_units(day, category), 0);
    }
  }
  EXPECT_GT(failed_pushed, failed_plain * 3 / 2);
}

// The lifts one program sent to a demand generator, one per day.
std::vector<DemandLift> lifts(const Probe& demand) {
  std::vector<DemandLift> out;
  for (const auto& [at, message] : demand.received) {
    if (const auto* lift = std::get_if<DemandLift>(&message)) out.push_back(*lift);
  }
  return out;
}

TEST(AdProgram, TakesCutPauseResumeAndPivotActions) {
  constexpr std::uint32_t kHorizon = 10;
  Scenario s = test_chain(10, 2, kHorizon, Levers::none, 1, 1);
  s.advertising.programs.push_back(program(s));
  // The control tower's menu, sent below by a stand-in at the tower's place.
  Rule menu;
  menu.name = "menu";
  for (const auto kind : {Action::Kind::cut_ads, Action::Kind::pause_ads, Action::Kind::resume_ads,
                          Action::Kind::pivot_ads}) {
    Action action;
    action.kind = kind;
    action.factor = 0.5;
    action.skus = {1, 3};
    menu.actions.push_back(action);
  }
  s.control_tower.rules.push_back(menu);
  const Network network(s);
  const sim::AgentId ad = network.ids.ad_program[0];
  const auto day = [](double d) { return sim::days(d) + sim::hours(1); };
  std::vector<Probe::Scripted> script = {
      {day(1), ad, Intervention{0, 0}},
      {day(3), ad, Intervention{0, 1}},
      {day(5), ad, Intervention{0, 2}},
      {day(7), ad, Intervention{0, 3}},
  };
  sim::World<Msg> world(s.seed, 0);
  std::vector<Probe*> probes;
  for (sim::AgentId id = 0; id < network.ids.agents; ++id) {
    const std::string name = sim::numbered_name("probe-", id);
    if (id == ad) {
      world.add<AdProgramAgent>({name, AdProgramAgent::min_send_delay(network), 1}, network, 0);
    } else {
      probes.push_back(
          &world.add<Probe>({name, sim::kTicksPerHour, 1},
                            id == 0 ? std::move(script) : std::vector<Probe::Scripted>{}));
    }
  }
  sim::SequentialEngine<Msg> engine(world);
  engine.run_until(sim::days(kHorizon));

  const std::vector<DemandLift> sent = lifts(*probes[network.ids.demand[0]]);
  ASSERT_EQ(sent.size(), kHorizon);
  // Spend is decided at midnight, so an action taken during day d shows from day d + 1. Adstock:
  // A(d) = spend(d) + 0.5 A(d - 1), with 500.00 a day, 250.00 after the cut, 0 while paused.
  const std::vector<double> spend = {50'000, 50'000, 25'000, 25'000, 0,
                                     0,      25'000, 25'000, 25'000, 25'000};
  const std::size_t planned = s.advertising.programs[0].skus.size();
  double adstock = 0;
  for (std::size_t d = 0; d < sent.size(); ++d) {
    adstock = spend[d] + 0.5 * adstock;
    // After the pivot the same adstock is spread over 2 SKUs instead of the planned ones.
    const double spread = d >= 8 ? static_cast<double>(planned) / 2 : 1;
    EXPECT_DOUBLE_EQ(sent[d].lift, ad_lift(s.advertising.programs[0], adstock * spread))
        << "day " << d;
    EXPECT_EQ(sent[d].channels, 1U << static_cast<unsigned>(Channel::web));
  }
  EXPECT_EQ(sent[7].skus, s.advertising.programs[0].skus);
  EXPECT_EQ(sent[8].skus, (std::vector<SkuId>{1, 3}));
}

}  // namespace
}  // namespace retail
