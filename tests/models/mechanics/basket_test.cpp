// Baskets: sizes rounded at random to whole lines keep the distribution's mean and its range, a
// whole fixed size draws no random number, and the category draw stays in its category in
// proportion to demand.
#include "models/mechanics/basket.hpp"

#include <gtest/gtest.h>

#include <map>

namespace retail {
namespace {

sim::RandomStream stream() {
  return sim::RandomStream(sim::StreamId{11, 0, 0, 0});
}

double mean_lines(const Distribution& size, int draws, std::uint32_t& least, std::uint32_t& most) {
  sim::RandomStream rng = stream();
  double sum = 0;
  least = 1000;
  most = 0;
  for (int i = 0; i < draws; ++i) {
    const std::uint32_t lines = draw_basket_lines(size, rng);
    sum += lines;
    least = std::min(least, lines);
    most = std::max(most, lines);
  }
  return sum / draws;
}

TEST(BasketLines, AWholeFixedSizeIsExactAndDrawsNothing) {
  sim::RandomStream rng = stream();
  sim::RandomStream untouched = stream();
  for (int i = 0; i < 100; ++i)
    EXPECT_EQ(draw_basket_lines(Distribution::fixed(3), rng), 3u);
  EXPECT_EQ(rng.uniform01(), untouched.uniform01());
}

TEST(BasketLines, AFractionalSizeRoundsEitherWayKeepingItsMean) {
  std::uint32_t least = 0;
  std::uint32_t most = 0;
  EXPECT_NEAR(mean_lines(Distribution::fixed(2.4), 200000, least, most), 2.4, 0.005);
  EXPECT_EQ(least, 2u);
  EXPECT_EQ(most, 3u);
}

TEST(BasketLines, TheMeanIsTheDistributionsForEveryKindAccepted) {
  std::uint32_t least = 0;
  std::uint32_t most = 0;
  for (const Distribution& size :
       {Distribution::uniform(1, 4), Distribution::triangular(1, 1.5, 6)}) {
    EXPECT_NEAR(mean_lines(size, 200000, least, most), size.mean(), 0.01) << size.describe();
    EXPECT_GE(least, 1u);
    EXPECT_LE(most, static_cast<std::uint32_t>(size.kind == Distribution::Kind::uniform ? 4 : 6));
  }
}

TEST(CategoryChoice, DrawsOnlyTheCategorysSkusInProportionToDemand) {
  const std::vector<std::vector<SkuId>> skus = {{0, 2}, {1, 3, 4}};
  const std::vector<double> demand = {1, 5, 3, 0, 5};
  const CategoryChoice choice(skus, demand);
  sim::RandomStream rng = stream();
  std::map<SkuId, int> seen;
  for (int i = 0; i < 100000; ++i)
    ++seen[choice.draw(1, rng)];
  EXPECT_EQ(seen.count(0) + seen.count(2), 0u);
  EXPECT_EQ(seen.count(3), 0u);  // no demand
  EXPECT_NEAR(seen[1] / 100000.0, 0.5, 0.01);
  EXPECT_NEAR(seen[4] / 100000.0, 0.5, 0.01);
}

}  // namespace
}  // namespace retail
