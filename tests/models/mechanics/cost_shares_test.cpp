// Apportioning a cost: whole cents that add up, each within a cent of its exact share, and
// categories weighed by the node's demand.
#include "models/mechanics/cost_shares.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <vector>

namespace retail {
namespace {

TEST(Apportion, GivesWholeCentsThatAddUpAndStayWithinACentOfTheExactShare) {
  const std::vector<double> weights{0.5, 0.3, 0.2, 0};
  for (const Cents cents : {0, 1, 2, 7, 100, 12345}) {
    const std::vector<Cents> shares = apportion(cents, weights);
    EXPECT_EQ(std::accumulate(shares.begin(), shares.end(), Cents{0}), cents);
    for (std::size_t i = 0; i < weights.size(); ++i)
      EXPECT_LT(std::abs(static_cast<double>(shares[i]) - static_cast<double>(cents) * weights[i]),
                1.0);
    EXPECT_EQ(shares[3], 0) << "no weight, no share";
  }
  // Equal remainders go to the first: the split never depends on a sort's whims.
  EXPECT_EQ(apportion(1, std::vector<double>{1, 1, 1}), (std::vector<Cents>{1, 0, 0}));
  EXPECT_THROW(apportion(5, std::vector<double>{0, 0}), std::logic_error);
}

TEST(CostShares, WeighsChannelsByTheMixAndCategoriesByDemand) {
  Catalog catalog;
  catalog.categories = {"shoes", "shirts"};
  catalog.skus.push_back(Sku{"boot", 0, 5000, 5000, 2000, false, 0, 1, 1, 1});
  catalog.skus.push_back(Sku{"tee", 1, 1500, 1500, 500, false, 0, 1, 1, 1});
  const CostShares shares(ChannelMix{0.75, 0.25, 0, 0}, catalog, {30.0, 10.0});
  EXPECT_EQ(shares.over_channels(100), (std::array<Cents, kChannels>{75, 25, 0, 0}));
  // [channel * categories + category]: store x shoes gets 0.75 x 0.75.
  EXPECT_EQ(shares.over_cells(1600), (std::vector<Cents>{900, 300, 300, 100, 0, 0, 0, 0}));
  // Without demand the categories share alike.
  const CostShares idle(ChannelMix{1, 0, 0, 0}, catalog, {0.0, 0.0});
  EXPECT_EQ(idle.over_cells(10), (std::vector<Cents>{5, 5, 0, 0, 0, 0, 0, 0}));
}

}  // namespace
}  // namespace retail
