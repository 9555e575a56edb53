// KPI counters and the tables they accumulate in: per agent for the current day (KpiBuffer), and
// per day x channel x category for the whole run (KpiTable), from which the execution spine is
// derived. New spine parts add counters to Counter, and metrics to the catalogue
// (models/metrics/catalogue.hpp) and spine_metrics().
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "models/agents/messages.hpp"
#include "models/metrics/catalogue.hpp"
#include "models/metrics/node_days.hpp"
#include "models/scenario/scenario.hpp"

namespace retail {

enum class Counter : std::uint8_t {
  visits,               // customer visits, including returns after a deferral
  shown_available,      // visits where the customer was shown the SKU as available
  availability_checks,  // orders (or store sales) shown available whose node checked its stock
  fulfillable,          // ... and could really serve
  substitutions,        // out-of-stock visits that bought another SKU instead
  deferrals,            // out-of-stock visits that will come back later
  backorders_accepted,  // out-of-stock visits that accepted a backorder (an order placed)
  lost_sales_units,     // out-of-stock visits that walked away
  lost_sales_cents,     // the price of those units
  orders_placed,
  orders_delivered,  // delivered, or ready for pickup (BOPIS)
  orders_on_time,
  orders_in_full,
  orders_otif,
  orders_cancelled,
  units_sold,
  units_damaged,
  revenue_cents,
  cogs_cents,
  shipping_cost_cents,
  picks_completed,      // DC pick/pack jobs finished
  pick_wait_us,         // their total wait for a free picker, in microseconds
  picks_waited,         // ... of which had to wait at all
  picks_within_target,  // ... of which waited at most kpi.pick_wait_target_minutes
  order_cycle_us,       // total placed -> delivered time of delivered orders, in microseconds
  backorders_queued,    // customer order lines a node queued for want of stock
  backorders_filled,    // ... and later filled
  backorder_age_us,     // their total time queued, in microseconds
  // Orders as customers place them: one checkout, one or more lines (the order-line counters
  // above count lines). An order is booked on its channel and its first line's category.
  customer_orders,           // orders placed (online channels)
  customer_orders_closed,    // ... whose every line was delivered (or ready) or cancelled
  customer_orders_on_time,   // ... every line delivered by its promise
  customer_orders_in_full,   // ... every line delivered undamaged
  customer_orders_otif,      // ... both
  multiline_orders_shipped,  // closed orders of which two or more lines went by carrier
  split_orders,              // ... in more than one parcel
  parcels_shipped,           // parcels carriers collected: one order's lines from one node
  returns_size_fit,          // return requests by reason (in ReturnReason order)
  returns_damaged,
  returns_not_as_described,
  returns_changed_mind,
  refunds_cents,           // prices refunded on return requests
  returned_cogs_cents,     // cost of the returned units, taken back off COGS
  returns_cost_cents,      // labels, handling, refurbishing and destruction
  liquidation_loss_cents,  // cost written off: liquidated units (net of recovery), destroyed ones
  units_returned,          // returned units received at a DC
  units_restocked,         // returned units back in sellable stock (directly or refurbished)
  units_liquidated,
  units_destroyed,
  contacts_late_delivery,  // contacts by reason (in ContactReason order)
  contacts_cancellation,
  contacts_damaged,
  contacts_return_request,
  contacts_promo_mismatch,
  contacts_handled,
  contact_wait_us,         // total wait for an agent, in microseconds
  contacts_waited,         // contacts handled that had to wait at all
  contacts_within_target,  // ... that waited at most customer_service.answer_target_seconds
  contacts_abandoned,      // contacts that left the queue when their patience ran out
  contact_cost_cents,
  appeasement_cents,         // credits granted to contacting customers
  chargeback_cents,          // marketplace penalties for late and cancelled orders
  expedited_shipping_cents,  // the part of shipping cost paid for expedited service
  reships,                   // replacements sent for units delivered damaged
  reship_cost_cents,         // their shipping cost (part of shipping cost)
  promo_slot_seconds,        // time x promotion slots (SKU x channel) advertised
  promo_correct_seconds,     // ... of which the slot was live with the right price and content
  promo_mismatches,          // customers who met a promotion mismatch
  promo_abandons,            // ... and walked away (also counted as lost sales)
  promo_dilution_cents,      // discount given beyond the promotion's by misapplied rules
  ad_spend_cents,
  ad_orders,         // orders placed by customers an ad program brought
  ad_revenue_cents,  // their value at placement: what marketing's ROAS counts
  // Node costs, booked on the channels and categories of the demand the node serves.
  holding_cost_cents,         // stock on hand at DCs and stores, for the time it is held
  purchase_order_cost_cents,  // DCs' purchase orders to suppliers
  store_delivery_cost_cents,  // DC -> store replenishment shipments
  transfer_freight_cents,     // transfer_inventory shipments
  picker_cost_cents,          // DC pickers' paid hours (flexible hours at their premium)
  agent_cost_cents,           // contact-centre agents' paid hours
  // Stations over time, booked like node costs, in seconds: staff on duty (paid), staff busy,
  // jobs waiting, and the station's own time (what the averages are over).
  picker_paid_seconds,
  picker_busy_seconds,
  pick_queue_seconds,
  pick_station_seconds,
  agent_paid_seconds,
  agent_busy_seconds,
  contact_queue_seconds,
  contact_station_seconds,
  // The customer base (scenario.customers), booked on each customer's preferred channel and the
  // category of their latest visit.
  customers_acquired,         // new customers, ad-acquired included
  customers_ad_acquired,      // ... of whom ads brought
  customers_churned,          // customers who stopped visiting
  customers_won_back,         // churned customers who came back
  active_customer_days,       // active customers at each day's end, summed over days
  customer_purchases,         // orders delivered (or ready, or bought in store) to a customer
  repeat_purchases,           // ... who had bought before
  nps_responses,              // the NPS proxy's survey after each closed order
  nps_promoters,              // ... promoters
  nps_detractors,             // ... detractors
  lifetime_value_lost_cents,  // churned customers' expected, discounted future margin
  count
};
inline constexpr std::size_t kCounters = static_cast<std::size_t>(Counter::count);
const std::array<const char*, kCounters>& counter_names();
// The contact counter of a reason.
inline Counter contacts_counter(ContactReason reason) {
  return static_cast<Counter>(static_cast<std::size_t>(Counter::contacts_late_delivery) +
                              static_cast<std::size_t>(reason));
}
// The return-request counter of a reason.
inline Counter returns_counter(ReturnReason reason) {
  return static_cast<Counter>(static_cast<std::size_t>(Counter::returns_size_fit) +
                              static_cast<std::size_t>(reason));
}

// One agent's counters for the day in progress; sent to the recorder at the end of the day.
//
// An add is appended to the day's log and the log is summed when the day is taken: a dense table
// of every channel x category x counter per agent is over 100 KiB, hundreds of agents' tables do
// not stay in cache, and an add then costs a cache miss (a fifth of a large chain's run time
// went there). The log's end is always in cache; summing it uses one table per thread.
class KpiBuffer {
 public:
  explicit KpiBuffer(std::size_t categories = 0) : categories_(categories) {}
  void add(Channel channel, CategoryId category, Counter counter, std::int64_t value = 1) {
    // Adding nothing must not list the cell: a day of false flags would grow the log.
    if (value == 0) return;
    log_.push_back({static_cast<std::uint32_t>(
                        (static_cast<std::size_t>(channel) * categories_ + category) * kCounters +
                        static_cast<std::size_t>(counter)),
                    value});
  }
  // The non-zero counters, summed, in the order first added; the buffer is then empty.
  std::vector<CounterDelta> take();

