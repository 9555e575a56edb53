// How a customer reacts to finding the wanted SKU unavailable (substitute, defer or walk away)
// and to meeting a promotion mismatch (contact us, walk away or buy at the price shown).
#pragma once

#include <functional>

#include "models/agents/messages.hpp"
#include "models/metrics/kpi.hpp"
#include "models/scenario/scenario.hpp"
#include "models/world/network.hpp"
#include "sim/random.hpp"

namespace retail {

// The customer found `customer.sku` unavailable through `customer.channel`. With the scenario's
// probabilities they substitute (a few random looks along the category's shelf for a SKU that
// `available` accepts, which `buy` then takes), come back later (rescheduled on `ctx`, until
// they have deferred max_deferrals times) or walk away (a lost sale). The outcome is counted in
// `kpis` under the wanted SKU's category.
void react_to_stockout(const Network& network, const CustomerArrival& customer, KpiBuffer& kpis,
                       Context& ctx, sim::RandomStream& rng,
                       const std::function<bool(SkuId)>& available,
                       const std::function<void(SkuId)>& buy);

// The customer of `line` (not yet placed) met a promotion mismatch. With the scenario's
// probabilities they contact customer service about it (sent from `ctx`) and walk away (a lost
// sale, counted in `kpis`). Returns whether they still buy.
bool accept_mismatch(const Network& network, const OrderLine& line, KpiBuffer& kpis, Context& ctx,
                     sim::RandomStream& rng);

}  // namespace retail
