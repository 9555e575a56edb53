// Transfers: whole units, rounded down, so a share never takes more than is on hand.
#include "models/mechanics/transfer.hpp"

#include <algorithm>
#include <cmath>

namespace retail {

std::vector<StockLine> transfer_out(Inventory& stock, const Action& action, const Network& network,
                                    sim::Time min_delay, Context& ctx) {
  std::vector<StockLine> moved;
  const sim::Time transit = std::max(min_delay, sim::hours(action.transit_hours));
  for (const SkuId sku : action.skus) {
    const auto units = static_cast<std::int32_t>(std::floor(stock.on_hand(sku) * action.share));
    if (units <= 0) continue;
    stock.remove(sku, units, ctx.now());
    moved.push_back({sku, units});
  }
  if (!moved.empty()) ctx.send(network.node_agent(action.to), transit, Shipment{moved, true});
  return moved;
}

}  // namespace retail