 private:
  struct Added {
    std::uint32_t cell;  // (channel x categories + category) x kCounters + counter
    std::int64_t value;
  };
  std::size_t categories_;
  std::vector<Added> log_;
};

// Every counter per day x channel x category, and the stock at the end of each day by category.
class KpiTable {
 public:
  // The first `warmup_days` (fewer than `days`) are the start-up transient: in the table and the
  // daily files, not in the spine (spine_metrics).
  // `nodes`: stocking nodes whose days are kept (0: none; see node_days()).
  KpiTable(std::uint32_t days, std::size_t categories, std::uint32_t warmup_days = 0,
           std::uint32_t nodes = 0);

  // Adds a report; days at or beyond the horizon are ignored (they are after the run's end).
  void add(const KpiReport& report);
  void add(std::uint32_t day, const std::vector<CounterDelta>& flows);
  // A node's day, when the table keeps node days.
  void add(const NodeDay& day) { node_days_.add(day); }

  std::uint32_t days() const { return days_; }
  std::uint32_t warmup_days() const { return warmup_days_; }
  std::size_t categories() const { return categories_; }
  std::int64_t at(std::uint32_t day, Channel channel, CategoryId category, Counter counter) const;
  std::int64_t stock_units(std::uint32_t day, CategoryId category) const;
  std::int64_t stock_cost_cents(std::uint32_t day, CategoryId category) const;
  // Orders placed but neither delivered nor cancelled, at the end of `day`, as the order managers
  // know them: an order stays open until the delivery or cancellation notice reaches them (one
  // routing latency after the event).
  std::int64_t open_orders(std::uint32_t day) const { return open_orders_[day]; }
  // Summed over days, channels and categories: the whole run's, warm-up included.
  std::int64_t total(Counter counter) const;
  // Each stocking node's days, when the scenario keeps them (kpi.node_days).
  const NodeDays& node_days() const { return node_days_; }

