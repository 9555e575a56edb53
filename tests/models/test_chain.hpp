// Small synthetic chains for model tests: one DC, one carrier, a few zones and stores.
#pragma once

#include <cstdint>

#include "models/world/synthetic.hpp"

namespace retail {

// With Levers::none the synthetic promotions and ad programs are dropped, so a test adds only the
// ones it studies.
enum class Levers { none, synthetic };

inline Scenario test_chain(std::uint32_t skus, std::uint32_t categories, std::uint32_t horizon_days,
                           Levers levers = Levers::none, std::uint32_t zones = 2,
                           std::uint32_t stores = 4) {
  SyntheticSize size;
  size.zones = zones;
  size.stores = stores;
  size.dcs = 1;
  size.carriers = 1;
  size.skus = skus;
  size.categories = categories;
  size.horizon_days = horizon_days;
  Scenario s = synthetic_scenario(size);
  if (levers == Levers::none) {
    s.promotions.clear();
    s.advertising = {};
  }
  return s;
}

}  // namespace retail
