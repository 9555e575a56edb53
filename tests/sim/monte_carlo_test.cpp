// The Monte Carlo runner: replications reproducible from (seed, index) whatever the threads, and
// paired arms sharing common random numbers.
#include "sim/monte_carlo.hpp"

#include <gtest/gtest.h>

#include <boost/random/exponential_distribution.hpp>

#include "phold.hpp"
#include "sim/sequential_engine.hpp"
#include "sim/statistics.hpp"

namespace {

// One small PHOLD run: total committed events and the mean events handled per LP.
Eigen::VectorXd phold_replication(const sim::Replication& rep) {
  phold::Config config;
  config.lps = 64;
  sim::World<phold::Msg> world(rep.master_seed, rep.index);
  const auto lps = phold::build(world, config);
  sim::SequentialEngine<phold::Msg> engine(world);
  const auto stats = engine.run_until(50 * sim::kTicksPerSecond);
  Eigen::VectorXd out(3);
  out << static_cast<double>(stats.committed_events),
      static_cast<double>(stats.committed_events) / config.lps,
      static_cast<double>(phold::world_digest(lps) >> 12);
  return out;
}

TEST(MonteCarlo, ResultsDependOnlyOnSeedAndReplicationIndex) {
  const Eigen::MatrixXd one = sim::run_replications({24, 77, 1}, phold_replication);
  ASSERT_EQ(one.rows(), 24);
  ASSERT_EQ(one.cols(), 3);
  EXPECT_EQ(sim::run_replications({24, 77, 2}, phold_replication), one);
  EXPECT_EQ(sim::run_replications({24, 77, 8}, phold_replication), one);
  for (const Eigen::Index i : {0, 13, 23}) {
    EXPECT_EQ(Eigen::VectorXd(one.row(i).transpose()),
              phold_replication({77, static_cast<std::uint64_t>(i)}));
  }
  // Replications differ from each other.
  EXPECT_NE(one(0, 2), one(1, 2));
}

TEST(MonteCarlo, RejectsReplicationsThatDisagreeOnTheMetrics) {
  auto ragged = [](const sim::Replication& rep) {
    return Eigen::VectorXd::Zero(rep.index == 3 ? 2 : 1).eval();
  };
  EXPECT_THROW(sim::run_replications({5, 1, 2}, ragged), sim::SimulationError);
}

// The total of 50 service times drawn from the replication's stream, at a given mean.
Eigen::VectorXd total_service(const sim::Replication& rep, double mean) {
  sim::RandomStream rng({rep.master_seed, rep.index, sim::name_key("server"), 0});
  boost::random::exponential_distribution<double> service(1.0 / mean);
  double total = 0;
  for (int i = 0; i < 50; ++i)
    total += service(rng);
  return Eigen::VectorXd::Constant(1, total);
}

TEST(MonteCarlo, PairedArmsShareRandomNumbersSoTheirDifferenceIsPrecise) {
  const sim::MonteCarloOptions options{200, 5, 2};
  const auto slow = [](const sim::Replication& rep) { return total_service(rep, 1.0); };
  const auto fast = [](const sim::Replication& rep) { return total_service(rep, 0.9); };
  const sim::PairedRuns paired = sim::run_paired(options, slow, fast);
  const auto common = sim::compare_paired(paired.baseline, paired.treatment)[0];

  // The same arms with independent streams (another master seed for the treatment).
  const Eigen::MatrixXd independent = sim::run_replications({200, 6, 2}, fast);
  const auto apart = sim::compare_paired(paired.baseline, independent)[0];

  // With common random numbers each draw scales by exactly 0.9: difference = -0.1 × baseline.
  EXPECT_NEAR(common.difference.mean, -0.1 * common.baseline.mean, 1e-9);
  EXPECT_LT(common.difference.stddev, 0.2 * apart.difference.stddev);
  EXPECT_LT(common.difference.ci_high, 0.0);
}

}  // namespace
