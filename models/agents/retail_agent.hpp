// What every retail agent shares: a daily report of its KPI counters to the recorder, its part of
// the end-of-run audit, and the costs that belong to no one order (stock held, trucks, purchase
// orders, staff on duty), booked on the channels and categories of the demand it serves.
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "models/agents/messages.hpp"
#include "models/mechanics/cost_shares.hpp"
#include "models/mechanics/crew.hpp"
#include "models/mechanics/fifo_station.hpp"
#include "models/mechanics/inventory.hpp"
#include "models/mechanics/transfer.hpp"
#include "models/metrics/audit.hpp"
#include "models/metrics/kpi.hpp"
#include "models/world/network.hpp"

namespace retail {

class RetailAgent : public sim::Agent<Msg> {
 public:
  explicit RetailAgent(const Network& network);

  // Adds what this agent holds and has counted to the audit.
  virtual void audit(Audit& audit) const = 0;
  // Adds the counters not yet reported (those of the run's last day) to `table`.
  void collect_unreported(KpiTable& table) const;

 protected:
  // Schedules the first DayEnd; call from start().
  void start_days(Context& ctx);
  // Reports the day that just ended and schedules the next DayEnd; call on DayEnd.
  void end_day(Context& ctx);
  KpiBuffer& kpis() { return kpis_; }
  const Network& network() const { return network_; }
  // The action a control-tower intervention asks this agent to carry out.
  const Action& action_of(const Intervention& intervention) const {
    return network_.scenario.control_tower.rules[intervention.rule].actions[intervention.action];
  }
  // The customer of zone `zone` lived through `experience`: their base hears of it one KPI report
  // latency later (no message for an anonymous customer).
  void touch(ZoneId zone, CustomerId customer, Experience experience, Context& ctx) const {
    if (customer == kAnonymous) return;
    ctx.send(network_.ids.demand[zone], network_.report_latency,
             CustomerTouch{customer, experience});
  }
  void touch(const OrderLine& line, Experience experience, Context& ctx) const {
    touch(line.zone, line.customer, experience, ctx);
  }
  // An intervention that reached an agent which does not carry out its kind of action: a bug.
  [[noreturn]] void misrouted(const Intervention& intervention, const std::string& agent,
                              const Context& ctx) const;
  // Stock by category and open orders at this moment, for the end-of-day report.
  virtual std::vector<StockLevel> stock_levels() const { return {}; }
  virtual std::int64_t open_orders() const { return 0; }
  // A way of booking this agent's costs and times on the KPI table's cells; the first one added
  // is the one book_cost uses.
  using Shares = std::size_t;
  Shares share_costs(CostShares shares);
  // This agent is a DC or store, node `node` in Network order, holding `stock` for the demand
  // `shares` describes: the stock's holding cost is booked at the end of every day, and, when
  // the scenario keeps node days, its end-of-day reports carry the stock position and the day's
  // receipts and replenishment orders.
  void hold_stock(std::uint32_t node, const Inventory& stock, Shares shares);
  // A cost of the agent's (`counter`: a cost counter) for all its categories, or for one.
  void book_cost(Counter counter, Cents cents);
  void book_cost(Counter counter, CategoryId category, Cents cents);
  // What a staffed station books: its labour cost and its times on duty, busy, waiting and open.
  struct StationCounters {
    Counter cost, paid, busy, queue, open;
    Cents hour_cents;  // an hour on duty
  };
  // The station's labour (flexible hours at costs.flexible_premium) and times accrue over the
  // run and are booked on `shares` at the end of every day.
  template <class Item>
  void staff_station(const FifoStation<Item>& station, const Crew& crew, StationCounters counters,
                     Shares shares) {
    const double premium = network_.scenario.costs.flexible_premium;
    const double cents_per_tick =
        static_cast<double>(counters.hour_cents) / static_cast<double>(sim::kTicksPerHour);
    constexpr double kSecondsPerTick = 1.0 / static_cast<double>(sim::kTicksPerSecond);
    accrue(counters.cost, shares, std::nullopt, [&station, &crew, premium, cents_per_tick](auto t) {
      return cents_per_tick * (station.on_duty_ticks(t) + (premium - 1) * crew.flexible_ticks(t));
    });
    accrue(counters.paid, shares, std::nullopt,
           [&station](auto t) { return station.on_duty_ticks(t) * kSecondsPerTick; });
    accrue(counters.busy, shares, std::nullopt,
           [&station](auto t) { return station.busy_ticks(t) * kSecondsPerTick; });
    accrue(counters.queue, shares, std::nullopt,
           [&station](auto t) { return station.waiting_ticks(t) * kSecondsPerTick; });
    accrue(counters.open, shares, std::nullopt,
           [](auto t) { return static_cast<double>(t) * kSecondsPerTick; });
  }
  // Schedules the crew's next RosterChange, if its roster ever changes: call from start() and on
  // every RosterChange.
  void follow_roster(const Crew& crew, Context& ctx) {
    if (const sim::Time next = crew.next_change(ctx.now()); next != sim::kNever)
      ctx.schedule(next - ctx.now(), RosterChange{});
  }
  // Freight (`counter`) of `units` of `sku` leaving on a truck; `new_shipment` when they are the
  // first units on it, which pay for the truck.
  void book_freight(Counter counter, const Freight& freight, bool new_shipment, SkuId sku,
                    std::int32_t units);
  // The freight of a transfer_inventory move: one truck for all its lines.
  void book_transfer_freight(const std::vector<StockLine>& moved);
  // Call after each event of a node holding `stock`: when its stock changed and no sync is due
  // yet, a SyncTick is due at the next tick of the availability interval (counted from time 0).
  // A node with nothing to tell skips the interval's ticks.
  void sync_if_changed(const Inventory& stock, Context& ctx);
  // The due SyncTick arrived (and took the changes).
  void synced() { sync_due_ = false; }
  // Adds the costs booked, and the holding cost since the last day's end, to the audit.
  void audit_costs(Audit& audit) const;
  void count_replenishment_order(CategoryId category, std::int32_t units);
  void count_receipt(std::int32_t units) {
    if (node_) node_->receipts += units;
  }
  // A customer's order line a node queued for want of stock, since when.
  struct QueuedLine {
    OrderLine line;
    sim::Time since;
  };
  // The line joins its node's backorder queue now (counted).
  QueuedLine queue_backorder(const OrderLine& line, const Context& ctx);
  // The queued line is filled now: counted, with how long it waited.
  void count_backorder_filled(const QueuedLine& queued, const Context& ctx);

