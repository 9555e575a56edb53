// How a cost that belongs to no one order (a truck, a purchase order, an hour of labour, stock
// held overnight) is booked in the KPI table's channel x category cells: in proportion to the
// demand of whoever incurs it, in whole cents that add up to the cost.
#pragma once

#include <array>
#include <span>
#include <vector>

#include "models/scenario/scenario.hpp"
#include "models/world/planning_calendar.hpp"

namespace retail {

// `cents` apportioned to `weights` (non-negative, not all zero) by largest remainders: each share
// is within a cent of cents x weight / total, and the shares add up to `cents`.
std::vector<Cents> apportion(Cents cents, std::span<const double> weights);

class CostShares {
 public:
  // `channels`: a channel mix (summing to 1); `daily_demand`: expected units per day of each SKU,
  // whose sums by category weigh the categories (equally, when there is no demand at all).
  CostShares(const ChannelMix& channels, const Catalog& catalog,
             const std::vector<double>& daily_demand);

  // `cents` over the channels, for one category.
  std::array<Cents, kChannels> over_channels(Cents cents) const;
  // `cents` over channel x category cells, [channel * categories + category].
  std::vector<Cents> over_cells(Cents cents) const;
  std::size_t categories() const { return categories_; }

 private:
  ChannelMix channels_;
  std::size_t categories_;
  std::vector<double> cells_;  // channel share x category share
};

}  // namespace retail
