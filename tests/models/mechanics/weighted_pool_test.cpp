// Drawing from a growing pool of changing weights.
#include "models/mechanics/weighted_pool.hpp"

#include <gtest/gtest.h>

#include <array>
#include <stdexcept>

namespace retail {
namespace {

sim::RandomStream stream() {
  return sim::RandomStream(sim::StreamId{7, 0, 0, 0});
}

TEST(WeightedPool, DrawsInProportionToWeight) {
  WeightedPool pool;
  for (const double w : {1.0, 2.0, 3.0, 4.0, 0.0})
    pool.append(w);
  auto rng = stream();
  std::array<int, 5> drawn{};
  constexpr int kDraws = 200'000;
  for (int i = 0; i < kDraws; ++i)
    ++drawn[pool.draw(rng)];
  for (std::size_t i = 0; i < 4; ++i) {
    const double expected = kDraws * (static_cast<double>(i) + 1) / 10;
    // Five binomial standard deviations at most.
    EXPECT_NEAR(drawn[i], expected, 5 * std::sqrt(expected)) << "member " << i;
  }
  EXPECT_EQ(drawn[4], 0);
}

TEST(WeightedPool, AChangedWeightChangesTheDrawsAndTheTotal) {
  WeightedPool pool;
  for (int i = 0; i < 1000; ++i)
    pool.append(1);
  for (std::uint32_t i = 0; i < 1000; ++i) {
    if (i != 617) pool.set(i, 0);
  }
  pool.append(0);
  EXPECT_DOUBLE_EQ(pool.total(), 1);
  auto rng = stream();
  for (int i = 0; i < 100; ++i)
    EXPECT_EQ(pool.draw(rng), 617U);
  pool.set(1000, 3);
  int late = 0;
  for (int i = 0; i < 4000; ++i)
    late += pool.draw(rng) == 1000U;
  EXPECT_NEAR(late, 3000, 5 * std::sqrt(4000 * 0.75 * 0.25));
}

TEST(WeightedPool, AnEmptyPoolRefusesADraw) {
  WeightedPool pool;
  auto rng = stream();
  EXPECT_THROW(pool.draw(rng), std::logic_error);
  pool.append(2);
  pool.set(0, 0);
  EXPECT_THROW(pool.draw(rng), std::logic_error);
}

}  // namespace
}  // namespace retail