 private:
  struct NodeTally {
    std::uint32_t node;
    const Inventory* stock;
    std::int64_t receipts = 0;
    std::vector<ReplenishmentCount> orders;  // per category
  };
  // A quantity that accrues continuously (stock held, staff on duty): booked at each day's end
  // as its running total, rounded, less what was booked before, so roundings never add up.
  struct Accrual {
    Counter counter;
    Shares shares;
    std::optional<CategoryId> category;  // booked on one category's channels, or on every cell
    std::function<double(sim::Time)> total;
    std::int64_t booked = 0;
    std::int64_t due(sim::Time now) const {
      return static_cast<std::int64_t>(std::llround(total(now))) - booked;
    }
  };
  void accrue(Counter counter, Shares shares, std::optional<CategoryId> category,
              std::function<double(sim::Time)> total);
  std::optional<NodeDay> node_day() const;
  // Adds `amount` of `counter` to `buffer`, over `shares`' cells or one category's channels.
  void spread(KpiBuffer& buffer, Counter counter, Shares shares, std::optional<CategoryId> category,
              std::int64_t amount) const;
  // Books `amount` of `counter` over `shares` or one category: a cost in its ledger at once and
  // on the cells at the day's end, anything else on the cells at once.
  void book(Counter counter, Shares shares, std::optional<CategoryId> category,
            std::int64_t amount);
  // Spreads the costs booked since the day began into `buffer`.
  void spread_costs_of_the_day(KpiBuffer& buffer) const;
  static void check_cost(Counter counter);

  // What the agent has booked of each cost counter, for the audit.
  struct CostLedger {
    Cents holding = 0;
    Cents purchase_orders = 0;
    Cents store_deliveries = 0;
    Cents transfers = 0;
    Cents pickers = 0;
    Cents agents = 0;
  };

  // The ledger's entry for a cost counter; null for a counter that is no cost.
  static Cents* ledger_in(CostLedger& ledger, Counter counter);

  const Network& network_;
  KpiBuffer kpis_;
  std::uint32_t day_ = 0;
  bool sync_due_ = false;
  std::optional<NodeTally> node_;
  std::vector<CostShares> shares_;
  std::vector<Accrual> accruals_;
  CostLedger costs_;
  // The costs booked today by (counter, shares, category or every cell), spread once at the
  // day's end: a DC's thousands of trucks a day are then one split over the cells, not one each
  // (the cells' cents round once a day; the totals are the same).
  std::map<std::tuple<Counter, Shares, std::optional<CategoryId>>, Cents> costs_of_the_day_;
};

}  // namespace retail