  bool operator==(const KpiTable&) const = default;

  // The table's storage as it is, and a table rebuilt from it (std::invalid_argument when the
  // sizes do not fit `days` and `categories`, or the warm-up is not shorter than the run): to send
  // a table to another process exactly.
  using Cells = std::vector<std::array<std::int64_t, kCounters>>;
  const Cells& cells() const { return cells_; }
  const std::vector<StockLevel>& stock() const { return stock_; }
  const std::vector<std::int64_t>& open_orders_by_day() const { return open_orders_; }
  KpiTable(std::uint32_t days, std::size_t categories, std::uint32_t warmup_days, Cells cells,
           std::vector<StockLevel> stock, std::vector<std::int64_t> open_orders,
           NodeDays node_days = {});

 private:
  std::size_t index(std::uint32_t day, Channel channel, CategoryId category) const;

  void check_warmup() const;

  std::uint32_t days_;
  std::size_t categories_;
  std::uint32_t warmup_days_;
  Cells cells_;
  std::vector<StockLevel> stock_;  // [day * categories + category]
  std::vector<std::int64_t> open_orders_;
  NodeDays node_days_;
};

// A derived KPI of a whole run; NaN when undefined (a ratio with a zero denominator).
struct Metric {
  MetricId id;
  double value;
};

// Counter totals over some slice of a table (days, channels, categories, agents).
using CounterTotals = std::array<std::int64_t, kCounters>;

// The flow metrics (ratios, counts and money of a slice, in flow_metric_ids() order) computed
// from totals: what control-tower rules may watch.
std::vector<Metric> flow_metrics(const CounterTotals& totals);

// The execution spine and money of one replication, in spine_metric_ids() order, over the days
// after the table's warm-up.
std::vector<Metric> spine_metrics(const KpiTable& table);
// The flow metrics of one day x channel x category cell (for time series).
std::vector<Metric> daily_metrics(const KpiTable& table, std::uint32_t day, Channel channel,
                                  CategoryId category);

}  // namespace retail
