// Promotions: integrity falls by exactly the time a channel lags and in proportion to its errors;
// mismatches bring contacts, walk-aways and returns; misapplied rules dilute margin; the discount
// lifts demand by its price effect; the preflight gate trades launch time for integrity.
#include <gtest/gtest.h>

#include <cmath>

#include "models/world/simulation.hpp"
#include "tests/models/metric_lookup.hpp"
#include "tests/models/test_chain.hpp"

namespace retail {
namespace {

constexpr double kStartDay = 7;
constexpr double kEndDay = 14;  // a week: 168 hours

Scenario chain() {
  return test_chain(40, 2, 28);
}

// A 20 % promotion on every SKU of category 0, executed perfectly unless a test says otherwise.
Promotion promotion(const Scenario& s) {
  Promotion promo;
  promo.name = "test";
  for (SkuId sku = 0; sku < s.catalog.skus.size(); ++sku) {
    if (s.catalog.skus[sku].category == 0) promo.skus.push_back(sku);
  }
  promo.discount = 0.2;
  promo.start_day = kStartDay;
  promo.end_day = kEndDay;
  return promo;
}

Scenario with(Promotion promo) {
  Scenario s = chain();
  s.promotions.push_back(std::move(promo));
  return s;
}

PromoExecution& on(Promotion& promo, Channel channel) {
  return promo.execution[static_cast<std::size_t>(channel)];
}

std::int64_t sum(const KpiTable& kpis, Channel channel, Counter counter) {
  std::int64_t total = 0;
  for (std::uint32_t day = 0; day < kpis.days(); ++day) {
    for (CategoryId category = 0; category < kpis.categories(); ++category)
      total += kpis.at(day, channel, category, counter);
  }
  return total;
}

double integrity(const KpiTable& kpis, Channel channel) {
  return static_cast<double>(sum(kpis, channel, Counter::promo_correct_seconds)) /
         static_cast<double>(sum(kpis, channel, Counter::promo_slot_seconds));
}

double metric(const KpiTable& kpis, const std::string& name) {
  return metric_value(spine_metrics(kpis), name);
}

TEST(Promotion, ALateChannelLosesExactlyItsLagFromIntegrity) {
  const Scenario base = chain();
  Promotion promo = promotion(base);
  on(promo, Channel::marketplace).lag_hours = Distribution::fixed(48);
  const KpiTable kpis = run_replication(with(promo), 0).kpis;
  EXPECT_DOUBLE_EQ(integrity(kpis, Channel::marketplace), 120.0 / 168.0);
  for (const Channel channel : {Channel::store, Channel::web, Channel::bopis})
    EXPECT_DOUBLE_EQ(integrity(kpis, channel), 1.0);
  // Every slot was advertised for the whole week.
  EXPECT_EQ(sum(kpis, Channel::web, Counter::promo_slot_seconds),
            static_cast<std::int64_t>(promo.skus.size()) * 168 * 3600);
}

TEST(Promotion, ErrorsLowerIntegrityInProportion) {
  const Scenario base = chain();
  Promotion promo = promotion(base);
  on(promo, Channel::web).error_probability = 0.25;
  double web = 0;
  constexpr int kReplications = 6;
  for (int r = 0; r < kReplications; ++r)
    web += integrity(run_replication(with(promo), r).kpis, Channel::web) / kReplications;
  EXPECT_NEAR(web, 0.75, 0.08);
}

TEST(Promotion, PerfectExecutionMeetsNoMismatchAndDilutesNothing) {
  const KpiTable kpis = run_replication(with(promotion(chain())), 0).kpis;
  EXPECT_EQ(kpis.total(Counter::promo_mismatches), 0);
  EXPECT_EQ(kpis.total(Counter::promo_abandons), 0);
  EXPECT_EQ(kpis.total(Counter::contacts_promo_mismatch), 0);
  EXPECT_EQ(kpis.total(Counter::promo_dilution_cents), 0);
  EXPECT_DOUBLE_EQ(metric(kpis, "promo_integrity"), 1.0);
}

TEST(Promotion, MismatchesBringContactsAndWalkAways) {
  Promotion promo = promotion(chain());
  for (auto& execution : promo.execution)
    execution.error_probability = 1;  // every slot shows the full price
  Scenario s = with(promo);
  s.service.reasons[static_cast<std::size_t>(ContactReason::promo_mismatch)].probability = 0.4;
  s.demand.promo_mismatch.abandon = 0.3;
  const KpiTable kpis = run_replication(s, 0).kpis;
  const auto mismatches = static_cast<double>(kpis.total(Counter::promo_mismatches));
  ASSERT_GT(mismatches, 1000);
  EXPECT_NEAR(kpis.total(Counter::contacts_promo_mismatch) / mismatches, 0.4, 0.03);
  EXPECT_NEAR(kpis.total(Counter::promo_abandons) / mismatches, 0.3, 0.03);
  EXPECT_DOUBLE_EQ(metric(kpis, "promo_integrity"), 0.0);
  // Walk-aways are lost sales, not availability failures.
  EXPECT_GE(kpis.total(Counter::lost_sales_units), kpis.total(Counter::promo_abandons));
  EXPECT_GT(metric(kpis, "availability_integrity"), 0.9);
}

TEST(Promotion, MismatchedBuyersReturnMoreAsNotDescribed) {
  Promotion promo = promotion(chain());
  on(promo, Channel::web).error_probability = 1;
  Scenario misled = with(promo);
  misled.demand.promo_mismatch = {0, 0.3};
  const Scenario honest = with(promotion(chain()));
  const auto not_as_described = [](const Scenario& s) {
    std::int64_t total = 0;
    for (int r = 0; r < 3; ++r)
      total += run_replication(s, r).kpis.total(Counter::returns_not_as_described);
    return total;
  };
  EXPECT_GT(not_as_described(misled), not_as_described(honest) + 100);
}

TEST(Promotion, MisappliedRulesDiluteMarginWithoutAMismatch) {
  Promotion promo = promotion(chain());
  for (auto& execution : promo.execution)
    execution.error_probability = 1;
  promo.misapplied_share = 1;
  promo.misapplied_discount = 0.5;
  const KpiTable kpis = run_replication(with(promo), 0).kpis;
  EXPECT_EQ(kpis.total(Counter::promo_mismatches), 0);
  const auto dilution = kpis.total(Counter::promo_dilution_cents);
  EXPECT_GT(dilution, 0);
  EXPECT_DOUBLE_EQ(metric(kpis, "promo_dilution"), static_cast<double>(dilution) / 100);
  // 30 % of the price beyond the promotion's 20 %, on units priced 19.99 to 99.99.
  const auto units = static_cast<double>(kpis.total(Counter::units_sold));
  EXPECT_LT(static_cast<double>(dilution), units * 0.3 * 9999);
}

TEST(Promotion, TheDiscountLiftsDemandByItsPriceEffect) {
  const Scenario plain = chain();
  const Scenario promoted = with(promotion(plain));
  const auto promo_week_visits = [](const Scenario& s) {
    double visits = 0;
    for (int r = 0; r < 3; ++r) {
      const KpiTable kpis = run_replication(s, r).kpis;
      for (std::uint32_t day = kStartDay + 1; day < kEndDay; ++day) {
        for (std::size_t c = 0; c < kChannels; ++c)
          visits += static_cast<double>(kpis.at(day, static_cast<Channel>(c), 0, Counter::visits));
      }
    }
    return visits;
  };
  // (1 - 0.2)^-1.5: about 40 % more customers for the promoted SKUs.
  EXPECT_NEAR(promo_week_visits(promoted) / promo_week_visits(plain), std::pow(0.8, -1.5), 0.12);
}

TEST(Promotion, PreflightGateHoldsTheLaunchForLateChannelsAndFixesWhatItCatches) {
  const Scenario base = chain();
  Promotion promo = promotion(base);
  on(promo, Channel::marketplace).lag_hours = Distribution::fixed(48);
  on(promo, Channel::web).error_probability = 0.5;
  promo.preflight = {true, 1.0, 72};
  const KpiTable held = run_replication(with(promo), 0).kpis;
  EXPECT_DOUBLE_EQ(metric(held, "promo_integrity"), 1.0);
  // The launch waited 48 hours for the marketplace, so the promotion ran 120 hours.
  EXPECT_EQ(sum(held, Channel::web, Counter::promo_slot_seconds),
            static_cast<std::int64_t>(promo.skus.size()) * 120 * 3600);

  promo.preflight.max_delay_hours = 24;  // launches after 24 hours; the marketplace 24 later
  const KpiTable capped = run_replication(with(promo), 0).kpis;
  EXPECT_DOUBLE_EQ(integrity(capped, Channel::marketplace), 120.0 / 144.0);
}

TEST(Promotion, AGateHeldPastTheEndNeverRuns) {
  const Scenario base = chain();
  Promotion promo = promotion(base);
  on(promo, Channel::store).lag_hours = Distribution::fixed(24 * 30);
  promo.preflight = {true, 1.0, 24 * 30};
  const KpiTable kpis = run_replication(with(promo), 0).kpis;
  EXPECT_EQ(kpis.total(Counter::promo_slot_seconds), 0);
  EXPECT_TRUE(std::isnan(metric(kpis, "promo_integrity")));
}

}  // namespace
}  // namespace retail
