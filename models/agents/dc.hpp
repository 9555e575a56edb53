// A distribution centre: stock replenished from suppliers by (s,S), store replenishment, and a
// pick/pack station where web and marketplace orders queue for the pickers on duty before going
// to carriers.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <unordered_map>
#include <variant>
#include <vector>

#include "models/agents/retail_agent.hpp"
#include "models/mechanics/fifo_station.hpp"
#include "models/mechanics/forecast_planner.hpp"
#include "models/mechanics/inventory.hpp"
#include "models/mechanics/packing.hpp"
#include "models/mechanics/store_loads.hpp"

namespace retail {

class DcAgent final : public RetailAgent {
 public:
  DcAgent(const Network& network, DcId dc);

  void start(Context& ctx) override;
  void handle(const Event& event, Context& ctx) override;
  void audit(Audit& audit) const override;

  static sim::Time min_send_delay(const Network& network);
  // Independent random streams: one per kind of draw.
  static constexpr std::uint32_t kStreams = 4;

 private:
  // A store's reorder this DC could not fill yet.
  struct StoreRequest {
    StoreId store;
    std::int32_t quantity;
  };
  using Backorder = std::variant<StoreRequest, QueuedLine>;

  void on(const FulfillOrder& order, Context& ctx);
  void on(const ReplenishmentOrder& request, Context& ctx);
  void on(const SupplierReceipt& receipt, Context& ctx);
  void on(const Shipment& transfer, Context& ctx);
  void on(const Intervention& intervention, Context& ctx);
  void on(const PickDone& done, Context& ctx);
  void on(const RosterChange&, Context& ctx);
  void on(const FlexibleHoursEnd& end, Context& ctx);
  void on(const SyncTick&, Context& ctx);
  void on(const ReviewTick&, Context& ctx);
  void on(const ReturnParcel& parcel, Context& ctx);
  void on(const GradingDone& graded, Context& ctx);
  void on(const RefurbishDone& done, Context& ctx);
  void on(const DayEnd&, Context& ctx);
  template <class Unexpected>
  void on(const Unexpected&, Context&);

  // Takes what stock there is of a store's `quantity` out of sellable stock; returns the units.
  std::int32_t release_for_store(SkuId sku, std::int32_t quantity, Context& ctx);
  // Sends `load`, already out of stock, to the store on one truck (none if it is empty).
  void dispatch(StoreId store, std::vector<StockLine> load, Context& ctx);
  // Sends the fills waiting on the dock for `store`.
  void dispatch_dock(StoreId store, Context& ctx);
  void serve_backorders(SkuId sku, Context& ctx);
  // A returned unit goes back into sellable stock.
  void restock(const OrderLine& line, Context& ctx);
  void add_returns_cost(const OrderLine& line, Cents cost);
  void start_pick(const OrderLine& line, Context& ctx);
  // Hands a packed line to the zone's carrier.
  void tender(const OrderLine& line, Context& ctx);
  void begin_picking(const FifoStation<OrderLine>::Job& job, Context& ctx);
  // The pickers on duty changed: those coming on duty start queued picks.
  void restaff(Context& ctx);
  // Whether the DC orders the moment a SKU's position calls for it, with no periodic or
  // forecast-driven review to decide.
  bool orders_continuously() const;
  void reorder_if_needed(SkuId sku, Context& ctx);
  // One purchase order for what the SKUs of `skus` (a range) need, if any need some.
  template <class Skus>
  void place_purchase_order(const Skus& skus, Context& ctx);
  void receive(const StockLine& line, bool from_supplier, Context& ctx);
  // A purchase order for every SKU whose position calls for it (a periodic or forecast review).
  void review_all(Context& ctx);
  std::vector<StockLevel> stock_levels() const override { return stock_.stock_by_category(); }

  const Dc& config_;
  DcId dc_;
  // What the control tower may change: each zone's carrier and each return reason's disposition.
  std::vector<CarrierId> carrier_of_zone_;
  std::array<std::array<double, kDispositions>, kReturnReasons> disposition_;
  Inventory stock_;
  std::optional<ForecastPlanner> planner_;  // with a forecast-driven policy
  Crew crew_;
  FifoStation<OrderLine> picking_;
  // Per SKU, first come first served (few SKUs at a time, so a map, not a vector).
  std::unordered_map<SkuId, std::deque<Backorder>> backorders_;
  std::int64_t backordered_lines_ = 0;
  StoreLoads dock_;       // backorder fills waiting for their store's next delivery
  PackingBench packing_;  // picked lines of ship-complete orders, until the order is whole
  // When the last truck left for each store, and the last purchase order went out.
  std::vector<sim::Time> last_delivery_;
  sim::Time last_purchase_order_ = -1;
  std::int64_t initial_units_ = 0;
  std::int64_t received_units_ = 0;
  std::int64_t returned_units_ = 0;
  std::int64_t in_returns_ = 0;  // returned units being graded or refurbished
  std::int64_t liquidated_units_ = 0;
  std::int64_t destroyed_units_ = 0;
  std::int64_t returns_cost_cents_ = 0;
  std::int64_t liquidation_loss_cents_ = 0;
};

}  // namespace retail
