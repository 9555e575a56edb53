// Pricing a sale from the promotion slot the customer meets.
#include "models/mechanics/promo_board.hpp"

#include <cmath>

namespace retail {

namespace {
Cents discounted(Cents price, double discount) {
  return std::llround(static_cast<double>(price) * (1 - discount));
}
}  // namespace

void PromoBoard::apply(const PromoSlotUpdate& update) {
  auto& slots = slots_[static_cast<std::size_t>(update.channel)];
  if (slots.empty()) slots.resize(skus_);
  for (const auto& [sku, state] : update.slots)
    slots[sku] = Slot{state, update.discount, update.misapplied_discount};
}

PriceQuote PromoBoard::quote(Channel channel, SkuId sku, const Sku& item) const {
  const auto& slots = slots_[static_cast<std::size_t>(channel)];
  if (slots.empty()) return {item.price_cents, 0, false};
  const Slot& slot = slots[sku];
  switch (slot.state) {
    case PromoSlot::none:
      break;
    case PromoSlot::pending:
    case PromoSlot::wrong:
      return {item.price_cents, 0, true};
    case PromoSlot::correct:
      return {discounted(item.price_cents, slot.discount), 0, false};
    case PromoSlot::misapplied: {
      const Cents charged = discounted(item.price_cents, slot.misapplied_discount);
      return {charged,
              static_cast<std::int32_t>(discounted(item.price_cents, slot.discount) - charged),
              false};
    }
  }
  return {item.price_cents, 0, false};
}

}  // namespace retail
