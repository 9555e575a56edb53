// Validation of the customer base against theory: with no experiences the active base is a
// birth-death process (immigration at lambda a day, each customer leaving at mu), whose mean is
// lambda/mu + (N0 - lambda/mu) exp(-mu t) (the M/M/infinity transient); and a cancellation's
// configured hazard ratio is what the churns it is followed by show.
#include <gtest/gtest.h>

#include <Eigen/Core>
#include <cmath>
#include <string>
#include <vector>

#include "models/mechanics/customer_base.hpp"
#include "tests/validation/theory_check.hpp"

namespace retail {
namespace {

using namespace validation;

constexpr std::array<double, kChannels> kStoreOnly = {1, 0, 0, 0};

sim::RandomStream stream(std::uint64_t replication) {
  return sim::RandomStream(sim::StreamId{kSeed, replication, 0, 0});
}

TEST(CustomerTheory, TheActiveBaseFollowsItsBirthDeathProcess) {
  Customers config;
  config.enabled = true;
  config.win_back_probability = 0;
  config.churn_per_year = 365.0 / 100;       // mu: a customer stays 100 days on average
  constexpr double kAcquisitionPerDay = 30;  // lambda: steady state 3,000
  constexpr std::uint32_t kInitial = 1000;
  constexpr std::uint32_t kReplications = 50;
  const std::vector<int> days = {25, 50, 100, 200, 400, 800};
  Eigen::MatrixXd active(kReplications, days.size());
  for (std::uint32_t r = 0; r < kReplications; ++r) {
    auto rng = stream(r);
    CustomerBase base(config, {kInitial, 0, 0, 0}, kAcquisitionPerDay, kStoreOnly, {1.0}, rng);
    std::size_t next = 0;
    for (int hour = 0; next < days.size(); ++hour) {
      if (hour == days[next] * 24)
        active(r, static_cast<Eigen::Index>(next++)) = static_cast<double>(base.active_count());
      base.advance(hour, 1, rng);
    }
  }
  const double mu = config.churn_per_year / 365;
  const double steady = kAcquisitionPerDay / mu;
  for (std::size_t i = 0; i < days.size(); ++i) {
    const double theory = steady + (kInitial - steady) * std::exp(-mu * days[i]);
    expect_in_interval("active customers on day " + std::to_string(days[i]),
                       active.col(static_cast<Eigen::Index>(i)), theory);
  }
}

// Half the customers have a cancellation on day 0 and nothing decays, so each group's churn is
// Poisson with its own constant hazard: the log hazard ratio's estimate, from the churns and the
// customer-days at risk of each group, is normal with variance 1/d1 + 1/d0.
TEST(CustomerTheory, ACancellationsHazardRatioIsRecoveredFromTheChurns) {
  Customers config;
  config.enabled = true;
  config.win_back_probability = 0;
  config.churn_per_year = 365.0 / 200;
  config.satisfaction_half_life_days = 1e9;
  constexpr std::uint32_t kCustomers = 20'000;
  constexpr int kDays = 200;
  auto rng = stream(0);
  CustomerBase base(config, {kCustomers, 0, 0, 0}, 0, kStoreOnly, {1.0}, rng);
  for (CustomerId customer = 0; customer < kCustomers / 2; ++customer)
    base.experience(customer, Experience::cancelled, 0);
  std::array<double, 2> churns{};
  std::array<double, 2> days_at_risk{};
  for (int hour = 0; hour < kDays * 24; ++hour) {
    for (const CustomerId customer : base.advance(hour, 1, rng).churned) {
      const std::size_t group = customer < kCustomers / 2 ? 1 : 0;
      churns[group] += 1;
      days_at_risk[group] -= kDays - hour / 24.0;  // counted below as if they stayed
    }
  }
  days_at_risk[0] += kCustomers / 2.0 * kDays;
  days_at_risk[1] += kCustomers / 2.0 * kDays;
  const double estimate = std::log((churns[1] / days_at_risk[1]) / (churns[0] / days_at_risk[0]));
  const double half_width = 2.5758 * std::sqrt(1 / churns[1] + 1 / churns[0]);
  const double configured =
      -config.churn_sensitivity * config.effects[static_cast<std::size_t>(Experience::cancelled)];
  ::testing::Test::RecordProperty("hazard ratio after a cancellation",
                                  std::to_string(std::exp(estimate)) + " in [" +
                                      std::to_string(std::exp(estimate - half_width)) + ", " +
                                      std::to_string(std::exp(estimate + half_width)) +
                                      "], configured " + std::to_string(std::exp(configured)));
  EXPECT_NEAR(estimate, configured, half_width)
      << "hazard ratio " << std::exp(estimate) << ", configured " << std::exp(configured);
}

}  // namespace
}  // namespace retail
