// Out-of-stock and promotion-mismatch reactions, drawn from the scenario's probabilities.
#include "models/mechanics/customer.hpp"

#include <boost/random/uniform_int_distribution.hpp>
#include <optional>

namespace retail {

namespace {

constexpr int kSubstituteLooks = 3;

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

}  // namespace

void react_to_stockout(const Network& network, const CustomerArrival& customer, KpiBuffer& kpis,
                       Context& ctx, sim::RandomStream& rng,
                       const std::function<bool(SkuId)>& available,
                       const std::function<void(SkuId)>& buy) {
  const Sku& item = network.scenario.catalog.skus[customer.sku];
  const auto& behaviour = network.scenario.demand.out_of_stock;
  const double u = rng.uniform01();
  if (u < behaviour.substitute) {
    if (const auto substitute = find_substitute(network, customer.sku, available, rng)) {
      // The customer was shown the substitute as available and takes it.
      kpis.add(customer.channel, item.category, Counter::substitutions);
      kpis.add(customer.channel, item.category, Counter::shown_available);
      buy(*substitute);
      return;
    }
  } else if (u < behaviour.substitute + behaviour.defer &&
             customer.attempt < behaviour.max_deferrals) {
    kpis.add(customer.channel, item.category, Counter::deferrals);
    CustomerArrival later = customer;
    ++later.attempt;
    ctx.schedule(sim::hours(behaviour.defer_hours.sample(rng)), later);
    return;
  }
  kpis.add(customer.channel, item.category, Counter::lost_sales_units);
  kpis.add(customer.channel, item.category, Counter::lost_sales_cents, item.price_cents);
}

bool accept_mismatch(const Network& network, const OrderLine& line, KpiBuffer& kpis, Context& ctx,
                     sim::RandomStream& rng) {
  const Sku& item = network.scenario.catalog.skus[line.sku];
  kpis.add(line.channel, item.category, Counter::promo_mismatches);
  const auto& contact =
      network.scenario.service.reasons[static_cast<std::size_t>(ContactReason::promo_mismatch)];
  if (rng.uniform01() < contact.probability) {
    ctx.send(network.ids.customer_service, network.routing_latency,
             Contact{line, ContactReason::promo_mismatch});
  }
  if (rng.uniform01() >= network.scenario.demand.promo_mismatch.abandon) return true;
  kpis.add(line.channel, item.category, Counter::promo_abandons);
  kpis.add(line.channel, item.category, Counter::lost_sales_units);
  kpis.add(line.channel, item.category, Counter::lost_sales_cents, item.price_cents);
  return false;
}

}  // namespace retail
