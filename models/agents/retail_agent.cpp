// The daily KPI report every retail agent sends, and the collection of what was never sent.
#include "models/agents/retail_agent.hpp"

#include <stdexcept>

namespace retail {

RetailAgent::RetailAgent(const Network& network)
    : network_(network), kpis_(network.scenario.catalog.categories.size()) {}

void RetailAgent::start_days(Context& ctx) {
  ctx.schedule(sim::kTicksPerDay, DayEnd{});
}

void RetailAgent::report_node_days(std::uint32_t node, const Inventory& stock) {
  if (!network_.scenario.kpi.node_days) return;
  node_.emplace(NodeTally{node, &stock, 0, {}});
  for (CategoryId category = 0; category < network_.scenario.catalog.categories.size(); ++category)
    node_->orders.push_back({category, 0, 0});
}

void RetailAgent::count_replenishment_order(CategoryId category, std::int32_t units) {
  if (!node_) return;
  ++node_->orders[category].orders;
  node_->orders[category].units += units;
}

RetailAgent::QueuedLine RetailAgent::queue_backorder(const OrderLine& line, const Context& ctx) {
  kpis_.add(line.channel, network_.scenario.catalog.skus[line.sku].category,
            Counter::backorders_queued);
  return {line, ctx.now()};
}

void RetailAgent::count_backorder_filled(const QueuedLine& queued, const Context& ctx) {
  const CategoryId category = network_.scenario.catalog.skus[queued.line.sku].category;
  kpis_.add(queued.line.channel, category, Counter::backorders_filled);
  kpis_.add(queued.line.channel, category, Counter::backorder_age_us, ctx.now() - queued.since);
}

std::optional<NodeDay> RetailAgent::node_day() const {
  if (!node_) return std::nullopt;
  const Inventory& stock = *node_->stock;
  NodeDay day{
      node_->node,
      day_,
      {stock.total_on_hand(), stock.total_on_order(), stock.total_backordered(), node_->receipts},
      {}};
  for (const ReplenishmentCount& count : node_->orders)
    if (count.orders > 0) day.orders.push_back(count);
  return day;
}

void RetailAgent::end_day(Context& ctx) {
  if (node_) {
    ctx.send(network_.ids.recorder, network_.report_latency, *node_day());
    node_->receipts = 0;
    for (ReplenishmentCount& count : node_->orders)
      count.orders = count.units = 0;
  }
  KpiReport report{day_, kpis_.take(), stock_levels(), open_orders()};
  // The control tower sees the same reports, as late as the recorder does.
  if (network_.ids.control_tower)
    ctx.send(*network_.ids.control_tower, network_.report_latency, report);
  ctx.send(network_.ids.recorder, network_.report_latency, std::move(report));
  ++day_;
  ctx.schedule(sim::kTicksPerDay, DayEnd{});
}

void RetailAgent::collect_unreported(KpiTable& table) const {
  KpiBuffer copy = kpis_;
  table.add(KpiReport{day_, copy.take(), stock_levels(), open_orders()});
  if (node_) table.add(*node_day());
}

void RetailAgent::misrouted(const Intervention& intervention, const std::string& agent,
                            const Context& ctx) const {
  const Rule& rule = network_.scenario.control_tower.rules[intervention.rule];
  throw std::logic_error(agent + " received action " + std::to_string(intervention.action + 1) +
                         " of rule '" + rule.name + "' at " + sim::format_time(ctx.now()) +
                         ", which it does not carry out");
}

}  // namespace retail
