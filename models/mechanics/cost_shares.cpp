// Largest-remainder apportionment: exact totals, and the same split on every run.
#include "models/mechanics/cost_shares.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace retail {

namespace {

using Remainder = std::pair<double, std::size_t>;

// Writes the apportionment into `shares`, sorting remainders in `scratch` (both weights' size).
void apportion_into(Cents cents, std::span<const double> weights, std::span<Cents> shares,
                    std::span<Remainder> scratch) {
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  if (!(total > 0)) throw std::logic_error("a cost apportioned to weights that are all zero");
  Cents given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double exact = static_cast<double>(cents) * weights[i] / total;
    shares[i] = static_cast<Cents>(std::floor(exact));
    given += shares[i];
    scratch[i] = {exact - static_cast<double>(shares[i]), i};
  }
  // Largest remainders first; ties to the lower index, so the split never depends on the sort.
  std::sort(scratch.begin(), scratch.end(), [](const Remainder& a, const Remainder& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (std::size_t k = 0; given < cents; ++k, ++given)
    ++shares[scratch[k % scratch.size()].second];
}

}  // namespace

std::vector<Cents> apportion(Cents cents, std::span<const double> weights) {
  std::vector<Cents> shares(weights.size());
  std::vector<Remainder> scratch(weights.size());
  apportion_into(cents, weights, shares, scratch);
  return shares;
}

CostShares::CostShares(const ChannelMix& channels, const Catalog& catalog,
                       const std::vector<double>& daily_demand)
    : channels_(channels), categories_(catalog.categories.size()) {
  std::vector<double> by_category(categories_, 0.0);
  for (SkuId sku = 0; sku < daily_demand.size(); ++sku)
    by_category[catalog.skus[sku].category] += daily_demand[sku];
  if (std::accumulate(by_category.begin(), by_category.end(), 0.0) <= 0)
    std::fill(by_category.begin(), by_category.end(), 1.0);
  cells_.reserve(kChannels * categories_);
  for (const double channel : channels_)
    for (const double category : by_category)
      cells_.push_back(channel * category);
}

std::array<Cents, kChannels> CostShares::over_channels(Cents cents) const {
  // On the stack: a node books a channel split for every category every day.
  std::array<Cents, kChannels> out{};
  std::array<Remainder, kChannels> scratch{};
  apportion_into(cents, channels_, out, scratch);
  return out;
}

std::vector<Cents> CostShares::over_cells(Cents cents) const {
  return apportion(cents, cells_);
}

}  // namespace retail
