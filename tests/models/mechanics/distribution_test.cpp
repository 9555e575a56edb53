// Scenario distributions: draws within their parameters, and parameters no loader would admit
// (NaN, negative, min above max) give a non-negative number at once instead of a NaN duration or
// a Boost precondition broken.
#include "models/mechanics/distribution.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace retail {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

sim::RandomStream stream() {
  return sim::RandomStream(sim::StreamId{7, 0, 0, 0});
}

TEST(Distribution, DrawsWithinItsParameters) {
  auto rng = stream();
  for (int i = 0; i < 1000; ++i) {
    EXPECT_EQ(Distribution::fixed(3).sample(rng), 3);
    const double uniform = Distribution::uniform(2, 4).sample(rng);
    EXPECT_TRUE(uniform >= 2 && uniform <= 4) << uniform;
    const double triangular = Distribution::triangular(1, 2, 5).sample(rng);
    EXPECT_TRUE(triangular >= 1 && triangular <= 5) << triangular;
    EXPECT_GE(Distribution::exponential(8).sample(rng), 0);
    EXPECT_GT(Distribution::lognormal(10, 3).sample(rng), 0);
  }
}

TEST(Distribution, DegenerateSpreadsGiveTheirOneValue) {
  auto rng = stream();
  EXPECT_EQ(Distribution::uniform(5, 5).sample(rng), 5);
  EXPECT_EQ(Distribution::triangular(5, 5, 5).sample(rng), 5);
  EXPECT_EQ(Distribution::lognormal(5, 0).sample(rng), 5);
}

TEST(Distribution, InadmissibleParametersGiveANonNegativeNumber) {
  auto rng = stream();
  const Distribution inadmissible[] = {
      Distribution::fixed(kNan),
      Distribution::fixed(-1),
      Distribution::uniform(kNan, 4),
      Distribution::uniform(4, kNan),
      Distribution::uniform(4, 2),
      Distribution::exponential(kNan),
      Distribution::exponential(0),
      Distribution::exponential(-3),
      Distribution::triangular(kNan, 1, 2),
      Distribution::triangular(0, kNan, kNan),
      Distribution::lognormal(kNan, 1),
      Distribution::lognormal(0, 1),
      Distribution::lognormal(-2, 1),
      Distribution::lognormal(2, kNan),
  };
  for (const Distribution& d : inadmissible) {
    const double x = d.sample(rng);
    EXPECT_TRUE(std::isfinite(x) && x >= 0) << d.describe() << " drew " << x;
  }
}

}  // namespace
}  // namespace retail
