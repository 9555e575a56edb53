// Synthetic scenarios of a chosen size (stores, DCs, carriers, SKUs, weeks) with plausible
// parameters: what the benchmarks and the scale tests run, without a JSON file per size.
#pragma once

#include <cstdint>

#include "models/scenario/scenario.hpp"

namespace retail {

struct SyntheticSize {
  std::uint32_t zones = 10;
  std::uint32_t stores = 50;
  std::uint32_t dcs = 2;
  std::uint32_t carriers = 3;
  std::uint32_t skus = 200;
  std::uint32_t categories = 10;
  std::uint32_t horizon_days = 182;
  // Chain-wide units per day per SKU, averaged over the catalogue (popularity is skewed).
  double mean_demand_per_sku = 20;
};

Scenario synthetic_scenario(const SyntheticSize& size, std::uint64_t seed = 1);

}  // namespace retail
