// The daily KPI report every retail agent sends, and the collection of what was never sent.
#include "models/agents/retail_agent.hpp"

#include <cmath>
#include <stdexcept>

namespace retail {

RetailAgent::RetailAgent(const Network& network)
    : network_(network), kpis_(network.scenario.catalog.categories.size()) {}

void RetailAgent::start_days(Context& ctx) {
  ctx.schedule(sim::kTicksPerDay, DayEnd{});
}

void RetailAgent::hold_stock(std::uint32_t node, const Inventory& stock, CostShares shares) {
  holding_.emplace(Holding{&stock, std::move(shares),
                           std::vector<Cents>(network_.scenario.catalog.categories.size(), 0)});
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

Cents& RetailAgent::ledger_of(Counter counter) {
  switch (counter) {
    case Counter::holding_cost_cents:
      return costs_.holding;
    case Counter::purchase_order_cost_cents:
      return costs_.purchase_orders;
    case Counter::store_delivery_cost_cents:
      return costs_.store_deliveries;
    case Counter::transfer_freight_cents:
      return costs_.transfers;
    default:
      throw std::logic_error(std::string("counter ") +
                             counter_names()[static_cast<std::size_t>(counter)] +
                             " is not a node cost");
  }
}

void RetailAgent::book_cost(Counter counter, Cents cents) {
  if (cents == 0) return;
  ledger_of(counter) += cents;
  const std::vector<Cents> cells = holding_->shares.over_cells(cents);
  const std::size_t categories = holding_->shares.categories();
  for (std::size_t cell = 0; cell < cells.size(); ++cell) {
    if (cells[cell] == 0) continue;
    kpis_.add(static_cast<Channel>(cell / categories), static_cast<CategoryId>(cell % categories),
              counter, cells[cell]);
  }
}

void RetailAgent::book_cost(Counter counter, CategoryId category, Cents cents) {
  if (cents == 0) return;
  ledger_of(counter) += cents;
  add_over_channels(kpis_, counter, category, cents);
}

void RetailAgent::add_over_channels(KpiBuffer& buffer, Counter counter, CategoryId category,
                                    Cents cents) const {
  const std::array<Cents, kChannels> shares = holding_->shares.over_channels(cents);
  for (std::size_t c = 0; c < kChannels; ++c)
    if (shares[c] != 0) buffer.add(static_cast<Channel>(c), category, counter, shares[c]);
}

void RetailAgent::book_freight(Counter counter, const Freight& freight, bool new_shipment,
                               SkuId sku, std::int32_t units) {
  if (new_shipment) book_cost(counter, freight.per_shipment_cents);
  book_cost(counter, network_.scenario.catalog.skus[sku].category, freight.per_unit_cents * units);
}

void RetailAgent::book_transfer_freight(const std::vector<Moved>& moved) {
  for (std::size_t i = 0; i < moved.size(); ++i)
    book_freight(Counter::transfer_freight_cents, network_.scenario.costs.transfer, i == 0,
                 moved[i].sku, moved[i].units);
}

std::vector<Cents> RetailAgent::holding_due(sim::Time now) const {
  const double rate_per_day = network_.scenario.costs.holding_rate_per_year / 365.0;
  std::vector<Cents> due(holding_->booked.size());
  for (CategoryId category = 0; category < due.size(); ++category) {
    // Rounded on the running total, so the daily roundings never accumulate.
    const auto total = static_cast<Cents>(
        std::llround(rate_per_day * holding_->stock->held_cent_days(category, now)));
    due[category] = total - holding_->booked[category];
  }
  return due;
}

void RetailAgent::book_holding(sim::Time now) {
  const std::vector<Cents> due = holding_due(now);
  for (CategoryId category = 0; category < due.size(); ++category) {
    book_cost(Counter::holding_cost_cents, category, due[category]);
    holding_->booked[category] += due[category];
  }
}

void RetailAgent::audit_costs(Audit& audit) const {
  audit.holding_cost_cents += costs_.holding;
  audit.purchase_order_cost_cents += costs_.purchase_orders;
  audit.store_delivery_cost_cents += costs_.store_deliveries;
  audit.transfer_freight_cents += costs_.transfers;
  if (!holding_) return;
  for (const Cents due : holding_due(sim::days(network_.scenario.horizon_days)))
    audit.holding_cost_cents += due;
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
  if (holding_) book_holding(ctx.now());
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
  // The last day's holding cost, until the horizon.
  if (holding_) {
    const std::vector<Cents> due = holding_due(sim::days(network_.scenario.horizon_days));
    for (CategoryId category = 0; category < due.size(); ++category)
      if (due[category] != 0)
        add_over_channels(copy, Counter::holding_cost_cents, category, due[category]);
  }
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
