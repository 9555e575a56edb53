// How a customer reacts to finding the wanted SKU unavailable: substitute, defer or walk away.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "models/config.hpp"
#include "models/network.hpp"
#include "sim/random.hpp"

namespace retail {

enum class OutOfStockChoice : std::uint8_t { substitute, defer, walk_away };

// Draws the reaction; a customer who has already deferred max_deferrals times walks away instead
// of deferring again.
OutOfStockChoice choose_reaction(const OutOfStockBehaviour& behaviour, std::uint8_t attempt,
                                 sim::RandomStream& rng);

// A substitute for `wanted`: another SKU of its category that `available` accepts, from a few
// random looks along the shelf (customers do not search the whole range).
std::optional<SkuId> find_substitute(const Network& network, SkuId wanted,
                                     const std::function<bool(SkuId)>& available,
                                     sim::RandomStream& rng);

}  // namespace retail
