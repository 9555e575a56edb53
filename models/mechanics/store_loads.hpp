// A DC's dock of backorder fills: what a supplier receipt releases to stores that were owed it
// waits, per store, for that store's next regular delivery instead of leaving on a truck of its
// own, as a DC consolidates a store's freight onto its scheduled departures. A load no regular
// delivery has collected for a whole day is sent by itself.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "models/agents/messages.hpp"
#include "models/scenario/scenario.hpp"
#include "sim/time.hpp"

namespace retail {

class StoreLoads {
 public:
  explicit StoreLoads(std::size_t stores) : loads_(stores) {}

  // `units` of `sku` are set aside for `store` at `now`.
  void add(StoreId store, SkuId sku, std::int32_t units, sim::Time now) {
    Load& load = loads_[store];
    if (load.lines.empty()) load.since = now;
    load.lines.push_back({sku, units});
    units_ += units;
  }
  // Everything waiting for `store`, which leaves the dock.
  std::vector<StockLine> take(StoreId store) {
    Load& load = loads_[store];
    for (const StockLine& line : load.lines)
      units_ -= line.units;
    return std::exchange(load.lines, {});
  }
  // The stores whose load has waited at least `wait` at `now`, in id order.
  std::vector<StoreId> waited(sim::Time now, sim::Time wait) const {
    std::vector<StoreId> stores;
    for (StoreId store = 0; store < loads_.size(); ++store) {
      if (!loads_[store].lines.empty() && now - loads_[store].since >= wait)
        stores.push_back(store);
    }
    return stores;
  }
  // Units on the dock, set aside and not yet shipped.
  std::int64_t units() const { return units_; }

 private:
  struct Load {
    std::vector<StockLine> lines;
    sim::Time since = 0;  // when the first of them was set aside
  };
  std::vector<Load> loads_;
  std::int64_t units_ = 0;
};

}  // namespace retail
