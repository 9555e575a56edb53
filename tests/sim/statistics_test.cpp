// Summary statistics against known values, and confidence intervals against their nominal coverage.
#include "sim/statistics.hpp"

#include <gtest/gtest.h>

#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "sim/random.hpp"

namespace {

TEST(Statistics, MatchesHandComputedValues) {
  Eigen::VectorXd x(5);
  x << 1, 2, 3, 4, 5;
  const sim::Summary s = sim::summarize(x);
  EXPECT_EQ(s.n, 5u);
  EXPECT_DOUBLE_EQ(s.mean, 3.0);
  EXPECT_NEAR(s.stddev, std::sqrt(2.5), 1e-12);
  // t(0.975, 4 dof) = 2.776445105...
  const double half = 2.7764451051977987 * std::sqrt(2.5) / std::sqrt(5.0);
  EXPECT_NEAR(s.ci_low, 3.0 - half, 1e-9);
  EXPECT_NEAR(s.ci_high, 3.0 + half, 1e-9);
  EXPECT_NEAR(s.half_width(), half, 1e-9);
}

TEST(Statistics, OneSampleHasAMeanButNoInterval) {
  Eigen::VectorXd x(1);
  x << 4.5;
  const sim::Summary s = sim::summarize(x);
  EXPECT_DOUBLE_EQ(s.mean, 4.5);
  EXPECT_FALSE(s.has_interval());
  EXPECT_TRUE(std::isnan(s.ci_low));
}

TEST(Statistics, RejectsEmptySamplesAndBadConfidence) {
  EXPECT_THROW(sim::summarize(Eigen::VectorXd()), std::invalid_argument);
  EXPECT_THROW(sim::summarize(Eigen::VectorXd::Ones(3), 1.0), std::invalid_argument);
}

TEST(Statistics, NinetyFivePercentIntervalsCoverTheMeanAtTheNominalRate) {
  // 4,000 experiments of 10 normal samples: coverage ~ Binomial(4000, 0.95)/4000, sd 0.0034.
  sim::RandomStream rng({2024, 0, 0, 0});
  boost::random::normal_distribution<double> normal(10.0, 3.0);
  const int experiments = 4000;
  int covered = 0;
  for (int e = 0; e < experiments; ++e) {
    Eigen::VectorXd x(10);
    for (auto& v : x)
      v = normal(rng);
    const sim::Summary s = sim::summarize(x);
    covered += (s.ci_low <= 10.0 && 10.0 <= s.ci_high) ? 1 : 0;
  }
  const double coverage = static_cast<double>(covered) / experiments;
  EXPECT_NEAR(coverage, 0.95, 4 * std::sqrt(0.95 * 0.05 / experiments));
}

TEST(Statistics, PairedDifferenceIsTreatmentMinusBaselinePerReplication) {
  Eigen::MatrixXd baseline(4, 2), treatment(4, 2);
  baseline << 1, 10, 2, 20, 3, 30, 4, 40;
  treatment << 2, 10, 3, 21, 4, 29, 5, 40;
  const auto paired = sim::compare_paired(baseline, treatment);
  ASSERT_EQ(paired.size(), 2u);
  EXPECT_DOUBLE_EQ(paired[0].difference.mean, 1.0);
  EXPECT_DOUBLE_EQ(paired[0].difference.stddev, 0.0);
  EXPECT_DOUBLE_EQ(paired[1].difference.mean, 0.0);
  EXPECT_DOUBLE_EQ(paired[1].baseline.mean, 25.0);
  EXPECT_THROW(sim::compare_paired(baseline, Eigen::MatrixXd(3, 2)), std::invalid_argument);
}

}  // namespace
