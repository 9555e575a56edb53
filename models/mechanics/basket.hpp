// Baskets: how many lines an order has (a scenario DIST rounded at random to whole lines), and
// which SKU each line after the first is, by category affinity and the catalogue's popularity.
#pragma once

#include <boost/random/discrete_distribution.hpp>
#include <cstdint>
#include <vector>

#include "models/mechanics/distribution.hpp"
#include "models/scenario/scenario.hpp"
#include "sim/random.hpp"

namespace retail {

// A draw of `size` rounded down or up at random so that the mean number of lines is the
// distribution's mean; at least 1. A whole fixed size draws no random number.
std::uint32_t draw_basket_lines(const Distribution& size, sim::RandomStream& rng);

// Each category's SKUs in proportion to their base demand: where a line with category affinity
// is drawn from.
class CategoryChoice {
 public:
  // `skus_by_category`: each category's SKUs; `daily_demand`: each SKU's expected units a day.
  CategoryChoice(const std::vector<std::vector<SkuId>>& skus_by_category,
                 const std::vector<double>& daily_demand);
  SkuId draw(CategoryId category, sim::RandomStream& rng) const;

 private:
  const std::vector<std::vector<SkuId>>* skus_;
  std::vector<boost::random::discrete_distribution<std::size_t, double>> choice_;
};

}  // namespace retail
