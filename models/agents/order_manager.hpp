// A zone's order manager: takes web, marketplace and BOPIS customers, shows them availability from
// a view that lags the nodes' real stock, promises a date, routes orders to a DC or store, and
// scores deliveries on time and in full against the promise: each line, and each order once its
// last line is delivered or cancelled. An order of several lines is routed line by line (split)
// or whole to the node showing most of it (ship_complete), as orders.line_routing says.
#pragma once

#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "models/agents/retail_agent.hpp"
#include "models/mechanics/promo_board.hpp"

namespace retail {

class OrderManagerAgent final : public RetailAgent {
 public:
  OrderManagerAgent(const Network& network, ZoneId zone);

  void start(Context& ctx) override;
  void handle(const Event& event, Context& ctx) override;
  void audit(Audit& audit) const override;

  static sim::Time min_send_delay(const Network& network);
  static constexpr std::uint32_t kStreams = 3;

 private:
  void on(const CustomerArrival& customer, Context& ctx);
  void on(const AvailabilityUpdate& update, Context& ctx);
  void on(const MarketplaceRefresh&, Context& ctx);
  void on(const Delivered& delivery, Context& ctx);
  void on(const OrderCancelled& cancellation, Context& ctx);
  void on(const ReturnDue& request, Context& ctx);
  void on(const PromoSlotUpdate& update, Context&) { promos_.apply(update); }
  void on(const Intervention& intervention, Context& ctx);
  void on(const DayEnd&, Context& ctx);
  template <class Unexpected>
  void on(const Unexpected&, Context&);

  // Serves one line of the customer's order: shown available or not, checked out or reacted to.
  // `chosen` is the node every line of a ship-complete order goes to, or kAnyNode.
  void serve_line(const CustomerArrival& customer, int chosen, Context& ctx);
  // The node a ship-complete order of `skus` goes to: the one whose view shows most of its lines.
  int choose_node(const std::vector<SkuId>& skus, const CustomerArrival& customer) const;
  // Starts the order of the customer being served, and sends it once every line is served.
  void begin_order();
  void submit(Context& ctx);
  // A line of an order was delivered (or ready), or cancelled: the order closes with its last,
  // and the customer hears how it went.
  void resolve(const OrderLine& line, const Delivered* delivery, Context& ctx);
  // The node (index into nodes_) that would fulfil `sku` for this customer as the view shows it,
  // or -1 when the customer sees it unavailable.
  int route(SkuId sku, const CustomerArrival& customer) const;
  bool shown(int node, SkuId sku, Channel channel) const;
  // The customer meets the SKU's price (and any promotion mismatch) and, unless they walk away,
  // places the order with `node`.
  // A backorder is promised as if ordered one lead time of `node` later, and reserves nothing.
  // `wait`: accepted (the customer took a backorder) or held (a ship-complete line the node does
  // not show, which waits there as its backorder).
  enum class Wait : std::uint8_t { none, accepted, held };
  void checkout(SkuId sku, int node, const CustomerArrival& customer, Context& ctx,
                Wait wait = Wait::none);
  // With backorders offered, the customer who found the SKU unavailable may accept one from
  // `chosen` (or, with kAnyNode, the node that would ship it); returns whether they did.
  bool offer_backorder(const CustomerArrival& customer, int chosen, Context& ctx);
  // Reserves and counts the line; it is sent with the rest of its order (submit).
  void place(OrderLine line, int node, const CustomerArrival& customer, bool accepted);
  // A node's expected replenishment lead time, in days.
  double lead_days(int node) const;
  // Replaces a unit delivered damaged from the zone's DC.
  void reship(OrderLine line, Context& ctx);
  sim::Time promise(Channel channel, Service service, sim::Time now) const;
  // Decides whether (and why) a delivered unit will come back, and schedules the request.
  void maybe_return(const OrderLine& line, Context& ctx);
  // The customer may contact customer service about `line`; a marketplace order that failed
  // its promise also costs a chargeback.
  void maybe_contact(const OrderLine& line, ContactReason reason, Context& ctx);
  void charge_back(const OrderLine& line);
  std::int64_t open_orders() const override { return placed_ - delivered_ - cancelled_; }

  // What one ad program brought today.
  struct Attribution {
    std::int64_t orders = 0;
    Cents revenue_cents = 0;
  };

  ZoneId zone_;
  std::vector<sim::AgentId> nodes_;  // the zone's DC, then its stores
  std::unordered_map<sim::AgentId, int> node_index_;
  std::vector<std::vector<std::int32_t>> view_;  // [node][sku] units shown online
  std::vector<std::int32_t> marketplace_;        // the marketplace's copy of the DC's row
  PromoBoard promos_;
  // What the control tower may change: promises, service, PDP sizing content, packaging.
  double promise_extra_hours_ = 0;
  std::array<Service, kChannels> service_{};
  double sizing_content_quality_;
  double packaging_standard_;
  std::vector<Attribution> attribution_;  // per ad program, for the day in progress
  std::uint64_t next_order_ = 0;
  // The basket arriving now, line by line (baskets of several lines only), and the lines the
  // customer being served has placed, with their nodes, until the order is sent.
  std::vector<SkuId> basket_;
  std::uint64_t order_id_ = 0;
  std::vector<std::pair<OrderLine, int>> placing_;
  // A customer order of several lines, until every line is delivered or cancelled.
  struct OpenOrder {
    Channel channel = Channel::web;
    CategoryId category = 0;  // its first line's
    CustomerId customer = kAnonymous;
    std::uint8_t lines = 0;
    std::uint8_t resolved = 0;
    std::uint8_t by_carrier = 0;  // lines delivered by carrier
    std::uint8_t parcels = 0;     // ... and the parcels they came in
    bool on_time = true;
    bool in_full = true;
    bool cancelled = false;  // a line of it was
  };
  void close(const OpenOrder& order, Context& ctx);
  std::unordered_map<std::uint64_t, OpenOrder> open_orders_;
  std::int64_t one_line_open_ = 0;  // open orders of one line (kept out of the map)
  std::int64_t customer_orders_ = 0;
  std::int64_t customer_orders_closed_ = 0;
  std::int64_t customer_order_lines_ = 0;
  std::int64_t placed_ = 0;
  std::int64_t delivered_ = 0;
  std::int64_t cancelled_ = 0;
  std::int64_t sold_units_ = 0;
  std::int64_t damaged_units_ = 0;
  std::int64_t revenue_cents_ = 0;
  std::int64_t cogs_cents_ = 0;
  std::int64_t refunds_cents_ = 0;
  std::int64_t returned_cogs_cents_ = 0;
  std::int64_t return_labels_cents_ = 0;
  std::int64_t chargeback_cents_ = 0;
  std::int64_t dilution_cents_ = 0;
  std::int64_t reships_sent_ = 0;
  std::int64_t reships_delivered_ = 0;
  std::int64_t reships_cancelled_ = 0;
};

}  // namespace retail
