// The stock of one node, per SKU: on hand, on order and backordered, its replenishment levels, the
// SKUs whose online availability changed since the last sync, and stock totals by category.
#pragma once

#include <cstdint>
#include <vector>

#include "models/agents/messages.hpp"
#include "models/scenario/scenario.hpp"
#include "models/world/network.hpp"

namespace retail {

class Inventory {
 public:
  Inventory(const Catalog& catalog, std::vector<std::int32_t> initial, std::vector<Levels> levels);

  std::int32_t on_hand(SkuId sku) const { return on_hand_[sku]; }
  void remove(SkuId sku, std::int32_t units);
  // Units arriving; `ordered` of them fill an outstanding replenishment order.
  void receive(SkuId sku, std::int32_t units, std::int32_t ordered);
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
  // the quantity that brings it to the order-up-to level (recorded as on order); else 0.
  std::int32_t reorder(SkuId sku);

  // SKUs whose stock changed since the last call.
  std::vector<SkuId> take_changed();

  std::int64_t total_on_hand() const { return total_on_hand_; }
  std::int64_t total_on_order() const { return total_on_order_; }
  std::int64_t total_backordered() const { return total_backordered_; }
  std::vector<StockLevel> stock_by_category() const;

 private:
  void changed(SkuId sku, std::int32_t delta);

  const Catalog& catalog_;
  std::vector<std::int32_t> on_hand_;
  std::vector<std::int32_t> on_order_;
  std::vector<std::int32_t> backordered_;
  std::vector<Levels> levels_;
  std::vector<std::uint8_t> is_changed_;
  std::vector<SkuId> changed_;
  std::vector<StockLevel> by_category_;
  std::int64_t total_on_hand_ = 0;
  std::int64_t total_on_order_ = 0;
  std::int64_t total_backordered_ = 0;
};

}  // namespace retail
