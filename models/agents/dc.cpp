// DC behaviour: allocation on order arrival, picking capacity, supplier receipts, backorders.
#include "models/agents/dc.hpp"

#include "models/mechanics/transfer.hpp"

#include <algorithm>
#include <cmath>
#include <ranges>
#include <stdexcept>

namespace retail {

namespace {
enum Stream : std::uint32_t { kPicking, kSupplier, kTrucks, kReturns };

// The channels a DC's pickers work for: its online orders (its stores' replenishment is not
// picked order by order), unless it has none.
ChannelMix picked_channels(const ChannelMix& mix) {
  ChannelMix online{};
  double total = 0;
  for (const Channel channel : {Channel::web, Channel::marketplace}) {
    const auto c = static_cast<std::size_t>(channel);
    online[c] = mix[c];
    total += mix[c];
  }
  return total > 0 ? online : mix;
}
}  // namespace

DcAgent::DcAgent(const Network& network, DcId dc)
    : RetailAgent(network),
      config_(network.scenario.dcs[dc]),
      dc_(dc),
      stock_(network.scenario.catalog, network.dc_initial[dc], network.dc_levels[dc],
             Inventory::Source::supplier),
      crew_(config_.pickers),
      picking_(crew_.on_duty(0)),
      dock_(network.scenario.stores.size()),
      last_delivery_(network.scenario.stores.size(), -1),
      initial_units_(stock_.total_on_hand()) {
  const Catalog& catalog = network.scenario.catalog;
  hold_stock(dc, stock_,
             share_costs(CostShares(network.dc_mix[dc], catalog, network.dc_daily_demand[dc])));
  staff_station(picking_, crew_,
                {Counter::picker_cost_cents, Counter::picker_paid_seconds,
                 Counter::picker_busy_seconds, Counter::pick_queue_seconds,
                 Counter::pick_station_seconds, network.scenario.costs.picker_hour_cents},
                share_costs(CostShares(picked_channels(network.dc_mix[dc]), catalog,
                                       network.dc_daily_demand[dc])));
  if (config_.replenishment.kind == ReplenishmentPolicy::Kind::forecast_order_up_to) {
    planner_.emplace(config_.replenishment, network.planning, network.dc_mix[dc],
                     network.dc_lead_days[dc], network.dc_daily_demand[dc], dc);
  }
  for (const Zone& zone : network.scenario.zones)
    carrier_of_zone_.push_back(zone.carrier);
  for (std::size_t r = 0; r < kReturnReasons; ++r)
    disposition_[r] = network.scenario.returns.reasons[r].disposition;
}

sim::Time DcAgent::min_send_delay(const Network& network) {
  return std::min({network.routing_latency, network.availability_latency, network.report_latency});
}

void DcAgent::start(Context& ctx) {
  start_days(ctx);
  follow_roster(crew_, ctx);
  if (config_.replenishment.review_every_hours > 0)
    ctx.schedule(sim::hours(config_.replenishment.review_every_hours), ReviewTick{});
}

void DcAgent::handle(const Event& event, Context& ctx) {
  std::visit([&](const auto& message) { on(message, ctx); }, event.msg);
  sync_if_changed(stock_, ctx);
}

template <class Unexpected>
void DcAgent::on(const Unexpected&, Context& ctx) {
  throw std::logic_error("DC '" + config_.name + "' received an unexpected message at " +
                         sim::format_time(ctx.now()));
}

void DcAgent::on(const FulfillOrder& order, Context& ctx) {
  const SkuId sku = order.line.sku;
  const CategoryId category = network().scenario.catalog.skus[sku].category;
  // Re-ships and accepted backorders were never shown available to a customer, so they say
  // nothing about availability integrity.
  const bool shown = !order.line.reship && !order.line.backorder;
  if (shown) kpis().add(order.line.channel, category, Counter::availability_checks);
  if (planner_) planner_->record(sku, 1);
  if (stock_.on_hand(sku) > 0) {
    if (shown) kpis().add(order.line.channel, category, Counter::fulfillable);
    start_pick(order.line, ctx);
  } else if (order.line.backorder ||
             network().scenario.orders.oversell == Orders::Oversell::backorder) {
    backorders_[sku].emplace_back(queue_backorder(order.line, ctx));
    ++backordered_lines_;
    stock_.add_backorder(sku, 1);
    reorder_if_needed(sku, ctx);
  } else {
    ctx.send(network().order_manager_of(order.line.zone), network().routing_latency,
             OrderCancelled{order.line});
    packing_.cancelled(order.line, [&](const OrderLine& line) { tender(line, ctx); });
  }
}

void DcAgent::start_pick(const OrderLine& line, Context& ctx) {
  stock_.remove(line.sku, 1, ctx.now());
  if (const auto job = picking_.arrive(line, ctx.now()).started) begin_picking(*job, ctx);
  reorder_if_needed(line.sku, ctx);
}

void DcAgent::begin_picking(const FifoStation<OrderLine>::Job& job, Context& ctx) {
  const CategoryId category = network().scenario.catalog.skus[job.item.sku].category;
  const sim::Time wait = ctx.now() - job.arrived;
  kpis().add(job.item.channel, category, Counter::pick_wait_us, wait);
  kpis().add(job.item.channel, category, Counter::picks_waited, wait > 0);
  kpis().add(job.item.channel, category, Counter::picks_within_target,
             wait <= sim::minutes(network().scenario.kpi.pick_wait_target_minutes));
  ctx.schedule(sim::minutes(config_.pick_minutes.sample(ctx.rng(kPicking))), PickDone{job.item});
}

void DcAgent::on(const PickDone& done, Context& ctx) {
  const CategoryId category = network().scenario.catalog.skus[done.line.sku].category;
  kpis().add(done.line.channel, category, Counter::picks_completed);
  packing_.ready(done.line, [&](const OrderLine& line) { tender(line, ctx); });
  if (const auto next = picking_.finish(ctx.now())) begin_picking(*next, ctx);
}

void DcAgent::on(const RosterChange&, Context& ctx) {
  follow_roster(crew_, ctx);
  restaff(ctx);
}

void DcAgent::on(const FlexibleHoursEnd& end, Context& ctx) {
  crew_.release(end.staff, ctx.now());
  restaff(ctx);
}

void DcAgent::restaff(Context& ctx) {
  for (const auto& job : picking_.set_servers(crew_.on_duty(ctx.now()), ctx.now()))
    begin_picking(job, ctx);
}

void DcAgent::tender(const OrderLine& line, Context& ctx) {
  ctx.send(network().ids.carrier[carrier_of_zone_[line.zone]], network().routing_latency,
           Tender{line});
}

std::int32_t DcAgent::release_for_store(SkuId sku, std::int32_t quantity, Context& ctx) {
  const std::int32_t released = std::min(quantity, stock_.on_hand(sku));
  if (released > 0) stock_.remove(sku, released, ctx.now());
  return released;
}

void DcAgent::dispatch(StoreId store, std::vector<StockLine> load, Context& ctx) {
  if (load.empty()) return;
  // What leaves for one store at one moment shares a truck.
  bool new_truck = last_delivery_[store] != ctx.now();
  for (const StockLine& line : load) {
    book_freight(Counter::store_delivery_cost_cents, network().scenario.costs.store_delivery,
                 new_truck, line.sku, line.units);
    new_truck = false;
  }
  last_delivery_[store] = ctx.now();
  const double transit_h =
      network().scenario.stores[store].lane_transit_hours.sample(ctx.rng(kTrucks));
  ctx.send(network().ids.store[store], network().routing_latency + sim::hours(transit_h),
           Shipment{std::move(load)});
}

void DcAgent::dispatch_dock(StoreId store, Context& ctx) {
  dispatch(store, dock_.take(store), ctx);
}

void DcAgent::on(const ReplenishmentOrder& request, Context& ctx) {
  std::vector<StockLine> load;
  for (const StockLine& line : request.lines) {
    // Stores' orders are this DC's demand: how a store's ordering swings reach the supplier.
    if (planner_) planner_->record(line.sku, line.units);
    const std::int32_t shipped = release_for_store(line.sku, line.units, ctx);
    if (shipped > 0) load.push_back({line.sku, shipped});
    if (const std::int32_t owed = line.units - shipped; owed > 0) {
      backorders_[line.sku].emplace_back(StoreRequest{request.store, owed});
      stock_.add_backorder(line.sku, owed);
    }
  }
  // The store's regular delivery takes the fills waiting for it on the dock.
  for (const StockLine& fill : dock_.take(request.store))
    load.push_back(fill);
  dispatch(request.store, std::move(load), ctx);
  if (orders_continuously())
    place_purchase_order(request.lines | std::views::transform(&StockLine::sku), ctx);
}

void DcAgent::receive(const StockLine& line, bool from_supplier, Context& ctx) {
  if (from_supplier) received_units_ += line.units;
  count_receipt(line.units);
  stock_.receive(line.sku, line.units, from_supplier ? line.units : 0, ctx.now());
  serve_backorders(line.sku, ctx);
}

void DcAgent::on(const SupplierReceipt& receipt, Context& ctx) {
  for (const StockLine& line : receipt.lines)
    receive(line, true, ctx);
  if (orders_continuously())
    place_purchase_order(receipt.lines | std::views::transform(&StockLine::sku), ctx);
}

void DcAgent::on(const Shipment& transfer, Context& ctx) {
  for (const StockLine& line : transfer.lines)
    receive(line, false, ctx);
}

void DcAgent::on(const Intervention& intervention, Context& ctx) {
  const Action& action = action_of(intervention);
  switch (action.kind) {
    case Action::Kind::transfer_inventory: {
      const auto moved = transfer_out(stock_, action, network(), min_send_delay(network()), ctx);
      book_transfer_freight(moved);
      if (orders_continuously())
        place_purchase_order(moved | std::views::transform(&StockLine::sku), ctx);
      return;
    }
    case Action::Kind::switch_carrier:
      for (ZoneId zone = 0; zone < carrier_of_zone_.size(); ++zone) {
        if (action.all_zones || zone == action.zone) carrier_of_zone_[zone] = action.carrier;
      }
      return;
    case Action::Kind::tighten_disposition:
      disposition_[static_cast<std::size_t>(action.reason)] = action.disposition;
      return;
    case Action::Kind::add_labour:
      crew_.call_in(action.staff, ctx.now());
      restaff(ctx);
      ctx.schedule(sim::hours(action.hours), FlexibleHoursEnd{action.staff});
      return;
    default:
      misrouted(intervention, "DC '" + config_.name + "'", ctx);
  }
}

void DcAgent::serve_backorders(SkuId sku, Context& ctx) {
  const auto found = backorders_.find(sku);
  if (found == backorders_.end()) return;
  auto& waiting = found->second;
  while (!waiting.empty() && stock_.on_hand(sku) > 0) {
    if (auto* request = std::get_if<StoreRequest>(&waiting.front())) {
      // The fill waits on the dock for the store's next delivery.
      const std::int32_t filled = release_for_store(sku, request->quantity, ctx);
      dock_.add(request->store, sku, filled, ctx.now());
      stock_.remove_backorder(sku, filled);
      const std::int32_t owed = request->quantity - filled;
      request->quantity = owed;
      if (owed > 0) break;
    } else {
      const QueuedLine queued = std::get<QueuedLine>(waiting.front());
      --backordered_lines_;
      stock_.remove_backorder(sku, 1);
      count_backorder_filled(queued, ctx);
      start_pick(queued.line, ctx);
    }
    waiting.pop_front();
  }
  if (waiting.empty()) backorders_.erase(found);
}

template <class Skus>
void DcAgent::place_purchase_order(const Skus& skus, Context& ctx) {
  SupplierReceipt delivery;
  for (const SkuId sku : skus) {
    if (const std::int32_t quantity = stock_.reorder(sku); quantity > 0) {
      count_replenishment_order(network().scenario.catalog.skus[sku].category, quantity);
      delivery.lines.push_back({sku, quantity});
    }
  }
  if (delivery.lines.empty()) return;
  // The lines sent to the supplier at one moment are one purchase order.
  if (last_purchase_order_ != ctx.now())
    book_cost(Counter::purchase_order_cost_cents, network().scenario.costs.purchase_order_cents);
  last_purchase_order_ = ctx.now();
  // The supplier delivers the order whole.
  const double lead_h =
      24.0 * config_.supplier_lead_days.sample(ctx.rng(kSupplier)) + config_.handling_hours;
  ctx.schedule(sim::hours(lead_h), std::move(delivery));
}

bool DcAgent::orders_continuously() const {
  return config_.replenishment.review_every_hours <= 0 && !planner_;
}

void DcAgent::reorder_if_needed(SkuId sku, Context& ctx) {
  if (orders_continuously()) place_purchase_order(std::views::single(sku), ctx);
}

void DcAgent::review_all(Context& ctx) {
  place_purchase_order(std::views::iota(SkuId{0}, stock_.skus()), ctx);
}

void DcAgent::on(const ReviewTick&, Context& ctx) {
  review_all(ctx);
  ctx.schedule(sim::hours(config_.replenishment.review_every_hours), ReviewTick{});
}

void DcAgent::on(const DayEnd&, Context& ctx) {
  // Fills no regular delivery has collected in a whole day go on a truck of their own.
  for (const StoreId store : dock_.waited(ctx.now(), sim::kTicksPerDay))
    dispatch_dock(store, ctx);
  if (planner_ && planner_->end_day(stock_)) review_all(ctx);
  end_day(ctx);
}

void DcAgent::on(const SyncTick&, Context& ctx) {
  const auto changed = stock_.take_changed();
  if (!changed.empty()) {
    AvailabilityUpdate update{ctx.self(), {}};
    update.levels.reserve(changed.size());
    for (const SkuId sku : changed)
      update.levels.emplace_back(sku, stock_.on_hand(sku));
    const auto& zones = network().zones_by_dc[dc_];
    for (const ZoneId zone : zones)
      ctx.send(network().order_manager_of(zone), network().availability_latency, update);
  }
  synced();
}

void DcAgent::add_returns_cost(const OrderLine& line, Cents cost) {
  returns_cost_cents_ += cost;
  kpis().add(line.channel, network().scenario.catalog.skus[line.sku].category,
             Counter::returns_cost_cents, cost);
}

void DcAgent::on(const ReturnParcel& parcel, Context& ctx) {
  const Returns& returns = network().scenario.returns;
  ++returned_units_;
  ++in_returns_;
  kpis().add(parcel.line.channel, network().scenario.catalog.skus[parcel.line.sku].category,
             Counter::units_returned);
  add_returns_cost(parcel.line, returns.handling_cost_cents);
  ctx.schedule(sim::hours(returns.grading_hours.sample(ctx.rng(kReturns))),
               GradingDone{parcel.line, parcel.reason});
}

void DcAgent::on(const GradingDone& graded, Context& ctx) {
  const Returns& returns = network().scenario.returns;
  const OrderLine& line = graded.line;
  const Sku& item = network().scenario.catalog.skus[line.sku];
  const auto& odds = disposition_[static_cast<std::size_t>(graded.reason)];
  auto& rng = ctx.rng(kReturns);
  double u = rng.uniform01();
  std::size_t outcome = 0;
  while (outcome + 1 < kDispositions && u >= odds[outcome])
    u -= odds[outcome++];
  switch (static_cast<Disposition>(outcome)) {
    case Disposition::restock:
      --in_returns_;
      restock(line, ctx);
      return;
    case Disposition::refurbish:
      add_returns_cost(line, returns.refurbish_cost_cents);
      ctx.schedule(sim::days(returns.refurbish_days.sample(rng)), RefurbishDone{line});
      return;
    case Disposition::liquidate: {
      --in_returns_;
      ++liquidated_units_;
      const Cents recovered = static_cast<Cents>(
          std::llround(static_cast<double>(item.unit_cost_cents) * returns.liquidation_recovery));
      liquidation_loss_cents_ += item.unit_cost_cents - recovered;
      kpis().add(line.channel, item.category, Counter::units_liquidated);
      kpis().add(line.channel, item.category, Counter::liquidation_loss_cents,
                 item.unit_cost_cents - recovered);
      return;
    }
    case Disposition::destroy:
      --in_returns_;
      ++destroyed_units_;
      liquidation_loss_cents_ += item.unit_cost_cents;
      kpis().add(line.channel, item.category, Counter::units_destroyed);
      kpis().add(line.channel, item.category, Counter::liquidation_loss_cents,
                 item.unit_cost_cents);
      add_returns_cost(line, returns.destroy_cost_cents);
      return;
  }
}

void DcAgent::on(const RefurbishDone& done, Context& ctx) {
  --in_returns_;
  restock(done.line, ctx);
}

void DcAgent::restock(const OrderLine& line, Context& ctx) {
  kpis().add(line.channel, network().scenario.catalog.skus[line.sku].category,
             Counter::units_restocked);
  stock_.receive(line.sku, 1, 0, ctx.now());
  serve_backorders(line.sku, ctx);
}

void DcAgent::audit(Audit& audit) const {
  audit.initial_units += initial_units_;
  audit.received_units += received_units_;
  audit.returned_units += returned_units_;
  audit.liquidated_units += liquidated_units_;
  audit.destroyed_units += destroyed_units_;
  audit.returns_cost_cents += returns_cost_cents_;
  audit.liquidation_loss_cents += liquidation_loss_cents_;
  audit.on_hand_units += stock_.total_on_hand();
  audit_costs(audit);
  audit.in_process_units += picking_.in_system() + in_returns_ + packing_.held() + dock_.units();
  audit.orders_open += picking_.in_system() + backordered_lines_ + packing_.held();
}

}  // namespace retail
