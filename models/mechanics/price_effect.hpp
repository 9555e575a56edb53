// The demand multiplier of a price, shared by the network, promotions, the memory estimate and
// the scenario loader's checks (which are built without the agents, as in the fuzz targets).
#pragma once

#include <cmath>

#include "models/scenario/scenario.hpp"

namespace retail {

// Demand multiplier of selling at `price_ratio` x the reference price: price_ratio^-elasticity.
inline double price_effect_of(double price_ratio, const Demand& demand) {
  return std::pow(price_ratio, -demand.price_elasticity);
}

}  // namespace retail
