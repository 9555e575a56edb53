// Moving stock between nodes on the control tower's orders.
#pragma once

#include <vector>

#include "models/agents/messages.hpp"
#include "models/mechanics/inventory.hpp"

namespace retail {

// Takes the action's share of each of its SKUs off `stock` and ships it, on one truck, to the
// action's destination node, in transit for transit_hours (at least `min_delay`). Returns what
// moved, so the node can reorder those SKUs and pay the freight.
std::vector<StockLine> transfer_out(Inventory& stock, const Action& action, const Network& network,
                                    sim::Time min_delay, Context& ctx);

}  // namespace retail
