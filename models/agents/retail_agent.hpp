// What every retail agent shares: a daily report of its KPI counters to the recorder, its part of
// the end-of-run audit, and the costs that belong to no one order (stock held, trucks, purchase
// orders), booked on the channels and categories of the demand it serves.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/agents/messages.hpp"
#include "models/mechanics/cost_shares.hpp"
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
  // An intervention that reached an agent which does not carry out its kind of action: a bug.
  [[noreturn]] void misrouted(const Intervention& intervention, const std::string& agent,
                              const Context& ctx) const;
  // Stock by category and open orders at this moment, for the end-of-day report.
  virtual std::vector<StockLevel> stock_levels() const { return {}; }
  virtual std::int64_t open_orders() const { return 0; }
  // This agent is a DC or store, node `node` in Network order, holding `stock` for the demand
  // `shares` describes: the stock's holding cost is booked at the end of every day, and, when
  // the scenario keeps node days, its end-of-day reports carry the stock position and the day's
  // receipts and replenishment orders.
  void hold_stock(std::uint32_t node, const Inventory& stock, CostShares shares);
  // A cost of the node's (`counter`: a cost counter) for all its categories, or for one.
  void book_cost(Counter counter, Cents cents);
  void book_cost(Counter counter, CategoryId category, Cents cents);
  // Freight (`counter`) of `units` of `sku` leaving on a truck; `new_shipment` when they are the
  // first units on it, which pay for the truck.
  void book_freight(Counter counter, const Freight& freight, bool new_shipment, SkuId sku,
                    std::int32_t units);
  // The freight of a transfer_inventory move: one truck for all its lines.
  void book_transfer_freight(const std::vector<Moved>& moved);
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
  std::optional<NodeDay> node_day() const;
  // Per category: the holding cost due from the last booking until `now`.
  std::vector<Cents> holding_due(sim::Time now) const;
  void book_holding(sim::Time now);
  void add_over_channels(KpiBuffer& buffer, Counter counter, CategoryId category,
                         Cents cents) const;
  Cents& ledger_of(Counter counter);

  // The stock a DC or store holds, and the holding cost booked on it so far, per category.
  struct Holding {
    const Inventory* stock;
    CostShares shares;
    std::vector<Cents> booked;
  };
  // What the agent has booked of each cost counter, for the audit.
  struct CostLedger {
    Cents holding = 0;
    Cents purchase_orders = 0;
    Cents store_deliveries = 0;
    Cents transfers = 0;
  };

  const Network& network_;
  KpiBuffer kpis_;
  std::uint32_t day_ = 0;
  std::optional<NodeTally> node_;
  std::optional<Holding> holding_;
  CostLedger costs_;
};

}  // namespace retail
