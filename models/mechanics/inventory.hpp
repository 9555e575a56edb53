// The stock of one node, per SKU: on hand, on order and backordered, its replenishment levels, the
// SKUs whose online availability changed since the last sync, stock totals by category, and the
// stock held over time (at cost x days) that holding cost is charged on.
#pragma once

#include <cstdint>
#include <vector>

#include "models/agents/messages.hpp"
#include "models/mechanics/step_integral.hpp"
#include "models/scenario/scenario.hpp"
#include "models/world/network.hpp"

namespace retail {

class Inventory {
 public:
  // Where the node's replenishment orders go: a supplier holds them to its minimum order quantity.
  enum class Source : std::uint8_t { dc, supplier };

  Inventory(const Catalog& catalog, std::vector<std::int32_t> initial, std::vector<Levels> levels,
            Source source);

  std::int32_t on_hand(SkuId sku) const { return on_hand_[sku]; }
  // Stock changes at `now`, which never goes back.
  void remove(SkuId sku, std::int32_t units, sim::Time now);
  // Units arriving; `ordered` of them fill an outstanding replenishment order.
  void receive(SkuId sku, std::int32_t units, std::int32_t ordered, sim::Time now);
  void add_backorder(SkuId sku, std::int32_t units) {
    backordered_[sku] += units;
    total_backordered_ += units;
  }
  void remove_backorder(SkuId sku, std::int32_t units) {
    backordered_[sku] -= units;
    total_backordered_ -= units;
  }

  SkuId skus() const { return static_cast<SkuId>(on_hand_.size()); }
  // On hand + on order - backordered.
  std::int32_t position(SkuId sku) const {
    return on_hand_[sku] + on_order_[sku] - backordered_[sku];
  }
  // New levels for `sku` (a forecast-driven review).
  void set_levels(SkuId sku, Levels levels) { levels_[sku] = levels; }

  // The (s,S) decision: if on hand + on order - backordered is at or below the reorder point,
  // the quantity that brings it to the order-up-to level, raised to the supplier's minimum and
  // rounded up to whole cases (recorded as on order); else 0.
  std::int32_t reorder(SkuId sku);

  // SKUs whose stock changed since the last call.
  std::vector<SkuId> take_changed();
  bool has_changes() const { return !changed_.empty(); }

  std::int64_t total_on_hand() const { return total_on_hand_; }
  std::int64_t total_on_order() const { return total_on_order_; }
  std::int64_t total_backordered() const { return total_backordered_; }
  std::vector<StockLevel> stock_by_category() const;
  // The stock of `category` held from the start until `now` (not before the last change), at
  // cost: cents x days.
  double held_cent_days(CategoryId category, sim::Time now) const;

 private:
  void changed(SkuId sku, std::int32_t delta, sim::Time now);

  const Catalog& catalog_;
  std::vector<std::int32_t> on_hand_;
  std::vector<std::int32_t> on_order_;
  std::vector<std::int32_t> backordered_;
  std::vector<Levels> levels_;
  std::vector<std::uint8_t> is_changed_;
  std::vector<SkuId> changed_;
  std::vector<StockLevel> by_category_;
  // Per category: the stock at cost over time.
  std::vector<StepIntegral> held_;
  Source source_;
  std::int64_t total_on_hand_ = 0;
  std::int64_t total_on_order_ = 0;
  std::int64_t total_backordered_ = 0;
};

}  // namespace retail
