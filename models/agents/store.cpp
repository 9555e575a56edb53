// Store behaviour: walk-in customers see the real shelf; online orders find out only on arrival
// whether the units the order manager saw are still there.
#include "models/agents/store.hpp"

#include <algorithm>
#include <ranges>
#include <stdexcept>

#include "models/mechanics/customer.hpp"
#include "models/mechanics/transfer.hpp"

namespace retail {

namespace {
enum Stream : std::uint32_t { kCustomers, kPickups };
}

StoreAgent::StoreAgent(const Network& network, StoreId store)
    : RetailAgent(network),
      config_(network.scenario.stores[store]),
      store_(store),
      dc_(network.ids.dc[config_.dc]),
      carrier_(network.scenario.zones[config_.zone].carrier),
      shelf_(network.scenario.catalog, network.store_initial[store], network.store_levels[store],
             Inventory::Source::dc),
      promos_(network.scenario.catalog.skus.size()),
      initial_units_(shelf_.total_on_hand()) {
  hold_stock(static_cast<std::uint32_t>(network.scenario.dcs.size() + store), shelf_,
             share_costs(CostShares(network.store_mix[store], network.scenario.catalog,
                                    network.store_daily_demand[store])));
  if (config_.replenishment.kind == ReplenishmentPolicy::Kind::forecast_order_up_to) {
    planner_.emplace(config_.replenishment, network.planning, network.store_mix[store],
                     network.store_lead_days[store], network.store_daily_demand[store],
                     static_cast<std::uint32_t>(network.scenario.dcs.size() + store));
  }
}

sim::Time StoreAgent::min_send_delay(const Network& network) {
  return std::min({network.routing_latency, network.availability_latency, network.report_latency});
}

void StoreAgent::start(Context& ctx) {
  start_days(ctx);
  if (config_.replenishment.review_every_hours > 0)
    ctx.schedule(sim::hours(config_.replenishment.review_every_hours), ReviewTick{});
}

void StoreAgent::handle(const Event& event, Context& ctx) {
  std::visit([&](const auto& message) { on(message, ctx); }, event.msg);
  sync_if_changed(shelf_, ctx);
}

template <class Unexpected>
void StoreAgent::on(const Unexpected&, Context& ctx) {
  throw std::logic_error("store '" + config_.name + "' received an unexpected message at " +
                         sim::format_time(ctx.now()));
}

void StoreAgent::sell(SkuId sku, Channel channel, Cents price_cents, std::int32_t dilution_cents) {
  const Sku& item = network().scenario.catalog.skus[sku];
  ++sold_units_;
  revenue_cents_ += price_cents;
  cogs_cents_ += item.unit_cost_cents;
  dilution_cents_ += dilution_cents;
  kpis().add(channel, item.category, Counter::units_sold);
  kpis().add(channel, item.category, Counter::revenue_cents, price_cents);
  kpis().add(channel, item.category, Counter::cogs_cents, item.unit_cost_cents);
  kpis().add(channel, item.category, Counter::promo_dilution_cents, dilution_cents);
}

void StoreAgent::serve_walk_in(SkuId sku, CategoryId wanted, CustomerId customer, Context& ctx) {
  const PriceQuote quote = promos_.quote(Channel::store, sku, network().scenario.catalog.skus[sku]);
  if (quote.mismatch) {
    touch(config_.zone, customer, Experience::promo_mismatch, ctx);
    const OrderLine visit{.sku = sku,
                          .zone = config_.zone,
                          .node = ctx.self(),
                          .customer = customer,
                          .placed_at = ctx.now(),
                          .promised_by = ctx.now(),
                          .price_cents = quote.price_cents,
                          .channel = Channel::store,
                          .promo_mismatch = true};
    if (!accept_mismatch(network(), visit, kpis(), ctx, ctx.rng(kCustomers))) return;
  }
  kpis().add(Channel::store, wanted, Counter::availability_checks);
  kpis().add(Channel::store, wanted, Counter::fulfillable);
  shelf_.remove(sku, 1, ctx.now());
  sell(sku, Channel::store, quote.price_cents, quote.dilution_cents);
  // Bought off the shelf: the walk-in's order was on time, as they stood there.
  touch(config_.zone, customer, Experience::on_time, ctx);
  reorder_if_needed(sku, ctx);
}

void StoreAgent::on(const CustomerArrival& customer, Context& ctx) {
  const Sku& item = network().scenario.catalog.skus[customer.sku];
  kpis().add(Channel::store, item.category, Counter::visits);
  // A customer coming back after a deferral is demand already counted.
  if (planner_ && customer.attempt == 0) planner_->record(customer.sku, 1);
  const auto take = [&](SkuId sku) { serve_walk_in(sku, item.category, customer.customer, ctx); };
  if (shelf_.on_hand(customer.sku) > 0) {
    kpis().add(Channel::store, item.category, Counter::shown_available);
    take(customer.sku);
    return;
  }
  touch(config_.zone, customer.customer, Experience::stockout, ctx);
  react_to_stockout(
      network(), customer, kpis(), ctx, ctx.rng(kCustomers),
      [&](SkuId sku) { return shelf_.on_hand(sku) > 0; }, take);
}

void StoreAgent::fulfil(const OrderLine& line, Context& ctx) {
  shelf_.remove(line.sku, 1, ctx.now());
  if (line.channel == Channel::bopis) {
    ++held_for_pickup_;
    // Ready: the order manager scores the promise now; the customer collects (and pays) later.
    ctx.send(network().order_manager_of(line.zone), network().routing_latency,
             Delivered{.line = line, .at = ctx.now()});
    ctx.schedule(
        sim::hours(network().scenario.orders.bopis_pickup_delay_hours.sample(ctx.rng(kPickups))),
        BopisCollected{line});
  } else {
    packing_.ready(line, [&](const OrderLine& packed) { tender(packed, ctx); });
  }
  reorder_if_needed(line.sku, ctx);
}

void StoreAgent::tender(const OrderLine& line, Context& ctx) {
  ctx.send(network().ids.carrier[carrier_], network().routing_latency, Tender{line});
}

void StoreAgent::on(const FulfillOrder& order, Context& ctx) {
  const CategoryId category = network().scenario.catalog.skus[order.line.sku].category;
  if (planner_) planner_->record(order.line.sku, 1);
  // An accepted backorder was never shown available, so it says nothing about integrity.
  if (!order.line.backorder) kpis().add(order.line.channel, category, Counter::availability_checks);
  if (shelf_.on_hand(order.line.sku) > 0) {
    if (!order.line.backorder) kpis().add(order.line.channel, category, Counter::fulfillable);
    fulfil(order.line, ctx);
  } else if (order.line.backorder ||
             network().scenario.orders.oversell == Orders::Oversell::backorder) {
    backorders_[order.line.sku].push_back(queue_backorder(order.line, ctx));
    ++backordered_lines_;
    shelf_.add_backorder(order.line.sku, 1);
    reorder_if_needed(order.line.sku, ctx);
  } else {
    ctx.send(network().order_manager_of(order.line.zone), network().routing_latency,
             OrderCancelled{order.line});
    packing_.cancelled(order.line, [&](const OrderLine& packed) { tender(packed, ctx); });
  }
}

void StoreAgent::on(const Shipment& shipment, Context& ctx) {
  for (const StockLine& line : shipment.lines)
    receive(line, shipment.transfer, ctx);
}

void StoreAgent::receive(const StockLine& line, bool transfer, Context& ctx) {
  count_receipt(line.units);
  shelf_.receive(line.sku, line.units, transfer ? 0 : line.units, ctx.now());
  const auto found = backorders_.find(line.sku);
  if (found == backorders_.end()) return;
  auto& waiting = found->second;
  while (!waiting.empty() && shelf_.on_hand(line.sku) > 0) {
    const QueuedLine queued = waiting.front();
    waiting.pop_front();
    --backordered_lines_;
    shelf_.remove_backorder(line.sku, 1);
    count_backorder_filled(queued, ctx);
    fulfil(queued.line, ctx);
  }
  if (waiting.empty()) backorders_.erase(found);
}

void StoreAgent::on(const Intervention& intervention, Context& ctx) {
  const Action& action = action_of(intervention);
  switch (action.kind) {
    case Action::Kind::transfer_inventory: {
      const auto moved = transfer_out(shelf_, action, network(), min_send_delay(network()), ctx);
      book_transfer_freight(moved);
      if (orders_continuously()) order(moved | std::views::transform(&StockLine::sku), ctx);
      return;
    }
    case Action::Kind::switch_carrier:
      if (action.all_zones || action.zone == config_.zone) carrier_ = action.carrier;
      return;
    default:
      misrouted(intervention, "store '" + config_.name + "'", ctx);
  }
}

void StoreAgent::on(const BopisCollected& pickup, Context&) {
  --held_for_pickup_;
  sell(pickup.line.sku, Channel::bopis, pickup.line.price_cents, pickup.line.dilution_cents);
}

void StoreAgent::on(const SyncTick&, Context& ctx) {
  const auto changed = shelf_.take_changed();
  if (!changed.empty()) {
    AvailabilityUpdate update{ctx.self(), {}};
    update.levels.reserve(changed.size());
    for (const SkuId sku : changed)
      update.levels.emplace_back(
          sku, Network::online_units(shelf_.on_hand(sku), config_.online_allocation));
    ctx.send(network().order_manager_of(config_.zone), network().availability_latency,
             std::move(update));
  }
  synced();
}

void StoreAgent::on(const ReviewTick&, Context& ctx) {
  review_all(ctx);
  ctx.schedule(sim::hours(config_.replenishment.review_every_hours), ReviewTick{});
}

void StoreAgent::on(const DayEnd&, Context& ctx) {
  if (planner_ && planner_->end_day(shelf_)) review_all(ctx);
  end_day(ctx);
}

void StoreAgent::review_all(Context& ctx) {
  order(std::views::iota(SkuId{0}, shelf_.skus()), ctx);
}

template <class Skus>
void StoreAgent::order(const Skus& skus, Context& ctx) {
  ReplenishmentOrder request{store_, {}};
  for (const SkuId sku : skus) {
    if (const std::int32_t quantity = shelf_.reorder(sku); quantity > 0) {
      count_replenishment_order(network().scenario.catalog.skus[sku].category, quantity);
      request.lines.push_back({sku, quantity});
    }
  }
  if (!request.lines.empty()) ctx.send(dc_, network().routing_latency, std::move(request));
}

bool StoreAgent::orders_continuously() const {
  return config_.replenishment.review_every_hours <= 0 && !planner_;
}

void StoreAgent::reorder_if_needed(SkuId sku, Context& ctx) {
  if (orders_continuously()) order(std::views::single(sku), ctx);
}

void StoreAgent::audit(Audit& audit) const {
  audit.initial_units += initial_units_;
  audit.sold_units += sold_units_;
  audit.on_hand_units += shelf_.total_on_hand();
  audit_costs(audit);
  audit.in_process_units += held_for_pickup_ + packing_.held();
  audit.orders_open += backordered_lines_ + packing_.held();
  audit.revenue_cents += revenue_cents_;
  audit.cogs_cents += cogs_cents_;
  audit.promo_dilution_cents += dilution_cents_;
}

}  // namespace retail
