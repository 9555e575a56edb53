// What every retail agent shares: a daily report of its KPI counters to the recorder, and its part
// of the end-of-run audit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/agents/messages.hpp"
#include "models/mechanics/inventory.hpp"
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
  // A DC or store (node `node` in Network order) whose days the scenario keeps: its end-of-day
  // reports carry `stock`'s position and the day's receipts and replenishment orders.
  void report_node_days(std::uint32_t node, const Inventory& stock);
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

  const Network& network_;
  KpiBuffer kpis_;
  std::uint32_t day_ = 0;
  std::optional<NodeTally> node_;
};

}  // namespace retail
