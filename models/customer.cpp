// Out-of-stock reactions, drawn from the scenario's probabilities.
#include "models/customer.hpp"

#include <boost/random/uniform_int_distribution.hpp>

namespace retail {

namespace {
constexpr int kSubstituteLooks = 3;
}

OutOfStockChoice choose_reaction(const OutOfStockBehaviour& behaviour, std::uint8_t attempt,
                                 sim::RandomStream& rng) {
  const double u = rng.uniform01();
  if (u < behaviour.substitute) return OutOfStockChoice::substitute;
  if (u < behaviour.substitute + behaviour.defer && attempt < behaviour.max_deferrals)
    return OutOfStockChoice::defer;
  return OutOfStockChoice::walk_away;
}

std::optional<SkuId> find_substitute(const Network& network, SkuId wanted,
                                     const std::function<bool(SkuId)>& available,
                                     sim::RandomStream& rng) {
  const auto& shelf = network.skus_by_category[network.scenario.catalog.skus[wanted].category];
  if (shelf.size() < 2) return std::nullopt;
  boost::random::uniform_int_distribution<std::size_t> pick(0, shelf.size() - 1);
  for (int look = 0; look < kSubstituteLooks; ++look) {
    const SkuId candidate = shelf[pick(rng)];
    if (candidate != wanted && available(candidate)) return candidate;
  }
  return std::nullopt;
}

}  // namespace retail
