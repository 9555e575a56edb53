// A zone's customers: satisfaction that moves and decays, visits and churn by thinning,
// acquisition and win-back.
#include "models/mechanics/customer_base.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace retail {
namespace {

constexpr std::array<double, kChannels> kWebOnly = {0, 1, 0, 0};

sim::RandomStream stream(std::uint64_t seed = 3) {
  return sim::RandomStream(sim::StreamId{seed, 0, 0, 0});
}

Customers quiet() {
  Customers config;
  config.enabled = true;
  config.churn_per_year = 0;
  config.win_back_probability = 0;
  return config;
}

CustomerBase web_base(const Customers& config, std::uint32_t customers, double acquisition = 0) {
  auto rng = stream();
  return CustomerBase(config, {0, static_cast<double>(customers), 0, 0}, acquisition, kWebOnly,
                      {1.0}, rng);
}

TEST(CustomerBase, StartsWithItsCustomersNeutralAndVisitsAtTheCalibratedRate) {
  const Customers config = quiet();
  CustomerBase base = web_base(config, 500);
  EXPECT_EQ(base.size(), 500U);
  EXPECT_EQ(base.active_count(Channel::web), 500U);
  EXPECT_EQ(base.active_count(Channel::store), 0U);
  // Visits are proposed at the satisfaction bound, for the rates drawn against 500 average ones;
  // a neutral customer keeps 1 / bound of them.
  double rates = 0;
  for (CustomerId customer = 0; customer < 500; ++customer)
    rates += base.relative_rate(customer);
  EXPECT_NEAR(base.proposal_factor(Channel::web), std::exp(config.visit_sensitivity) * rates / 500,
              1e-9);
  EXPECT_NEAR(rates / 500, 1, 0.2);
  EXPECT_DOUBLE_EQ(base.proposal_factor(Channel::store), 0);
  auto rng = stream(9);
  int kept = 0;
  constexpr int kProposals = 100'000;
  for (int i = 0; i < kProposals; ++i)
    kept += base.visitor(Channel::web, 0, rng).has_value();
  const double p = 1 / std::exp(config.visit_sensitivity);
  EXPECT_NEAR(kept, kProposals * p, 5 * std::sqrt(kProposals * p * (1 - p)));
}

TEST(CustomerBase, SatisfactionMovesByEachEffectDecaysByItsHalfLifeAndStaysInRange) {
  const Customers config = quiet();
  CustomerBase base = web_base(config, 1);
  const double hours = config.satisfaction_half_life_days * 24;
  base.experience(0, Experience::cancelled, 10);
  EXPECT_NEAR(base.satisfaction(0, 10), -0.3, 1e-6);
  EXPECT_NEAR(base.satisfaction(0, 10 + hours), -0.15, 1e-6);
  EXPECT_NEAR(base.satisfaction(0, 10 + 2 * hours), -0.075, 1e-6);
  for (int i = 0; i < 10; ++i)
    base.experience(0, Experience::cancelled, 20);
  EXPECT_FLOAT_EQ(static_cast<float>(base.satisfaction(0, 20)), -1);
}

TEST(CustomerBase, TheNpsProxyCountsPromotersAndDetractorsByTheirSatisfaction) {
  CustomerBase base = web_base(quiet(), 1);
  EXPECT_EQ(base.experience(0, Experience::on_time, 0), CustomerBase::Response::promoter);
  EXPECT_EQ(base.experience(0, Experience::stockout, 0), CustomerBase::Response::passive);
  EXPECT_EQ(base.experience(0, Experience::late, 0), CustomerBase::Response::detractor);
}

TEST(CustomerBase, AnUnhappyCustomerVisitsLessOften) {
  const Customers config = quiet();
  CustomerBase base = web_base(config, 2);
  for (int i = 0; i < 10; ++i)
    base.experience(1, Experience::cancelled, 0);
  auto rng = stream(4);
  std::array<double, 2> visits{};
  for (int i = 0; i < 400'000; ++i) {
    if (const auto who = base.visitor(Channel::web, 0, rng)) ++visits[*who];
  }
  // Per unit of visit rate, the unhappy one keeps exp(-a) of the neutral one's visits.
  const double ratio = (visits[1] / base.relative_rate(1)) / (visits[0] / base.relative_rate(0));
  EXPECT_NEAR(ratio, std::exp(-config.visit_sensitivity), 0.02);
}

TEST(CustomerBase, AChurnedCustomerNoLongerVisitsAndTheChannelsVisitsShrink) {
  Customers config = quiet();
  config.churn_per_year = 365 * 24;  // a churn an hour per customer, on average
  CustomerBase base = web_base(config, 1000);
  const double before = base.proposal_factor(Channel::web);
  auto rng = stream(5);
  const auto changes = base.advance(0, 1, rng);
  ASSERT_FALSE(changes.churned.empty());
  EXPECT_EQ(base.active_count(), 1000 - changes.churned.size());
  double churned_rate = 0;
  for (const CustomerId customer : changes.churned) {
    EXPECT_FALSE(base.active(customer));
    churned_rate += base.relative_rate(customer);
  }
  for (int i = 0; i < 10'000; ++i) {
    if (const auto who = base.visitor(Channel::web, 1, rng)) {
      EXPECT_TRUE(base.active(*who));
    }
  }
  // The channel's visits shrink by the rates the churned took with them.
  EXPECT_NEAR(base.proposal_factor(Channel::web),
              before - std::exp(config.visit_sensitivity) * churned_rate / 1000, 1e-9);
}

TEST(CustomerBase, AWonBackCustomerIsActiveAgainAndStartsAfresh) {
  Customers config = quiet();
  config.churn_per_year = 365 * 24 * 50;  // nearly all churn within the hour
  config.win_back_probability = 1;
  config.win_back_mean_days = 1.0 / 24;  // and most of them come back within it
  CustomerBase base = web_base(config, 200);
  for (CustomerId customer = 0; customer < 200; ++customer)
    base.experience(customer, Experience::damaged, 0);
  auto rng = stream(6);
  const auto changes = base.advance(0, 1, rng);
  ASSERT_GT(changes.churned.size(), 150U);
  ASSERT_FALSE(changes.won_back.empty());
  for (const CustomerId customer : changes.won_back) {
    EXPECT_TRUE(base.active(customer));
    EXPECT_EQ(base.satisfaction(customer, 1), 0);
  }
  EXPECT_EQ(base.active_count(), 200 - changes.churned.size() + changes.won_back.size());
}

TEST(CustomerBase, AcquiresCustomersOnTheChannelsByTheirShares) {
  Customers config = quiet();
  auto rng = stream(8);
  CustomerBase base(config, {0, 0, 0, 0}, 24'000, {0.5, 0, 0.5, 0}, {1.0}, rng);
  const auto changes = base.advance(0, 1, rng);
  EXPECT_NEAR(static_cast<double>(changes.acquired.size()), 1000, 5 * std::sqrt(1000));
  EXPECT_EQ(base.active_count(Channel::web), 0U);
  EXPECT_NEAR(static_cast<double>(base.active_count(Channel::store)), 500, 5 * std::sqrt(250));
  EXPECT_EQ(base.active_count(Channel::store) + base.active_count(Channel::marketplace),
            changes.acquired.size());
}

TEST(CustomerBase, CountsItsActiveCustomersByChannelAndTheCategoryOfTheirLatestVisit) {
  Customers config = quiet();
  auto rng = stream(10);
  CustomerBase base(config, {0, 300, 0, 0}, 0, kWebOnly, {1, 0, 3}, rng);
  EXPECT_EQ(base.active_in(Channel::web, 1), 0U);
  EXPECT_EQ(base.active_in(Channel::web, 0) + base.active_in(Channel::web, 2), 300U);
  EXPECT_NEAR(base.active_in(Channel::web, 2), 225, 5 * std::sqrt(300 * 0.75 * 0.25));
  base.visit_category(0, 1);
  EXPECT_EQ(base.category(0), 1U);
  EXPECT_EQ(base.active_in(Channel::web, 1), 1U);
  EXPECT_EQ(base.active_in(Channel::web, 0) + base.active_in(Channel::web, 2), 299U);
}

}  // namespace
}  // namespace retail
