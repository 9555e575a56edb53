// Basket sizes rounded at random to whole lines, and the within-category SKU draw.
#include "models/mechanics/basket.hpp"

#include <algorithm>
#include <cmath>

namespace retail {

std::uint32_t draw_basket_lines(const Distribution& size, sim::RandomStream& rng) {
  const double x = size.sample(rng);
  const double whole = std::floor(x);
  // Rounding up with probability equal to the fraction keeps the mean: E[lines] = E[x].
  const double up = x - whole > 0 && rng.uniform01() < x - whole ? 1 : 0;
  return static_cast<std::uint32_t>(std::clamp(whole + up, 1.0, kMostBasketLines));
}

CategoryChoice::CategoryChoice(const std::vector<std::vector<SkuId>>& skus_by_category,
                               const std::vector<double>& daily_demand)
    : skus_(&skus_by_category) {
  for (const std::vector<SkuId>& skus : skus_by_category) {
    std::vector<double> weights;
    double total = 0;
    for (const SkuId sku : skus) {
      weights.push_back(daily_demand[sku]);
      total += daily_demand[sku];
    }
    // A category without demand never holds a first line; equal weights keep the draw valid.
    if (!(total > 0)) std::fill(weights.begin(), weights.end(), 1.0);
    if (weights.empty()) weights.push_back(1.0);
    choice_.emplace_back(weights.begin(), weights.end());
  }
}

SkuId CategoryChoice::draw(CategoryId category, sim::RandomStream& rng) const {
  return (*skus_)[category][choice_[category](rng)];
}

}  // namespace retail
