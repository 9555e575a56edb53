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

RetailAgent::Shares RetailAgent::share_costs(CostShares shares) {
  shares_.push_back(std::move(shares));
  return shares_.size() - 1;
}

void RetailAgent::accrue(Counter counter, Shares shares, std::optional<CategoryId> category,
                         std::function<double(sim::Time)> total) {
  accruals_.push_back(Accrual{counter, shares, category, std::move(total)});
}

void RetailAgent::hold_stock(std::uint32_t node, const Inventory& stock, Shares shares) {
  const double rate_per_day = network_.scenario.costs.holding_rate_per_year / 365.0;
  for (CategoryId category = 0; category < network_.scenario.catalog.categories.size(); ++category)
    accrue(Counter::holding_cost_cents, shares, category, [&stock, rate_per_day, category](auto t) {
      return rate_per_day * stock.held_cent_days(category, t);
    });
  if (!network_.scenario.kpi.node_days) return;
  node_.emplace(NodeTally{node, &stock, 0, {}});
  for (CategoryId category = 0; category < network_.scenario.catalog.categories.size(); ++category)
    node_->orders.push_back({category, 0, 0});
}

void RetailAgent::sync_if_changed(const Inventory& stock, Context& ctx) {
  if (sync_due_ || !stock.has_changes()) return;
  const sim::Time interval = sim::minutes(network_.scenario.availability.sync_interval_minutes);
  ctx.schedule((ctx.now() / interval + 1) * interval - ctx.now(), SyncTick{});
  sync_due_ = true;
}

void RetailAgent::count_replenishment_order(CategoryId category, std::int32_t units) {
  if (!node_) return;
  ++node_->orders[category].orders;
  node_->orders[category].units += units;
}

Cents* RetailAgent::ledger_in(CostLedger& ledger, Counter counter) {
  switch (counter) {
    case Counter::holding_cost_cents:
      return &ledger.holding;
    case Counter::purchase_order_cost_cents:
      return &ledger.purchase_orders;
    case Counter::store_delivery_cost_cents:
      return &ledger.store_deliveries;
    case Counter::transfer_freight_cents:
      return &ledger.transfers;
    case Counter::picker_cost_cents:
      return &ledger.pickers;
    case Counter::agent_cost_cents:
      return &ledger.agents;
    default:
      return nullptr;
  }
}

void RetailAgent::book(Counter counter, Shares shares, std::optional<CategoryId> category,
                       std::int64_t amount) {
  if (Cents* ledger = ledger_in(costs_, counter)) {
    *ledger += amount;
    costs_of_the_day_[{counter, shares, category}] += amount;
    return;
  }
  spread(kpis_, counter, shares, category, amount);
}

void RetailAgent::spread_costs_of_the_day(KpiBuffer& buffer) const {
  for (const auto& [key, cents] : costs_of_the_day_) {
    const auto& [counter, shares, category] = key;
    spread(buffer, counter, shares, category, cents);
  }
}

void RetailAgent::book_cost(Counter counter, Cents cents) {
  check_cost(counter);
  book(counter, 0, std::nullopt, cents);
}

void RetailAgent::book_cost(Counter counter, CategoryId category, Cents cents) {
  check_cost(counter);
  book(counter, 0, category, cents);
}

void RetailAgent::check_cost(Counter counter) {
  CostLedger probe;
  if (!ledger_in(probe, counter))
    throw std::logic_error(std::string("counter ") +
                           counter_names()[static_cast<std::size_t>(counter)] +
                           " is no cost an agent books");
}

void RetailAgent::spread(KpiBuffer& buffer, Counter counter, Shares shares,
                         std::optional<CategoryId> category, std::int64_t amount) const {
  if (amount == 0) return;
  const CostShares& split = shares_.at(shares);
  if (category) {
    const std::array<Cents, kChannels> parts = split.over_channels(amount);
    for (std::size_t c = 0; c < kChannels; ++c)
      if (parts[c] != 0) buffer.add(static_cast<Channel>(c), *category, counter, parts[c]);
    return;
  }
  const std::vector<Cents> cells = split.over_cells(amount);
  const std::size_t categories = split.categories();
  for (std::size_t cell = 0; cell < cells.size(); ++cell) {
    if (cells[cell] == 0) continue;
    buffer.add(static_cast<Channel>(cell / categories), static_cast<CategoryId>(cell % categories),
               counter, cells[cell]);
  }
}

void RetailAgent::book_freight(Counter counter, const Freight& freight, bool new_shipment,
                               SkuId sku, std::int32_t units) {
  if (new_shipment) book_cost(counter, freight.per_shipment_cents);
  book_cost(counter, network_.scenario.catalog.skus[sku].category, freight.per_unit_cents * units);
}

void RetailAgent::book_transfer_freight(const std::vector<StockLine>& moved) {
  for (std::size_t i = 0; i < moved.size(); ++i)
    book_freight(Counter::transfer_freight_cents, network_.scenario.costs.transfer, i == 0,
                 moved[i].sku, moved[i].units);
}

void RetailAgent::audit_costs(Audit& audit) const {
  // What was booked, and what accrued from the last day's end until the horizon (which
  // collect_unreported adds to the table).
  CostLedger total = costs_;
  const sim::Time horizon = sim::days(network_.scenario.horizon_days);
  for (const Accrual& accrual : accruals_)
    if (Cents* ledger = ledger_in(total, accrual.counter)) *ledger += accrual.due(horizon);
  audit.holding_cost_cents += total.holding;
  audit.purchase_order_cost_cents += total.purchase_orders;
  audit.store_delivery_cost_cents += total.store_deliveries;
  audit.transfer_freight_cents += total.transfers;
  audit.picker_cost_cents += total.pickers;
  audit.agent_cost_cents += total.agents;
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
  for (Accrual& accrual : accruals_) {
    const std::int64_t due = accrual.due(ctx.now());
    book(accrual.counter, accrual.shares, accrual.category, due);
    accrual.booked += due;
  }
  spread_costs_of_the_day(kpis_);
  costs_of_the_day_.clear();
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
  // What accrued in the last day, until the horizon.
  const sim::Time horizon = sim::days(network_.scenario.horizon_days);
  spread_costs_of_the_day(copy);
  for (const Accrual& accrual : accruals_)
    spread(copy, accrual.counter, accrual.shares, accrual.category, accrual.due(horizon));
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
