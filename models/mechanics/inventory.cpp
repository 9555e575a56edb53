// Per-SKU stock keeping and the (s,S) reorder decision.
#include "models/mechanics/inventory.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace retail {

Inventory::Inventory(const Catalog& catalog, std::vector<std::int32_t> initial,
                     std::vector<Levels> levels, Source source)
    : catalog_(catalog),
      on_hand_(std::move(initial)),
      on_order_(on_hand_.size(), 0),
      backordered_(on_hand_.size(), 0),
      levels_(std::move(levels)),
      is_changed_(on_hand_.size(), 0),
      by_category_(catalog.categories.size()),
      held_(catalog.categories.size()),
      source_(source) {
  for (CategoryId category = 0; category < by_category_.size(); ++category)
    by_category_[category].category = category;
  for (SkuId sku = 0; sku < on_hand_.size(); ++sku) {
    auto& slot = by_category_[catalog_.skus[sku].category];
    slot.units += on_hand_[sku];
    slot.cost_cents += on_hand_[sku] * catalog_.skus[sku].unit_cost_cents;
    total_on_hand_ += on_hand_[sku];
  }
  for (CategoryId category = 0; category < by_category_.size(); ++category)
    held_[category].set(static_cast<double>(by_category_[category].cost_cents), 0);
}

double Inventory::held_cent_days(CategoryId category, sim::Time now) const {
  return held_[category].total(now) / static_cast<double>(sim::kTicksPerDay);
}

void Inventory::changed(SkuId sku, std::int32_t delta, sim::Time now) {
  const CategoryId category = catalog_.skus[sku].category;
  auto& slot = by_category_[category];
  slot.units += delta;
  slot.cost_cents += delta * catalog_.skus[sku].unit_cost_cents;
  held_[category].set(static_cast<double>(slot.cost_cents), now);
  total_on_hand_ += delta;
  if (!is_changed_[sku]) {
    is_changed_[sku] = 1;
    changed_.push_back(sku);
  }
}

void Inventory::remove(SkuId sku, std::int32_t units, sim::Time now) {
  if (units > on_hand_[sku]) {
    throw std::logic_error("removing " + std::to_string(units) + " units of SKU " +
                           catalog_.skus[sku].name + " with only " + std::to_string(on_hand_[sku]) +
                           " on hand");
  }
  on_hand_[sku] -= units;
  changed(sku, -units, now);
}

void Inventory::receive(SkuId sku, std::int32_t units, std::int32_t ordered, sim::Time now) {
  on_hand_[sku] += units;
  on_order_[sku] -= ordered;
  total_on_order_ -= ordered;
  changed(sku, units, now);
}

std::int32_t Inventory::reorder(SkuId sku) {
  const std::int32_t position = this->position(sku);
  if (position > levels_[sku].reorder_point) return 0;
  const Sku& item = catalog_.skus[sku];
  std::int32_t quantity = levels_[sku].order_up_to - position;
  if (quantity <= 0) return 0;
  if (source_ == Source::supplier) quantity = std::max(quantity, item.supplier_moq);
  quantity = (quantity + item.case_pack - 1) / item.case_pack * item.case_pack;
  on_order_[sku] += quantity;
  total_on_order_ += quantity;
  return quantity;
}

std::vector<SkuId> Inventory::take_changed() {
  std::vector<SkuId> taken;
  taken.swap(changed_);
  for (const SkuId sku : taken)
    is_changed_[sku] = 0;
  return taken;
}

std::vector<StockLevel> Inventory::stock_by_category() const {
  return by_category_;
}

}  // namespace retail
