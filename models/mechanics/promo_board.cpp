// Pricing a sale from the promotion slot the customer meets.
#include "models/mechanics/promo_board.hpp"

#include <algorithm>
#include <cmath>

namespace retail {

namespace {
Cents discounted(Cents price, double discount) {
  return std::llround(static_cast<double>(price) * (1 - discount));
}
}  // namespace

std::uint32_t PromoBoard::terms_of(const PromoSlotUpdate& update) {
  const Terms terms{update.discount, update.misapplied_discount};
  const auto known = std::find(terms_.begin(), terms_.end(), terms);
  if (known != terms_.end()) return static_cast<std::uint32_t>(known - terms_.begin());
  terms_.push_back(terms);
  return static_cast<std::uint32_t>(terms_.size() - 1);
}

void PromoBoard::apply(const PromoSlotUpdate& update) {
  auto& slots = slots_[static_cast<std::size_t>(update.channel)];
  if (slots.empty()) slots.resize(skus_);
  const std::uint32_t terms = terms_of(update);
  for (const auto& [sku, state] : update.slots)
    slots[sku] = Slot{state, terms};
}

PriceQuote PromoBoard::quote(Channel channel, SkuId sku, const Sku& item) const {
  const auto& slots = slots_[static_cast<std::size_t>(channel)];
  if (slots.empty()) return {item.price_cents, 0, false};
  const Slot& slot = slots[sku];
  if (slot.state == PromoSlot::none) return {item.price_cents, 0, false};
  const Terms& terms = terms_[slot.terms];
  switch (slot.state) {
    case PromoSlot::none:
      break;
    case PromoSlot::pending:
    case PromoSlot::wrong:
      return {item.price_cents, 0, true};
    case PromoSlot::correct:
      return {discounted(item.price_cents, terms.discount), 0, false};
    case PromoSlot::misapplied: {
      const Cents charged = discounted(item.price_cents, terms.misapplied_discount);
      return {charged,
              static_cast<std::int32_t>(discounted(item.price_cents, terms.discount) - charged),
              false};
    }
  }
  return {item.price_cents, 0, false};
}

}  // namespace retail
