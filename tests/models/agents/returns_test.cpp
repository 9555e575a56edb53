// Returns: how often and why delivered units come back, what grading does with them, and what
// it costs; the run's own audit checks that every returned unit is accounted for.
#include <gtest/gtest.h>

#include "models/world/simulation.hpp"
#include "tests/models/test_chain.hpp"

namespace retail {
namespace {

Scenario chain_with_returns() {
  Scenario s = test_chain(30, 3, 56, Levers::synthetic);
  for (auto& sku : s.catalog.skus)
    sku.return_propensity = 0.2;
  s.returns.decision_days = Distribution::uniform(1, 5);
  s.returns.transit_days = Distribution::fixed(2);
  return s;
}

struct Totals {
  std::int64_t delivered = 0;
  std::array<std::int64_t, kReturnReasons> returns{};
  std::int64_t received = 0;
  std::int64_t restocked = 0;
  std::int64_t liquidated = 0;
  std::int64_t destroyed = 0;
  std::int64_t liquidation_loss_cents = 0;
};

Totals run(const Scenario& scenario, int replications = 3) {
  Totals t;
  for (int r = 0; r < replications; ++r) {
    const KpiTable kpis = run_replication(scenario, r).kpis;
    t.delivered += kpis.total(Counter::orders_delivered);
    for (std::size_t reason = 0; reason < kReturnReasons; ++reason)
      t.returns[reason] += kpis.total(returns_counter(static_cast<ReturnReason>(reason)));
    t.received += kpis.total(Counter::units_returned);
    t.restocked += kpis.total(Counter::units_restocked);
    t.liquidated += kpis.total(Counter::units_liquidated);
    t.destroyed += kpis.total(Counter::units_destroyed);
    t.liquidation_loss_cents += kpis.total(Counter::liquidation_loss_cents);
  }
  return t;
}

double size_returns_per_order(const Totals& t) {
  return static_cast<double>(t.returns[0]) / static_cast<double>(t.delivered);
}

TEST(Returns, PoorerSizingContentMeansMoreSizeReturns) {
  Scenario good = chain_with_returns();
  good.returns.sizing_content_quality = 1.0;
  Scenario poor = good;
  poor.returns.sizing_content_quality = 0.5;  // x (1 + 2 x 0.5) = twice the size/fit returns
  const double ratio = size_returns_per_order(run(poor)) / size_returns_per_order(run(good));
  EXPECT_NEAR(ratio, 2.0, 0.3);
}

TEST(Returns, DriftRaisesAReasonOverTime) {
  Scenario steady = chain_with_returns();
  Scenario drifting = steady;
  drifting.returns.reasons[static_cast<std::size_t>(ReturnReason::changed_mind)].drift_per_day =
      0.05;
  const Totals a = run(steady);
  const Totals b = run(drifting);
  EXPECT_GT(b.returns[3], a.returns[3] * 2);
  // The other reasons draw from their own shares, which did not move.
  EXPECT_NEAR(static_cast<double>(b.returns[0]) / a.returns[0], 1.0, 0.25);
}

TEST(Returns, GradingFollowsTheDispositionOdds) {
  Scenario scenario = chain_with_returns();
  for (auto& reason : scenario.returns.reasons)
    reason.disposition = {0.5, 0, 0.5, 0};
  scenario.returns.liquidation_recovery = 0.25;
  const Totals t = run(scenario);
  ASSERT_GT(t.received, 200);
  EXPECT_EQ(t.destroyed, 0);
  // Graded units are restocked or liquidated; a few are still being graded at the end.
  EXPECT_LE(t.restocked + t.liquidated, t.received);
  EXPECT_GE(t.restocked + t.liquidated, t.received * 9 / 10);
  EXPECT_NEAR(static_cast<double>(t.liquidated) / (t.restocked + t.liquidated), 0.5, 0.08);
  EXPECT_GT(t.liquidation_loss_cents, 0);
}

TEST(Returns, DestroyedUnitsWriteOffTheirWholeCost) {
  Scenario scenario = chain_with_returns();
  for (auto& sku : scenario.catalog.skus)
    sku.unit_cost_cents = 1000;
  for (auto& reason : scenario.returns.reasons)
    reason.disposition = {0, 0, 0, 1};
  const Totals t = run(scenario, 1);
  ASSERT_GT(t.destroyed, 0);
  EXPECT_EQ(t.restocked, 0);
  EXPECT_EQ(t.liquidation_loss_cents, 1000 * t.destroyed);
}

TEST(Returns, NoPropensityNoReturns) {
  Scenario scenario = chain_with_returns();
  for (auto& sku : scenario.catalog.skus)
    sku.return_propensity = 0;
  scenario.demand.promo_mismatch.return_uplift = 0;  // customers misled by a promotion do return
  const Totals t = run(scenario, 1);
  EXPECT_EQ(t.received, 0);
  EXPECT_EQ(t.returns, (std::array<std::int64_t, kReturnReasons>{}));
}

}  // namespace
}  // namespace retail
