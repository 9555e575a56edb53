// The messages retail agents exchange: small value types in one std::variant.
#pragma once

#include <cstdint>
#include <utility>
#include <variant>
#include <vector>

#include "models/scenario/scenario.hpp"
#include "sim/agent.hpp"
#include "sim/context.hpp"
#include "sim/event.hpp"
#include "sim/time.hpp"

namespace retail {

// A customer of a zone's base (models/mechanics/customer_base.hpp), or nobody in particular.
using CustomerId = std::uint32_t;
inline constexpr CustomerId kAnonymous = 0xffffffffU;

// One customer order line (one unit of one SKU) as it travels through fulfillment. The lines of
// one order share its id; the order manager keeps what the order needs to be scored whole.
struct OrderLine {
  std::uint64_t id = 0;  // the order's
  SkuId sku = 0;
  ZoneId zone = 0;
  sim::AgentId node = 0;             // the store or DC fulfilling it
  CustomerId customer = kAnonymous;  // of the zone's base
  sim::Time placed_at = 0;
  sim::Time promised_by = 0;
  Cents price_cents = 0;            // what the customer pays for it
  std::int32_t dilution_cents = 0;  // discount beyond the promotion's, from a misapplied rule
  std::uint8_t order_lines = 1;     // lines the order was placed with (at most kMostBasketLines)
  // Lines of the order its node gathers before handing any over (orders.line_routing
  // ship_complete); 1: each line is handed over when it is ready.
  std::uint8_t pack_with = 1;
  // In bits, so that a line stays 56 bytes and the message variant 80 (every pending event holds
  // the largest message).
  Channel channel : 2 = Channel::web;
  Service service : 1 = Service::standard;
  bool promo_mismatch : 1 = false;  // bought after meeting a promotion mismatch
  bool reship : 1 = false;          // a replacement for a unit delivered damaged
  bool backorder : 1 = false;       // accepted out of stock, to ship when the node has the unit
};

// Demand generator -> itself, every hour: draw the next hour's customers.
struct DemandTick {};
// A customer who wants one unit of `sku` through `channel` (to a store, or to the zone's order
// manager for the online channels). `attempt` counts earlier out-of-stock deferrals. A basket of
// several lines arrives as that many messages at one instant, line 0 first, each naming its
// line and the basket's size; a store serves each line as a walk-in purchase of its own.
struct CustomerArrival {
  SkuId sku = 0;
  Channel channel = Channel::store;
  std::uint8_t attempt = 0;
  std::uint8_t basket_lines = 1;
  std::uint8_t basket_line = 0;
  StoreId store = 0;                // the store chosen (store and BOPIS channels)
  std::int32_t ad_program = kNoAd;  // the ad program that brought the customer, if any
  CustomerId customer = kAnonymous;
  static constexpr std::int32_t kNoAd = -1;
};

// Any agent -> the demand generator of the customer's zone: the customer lived through this.
struct CustomerTouch {
  CustomerId customer = kAnonymous;
  Experience experience = Experience::on_time;
};

// Promotion or ad program -> demand generators: from now on, demand for `skus` on the channels in
// `channels` (a bit per Channel) is multiplied by `lift`, until the same source sends again.
struct DemandLift {
  enum class Source : std::uint8_t { promotion, ad_program };
  Source source = Source::promotion;
  std::uint32_t index = 0;  // into scenario.promotions or scenario.advertising.programs
  std::uint8_t channels = 0;
  double lift = 1;
  std::vector<SkuId> skus;
};

// How a promoted SKU is priced on one channel: not promoted, advertised but not live yet, live
// and correct, live with a wrong or missing price, or live with an over-discounting rule.
enum class PromoSlot : std::uint8_t { none, pending, correct, wrong, misapplied };
// Promotion -> the agents that price a channel (stores for the store channel, order managers for
// the online ones): the new state of some of its SKU slots.
struct PromoSlotUpdate {
  Channel channel = Channel::store;
  double discount = 0;             // the promotion's discount
  double misapplied_discount = 0;  // what a misapplied rule gives instead
  std::vector<std::pair<SkuId, PromoSlot>> slots;
};
// Promotion -> itself: the launch, a channel going live, the end.
struct PromoPhase {
  enum class Kind : std::uint8_t { launch, channel_live, end };
  Kind kind = Kind::launch;
  Channel channel = Channel::store;
};

// Order manager -> ad program, once a day: orders placed by customers the program brought, and
// their value (what marketing's ROAS is computed from).
struct AdAttribution {
  std::uint32_t day = 0;
  std::int64_t orders = 0;
  Cents revenue_cents = 0;
};
// Control tower -> the agents that carry out one action of a rule's decision (the action itself
// is read from scenario.control_tower.rules[rule].actions[action]).
struct Intervention {
  std::uint32_t rule = 0;
  std::uint32_t action = 0;
};
// Control tower -> itself: the daily rule evaluation, the weekly reallocation review, the
// status-quo review, and a pending decision on a fired rule.
struct EvaluationTick {};
struct WeeklyReview {};
struct PeriodicReview {};
struct DecisionDue {
  std::uint32_t rule = 0;
};

// Order manager -> node: fulfil this line. Node -> order manager: it could not.
struct FulfillOrder {
  OrderLine line;
};
struct OrderCancelled {
  OrderLine line;
};
// Node -> carrier: a packed parcel. Carrier -> order manager: it arrived (or BOPIS: it is ready).
struct Tender {
  OrderLine line;
};
struct Delivered {
  OrderLine line;
  bool damaged = false;
  bool first_in_parcel = true;  // the parcel's other lines, if any, arrive with it
  sim::Time at = 0;             // when it arrived (or became ready); the message itself lags behind
};

// Units of one SKU: a line of a replenishment or purchase order, of a truck's load, of a transfer.
struct StockLine {
  SkuId sku = 0;
  std::int32_t units = 0;
};
// Store -> DC: what a store orders at one moment.
struct ReplenishmentOrder {
  StoreId store = 0;
  std::vector<StockLine> lines;
};
// DC -> store, or node -> node on the control tower's orders: what one truck carries.
struct Shipment {
  std::vector<StockLine> lines;
  bool transfer = false;  // moved between nodes by the control tower, not ordered
};
// DC -> itself: a purchase order's delivery from the supplier.
struct SupplierReceipt {
  std::vector<StockLine> lines;
};

// Node -> order manager: the units each SKU now offers online (only SKUs that changed).
struct AvailabilityUpdate {
  sim::AgentId node = 0;
  std::vector<std::pair<SkuId, std::int32_t>> levels;
};

// Order manager -> itself: the customer asks to return a delivered unit (and is refunded).
struct ReturnDue {
  OrderLine line;
  ReturnReason reason = ReturnReason::changed_mind;
};
// Order manager -> DC: the returned unit, arriving after the trip back. DC -> itself: grading
// and refurbishing finished.
struct ReturnParcel {
  OrderLine line;
  ReturnReason reason = ReturnReason::changed_mind;
};
struct GradingDone {
  OrderLine line;
  ReturnReason reason = ReturnReason::changed_mind;
};
struct RefurbishDone {
  OrderLine line;
};

// Order manager -> customer service: a customer contacts us about an order. Customer service
// -> itself: an agent finished a contact; a waiting contact's patience ran out (its ticket in
// the agents' queue).
struct Contact {
  OrderLine line;
  ContactReason reason = ContactReason::late_delivery;
};
struct ContactHandled {};
struct PatienceEnds {
  std::uint64_t ticket = 0;
};

// Self-scheduled clocks.
struct SyncTick {};
struct ReviewTick {};
struct MarketplaceRefresh {};
struct PickDone {
  OrderLine line;
};
struct PickupTick {};
struct BopisCollected {
  OrderLine line;
};
struct DayEnd {};
// A station's roster changes the staff on duty (DC pickers, contact-centre agents).
struct RosterChange {};
// Staff an add_labour action called in go off duty.
struct FlexibleHoursEnd {
  std::uint32_t staff = 0;
};

// Agent -> KPI recorder, once a day: counter increments and end-of-day stock by category.
struct CounterDelta {
  Channel channel = Channel::store;
  CategoryId category = 0;
  std::uint8_t counter = 0;
  std::int64_t value = 0;
};
struct StockLevel {
  CategoryId category = 0;
  std::int64_t units = 0;
  std::int64_t cost_cents = 0;
  bool operator==(const StockLevel&) const = default;
};
// A stocking node's stock position at the end of a day, and what it received that day.
struct NodeStock {
  std::int64_t on_hand = 0;
  std::int64_t on_order = 0;     // replenishment ordered, not yet received
  std::int64_t backordered = 0;  // units owed to customers and stores
  std::int64_t receipts = 0;     // units received from replenishment and transfers that day
  std::int64_t position() const { return on_hand + on_order - backordered; }
  bool operator==(const NodeStock&) const = default;
};
// The replenishment orders one node placed in one category on one day.
struct ReplenishmentCount {
  CategoryId category = 0;
  std::int64_t orders = 0;
  std::int64_t units = 0;
};
// A DC's or store's day, sent to the recorder beside its KpiReport when the scenario keeps node
// days (a message of its own: inside KpiReport it would widen every message).
struct NodeDay {
  std::uint32_t node = 0;  // in Network node order: the DCs, then the stores
  std::uint32_t day = 0;
  NodeStock stock;
  std::vector<ReplenishmentCount> orders;  // categories with orders only
};
struct KpiReport {
  std::uint32_t day = 0;
  std::vector<CounterDelta> flows;
  std::vector<StockLevel> stock;
  std::int64_t open_orders = 0;
};

using Msg =
    std::variant<DemandTick, CustomerArrival, FulfillOrder, OrderCancelled, Tender, Delivered,
                 ReplenishmentOrder, Shipment, SupplierReceipt, AvailabilityUpdate, SyncTick,
                 ReviewTick, MarketplaceRefresh, PickDone, PickupTick, BopisCollected, DayEnd,
                 RosterChange, FlexibleHoursEnd, ReturnDue, ReturnParcel, GradingDone,
                 RefurbishDone, Contact, ContactHandled, PatienceEnds, CustomerTouch, DemandLift,
                 PromoSlotUpdate, PromoPhase, AdAttribution, Intervention, EvaluationTick,
                 WeeklyReview, PeriodicReview, DecisionDue, KpiReport, NodeDay>;
using Event = sim::Event<Msg>;
using Context = sim::Context<Msg>;

}  // namespace retail
