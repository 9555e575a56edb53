// A store: shelf inventory, walk-in sales, BOPIS and ship-from-store picks, reorders from its DC
// and a lagging publication of what it offers online.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <unordered_map>
#include <vector>

#include "models/agents/retail_agent.hpp"
#include "models/mechanics/forecast_planner.hpp"
#include "models/mechanics/inventory.hpp"
#include "models/mechanics/packing.hpp"
#include "models/mechanics/promo_board.hpp"

namespace retail {

class StoreAgent final : public RetailAgent {
 public:
  StoreAgent(const Network& network, StoreId store);

  void start(Context& ctx) override;
  void handle(const Event& event, Context& ctx) override;
  void audit(Audit& audit) const override;

  // The smallest delay this agent sends with.
  static sim::Time min_send_delay(const Network& network);
  // Independent random streams: one per kind of draw.
  static constexpr std::uint32_t kStreams = 2;

 private:
  void on(const CustomerArrival& customer, Context& ctx);
  void on(const FulfillOrder& order, Context& ctx);
  void on(const Shipment& shipment, Context& ctx);
  void on(const BopisCollected& pickup, Context& ctx);
  void on(const SyncTick&, Context& ctx);
  void on(const ReviewTick&, Context& ctx);
  void on(const PromoSlotUpdate& update, Context&) { promos_.apply(update); }
  void on(const Intervention& intervention, Context& ctx);
  void on(const DayEnd&, Context& ctx);
  template <class Unexpected>
  void on(const Unexpected&, Context&);

  // A walk-in customer takes `sku` off the shelf at the price the signage shows, unless a
  // promotion mismatch sends them away.
  void serve_walk_in(SkuId sku, CategoryId wanted, CustomerId customer, Context& ctx);
  void sell(SkuId sku, Channel channel, Cents price_cents, std::int32_t dilution_cents);
  // Takes one unit for an online order: held for pickup (BOPIS) or tendered (ship-from-store).
  void fulfil(const OrderLine& line, Context& ctx);
  // Hands a packed line to the zone's carrier.
  void tender(const OrderLine& line, Context& ctx);
  // Whether the store orders the moment a SKU's position calls for it, with no periodic or
  // forecast-driven review to decide.
  bool orders_continuously() const;
  void reorder_if_needed(SkuId sku, Context& ctx);
  // Orders every SKU whose position calls for it (a periodic or forecast-driven review).
  void review_all(Context& ctx);
  // One order to the DC for what the SKUs of `skus` (a range) need, if any need some.
  template <class Skus>
  void order(const Skus& skus, Context& ctx);
  void receive(const StockLine& line, bool transfer, Context& ctx);
  std::vector<StockLevel> stock_levels() const override { return shelf_.stock_by_category(); }

  const Store& config_;
  StoreId store_;
  sim::AgentId dc_;
  CarrierId carrier_;  // of its zone's parcels; the control tower may switch it
  Inventory shelf_;
  std::optional<ForecastPlanner> planner_;  // with a forecast-driven policy
  PromoBoard promos_;
  // Online orders waiting for stock, per SKU (few SKUs at a time, so a map, not a vector).
  std::unordered_map<SkuId, std::deque<QueuedLine>> backorders_;
  std::int64_t backordered_lines_ = 0;
  PackingBench packing_;  // lines of ship-complete orders taken off the shelf, until it is whole
  std::int64_t held_for_pickup_ = 0;
  std::int64_t initial_units_ = 0;
  std::int64_t sold_units_ = 0;
  std::int64_t revenue_cents_ = 0;
  std::int64_t cogs_cents_ = 0;
  std::int64_t dilution_cents_ = 0;
};

}  // namespace retail
