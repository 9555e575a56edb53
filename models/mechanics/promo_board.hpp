// The promotion prices an agent charges on its channels, as the promotions last told it: each
// SKU slot is not promoted, advertised but not live yet, live and correct, live but wrong, or live
// with a misapplied (over-discounting) rule.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "models/agents/messages.hpp"
#include "models/scenario/scenario.hpp"

namespace retail {

struct PriceQuote {
  Cents price_cents = 0;
  std::int32_t dilution_cents = 0;  // discount beyond the promotion's
  bool mismatch = false;            // the advertised discount is not there (price shown in full)
};

class PromoBoard {
 public:
  explicit PromoBoard(std::size_t skus) : skus_(skus) {}

  void apply(const PromoSlotUpdate& update);
  PriceQuote quote(Channel channel, SkuId sku, const Sku& item) const;

 private:
  // A promotion's discounts, shared by the slots it set: a slot per SKU and channel at hundreds
  // of agents is a large share of a big chain's memory, so each slot is 8 bytes.
  struct Terms {
    double discount = 0;
    double misapplied_discount = 0;
    bool operator==(const Terms&) const = default;
  };
  struct Slot {
    PromoSlot state = PromoSlot::none;
    std::uint32_t terms = 0;  // into terms_
  };
  std::uint32_t terms_of(const PromoSlotUpdate& update);

  std::size_t skus_;
  std::vector<Terms> terms_;
  // Per channel, sized on the first update for it: most agents price only some channels.
  std::array<std::vector<Slot>, kChannels> slots_;
};

}  // namespace retail
