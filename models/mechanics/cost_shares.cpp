// Largest-remainder apportionment: exact totals, and the same split on every run.
#include "models/mechanics/cost_shares.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace retail {

std::vector<Cents> apportion(Cents cents, std::span<const double> weights) {
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  if (!(total > 0)) throw std::logic_error("a cost apportioned to weights that are all zero");
  std::vector<Cents> shares(weights.size());
  std::vector<std::pair<double, std::size_t>> remainders;
  remainders.reserve(weights.size());
  Cents given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double exact = static_cast<double>(cents) * weights[i] / total;
    shares[i] = static_cast<Cents>(std::floor(exact));
    given += shares[i];
    remainders.emplace_back(exact - static_cast<double>(shares[i]), i);
  }
  // Largest remainders first; ties to the lower index, so the split never depends on the sort.
  std::sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (std::size_t k = 0; given < cents; ++k, ++given)
    ++shares[remainders[k % remainders.size()].second];
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
  const std::vector<Cents> shares = apportion(cents, channels_);
  std::array<Cents, kChannels> out{};
  std::copy(shares.begin(), shares.end(), out.begin());
  return out;
}

std::vector<Cents> CostShares::over_cells(Cents cents) const {
  return apportion(cents, cells_);
}

}  // namespace retail
