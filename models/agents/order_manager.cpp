// Order manager behaviour: availability as the view shows it, promises, routing and scoring.
#include "models/agents/order_manager.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>

#include "models/mechanics/customer.hpp"

namespace retail {

namespace {
enum Stream : std::uint32_t { kCustomers, kReturns, kContacts };
constexpr int kUnavailable = -1;
constexpr int kAnyNode = -2;  // a line routed on its own
constexpr int kDcNode = 0;

sim::Time end_of_day(sim::Time t) {
  return (t + sim::kTicksPerDay - 1) / sim::kTicksPerDay * sim::kTicksPerDay;
}
}  // namespace

OrderManagerAgent::OrderManagerAgent(const Network& network, ZoneId zone)
    : RetailAgent(network),
      zone_(zone),
      promos_(network.scenario.catalog.skus.size()),
      sizing_content_quality_(network.scenario.returns.sizing_content_quality),
      packaging_standard_(network.scenario.returns.packaging_standard),
      attribution_(network.scenario.advertising.programs.size()) {
  for (std::size_t c = 0; c < kChannels; ++c)
    service_[c] = network.scenario.channels[c].service;
  const DcId dc = network.scenario.zones[zone].dc;
  nodes_.push_back(network.ids.dc[dc]);
  view_.push_back(network.dc_initial[dc]);
  for (const StoreId store : network.stores_by_zone[zone]) {
    nodes_.push_back(network.ids.store[store]);
    std::vector<std::int32_t> shown = network.store_initial[store];
    for (auto& units : shown)
      units = Network::online_units(units, network.scenario.stores[store].online_allocation);
    view_.push_back(std::move(shown));
  }
  for (int node = 0; node < static_cast<int>(nodes_.size()); ++node)
    node_index_.emplace(nodes_[node], node);
  marketplace_ = view_[kDcNode];
}

sim::Time OrderManagerAgent::min_send_delay(const Network& network) {
  return std::min(network.routing_latency, network.report_latency);
}

void OrderManagerAgent::start(Context& ctx) {
  start_days(ctx);
  ctx.schedule(sim::hours(network().scenario.availability.marketplace_feed_hours),
               MarketplaceRefresh{});
}

void OrderManagerAgent::handle(const Event& event, Context& ctx) {
  std::visit([&](const auto& message) { on(message, ctx); }, event.msg);
}

template <class Unexpected>
void OrderManagerAgent::on(const Unexpected&, Context& ctx) {
  throw std::logic_error("order manager of zone '" + network().scenario.zones[zone_].name +
                         "' received an unexpected message at " + sim::format_time(ctx.now()));
}

bool OrderManagerAgent::shown(int node, SkuId sku, Channel channel) const {
  const auto& row = channel == Channel::marketplace ? marketplace_ : view_[node];
  return row[sku] > static_cast<std::int32_t>(network().scenario.availability.safety_stock_units);
}

int OrderManagerAgent::choose_node(const std::vector<SkuId>& skus,
                                   const CustomerArrival& customer) const {
  if (customer.channel == Channel::bopis)
    return node_index_.at(network().ids.store[customer.store]);
  if (customer.channel != Channel::web) return kDcNode;
  const auto safety = static_cast<std::int32_t>(network().scenario.availability.safety_stock_units);
  // Lines the node shows, a SKU wanted twice needing two units.
  const auto lines_shown = [&](int node) {
    int lines = 0;
    for (std::size_t i = 0; i < skus.size(); ++i) {
      const auto before =
          static_cast<std::int32_t>(std::count(skus.begin(), skus.begin() + i, skus[i]));
      lines += view_[node][skus[i]] - before > safety;
    }
    return lines;
  };
  int best = kDcNode;
  int most = lines_shown(kDcNode);
  const auto& stores = network().stores_by_zone[zone_];
  for (std::size_t i = 0; i < stores.size(); ++i) {
    const int node = static_cast<int>(i) + 1;
    if (!network().scenario.stores[stores[i]].ship_from_store) continue;
    if (const int lines = lines_shown(node); lines > most) {
      best = node;
      most = lines;
    }
  }
  return best;
}

int OrderManagerAgent::route(SkuId sku, const CustomerArrival& customer) const {
  switch (customer.channel) {
    case Channel::bopis: {
      const int store = node_index_.at(network().ids.store[customer.store]);
      return shown(store, sku, Channel::bopis) ? store : kUnavailable;
    }
    case Channel::marketplace:
      return shown(kDcNode, sku, Channel::marketplace) ? kDcNode : kUnavailable;
    case Channel::web: {
      if (shown(kDcNode, sku, Channel::web)) return kDcNode;
      const auto& stores = network().stores_by_zone[zone_];
      for (std::size_t i = 0; i < stores.size(); ++i) {
        const int node = static_cast<int>(i) + 1;
        if (network().scenario.stores[stores[i]].ship_from_store && shown(node, sku, Channel::web))
          return node;
      }
      return kUnavailable;
    }
    case Channel::store:
      break;
  }
  throw std::logic_error("a store-channel customer reached the order manager");
}

sim::Time OrderManagerAgent::promise(Channel channel, Service service, sim::Time now) const {
  const auto& orders = network().scenario.orders;
  if (channel == Channel::bopis) return now + sim::hours(orders.bopis_ready_hours);
  const auto& carrier = network().scenario.carriers[network().scenario.zones[zone_].carrier];
  const double promise_days = carrier.services[static_cast<std::size_t>(service)].promise_days;
  return end_of_day(now + sim::hours(orders.promise_handling_hours + promise_extra_hours_) +
                    sim::days(promise_days));
}

double OrderManagerAgent::lead_days(int node) const {
  return node == kDcNode
             ? network().dc_lead_days[network().scenario.zones[zone_].dc]
             : network().store_lead_days[network().stores_by_zone[zone_][static_cast<std::size_t>(
                   node - 1)]];
}

void OrderManagerAgent::checkout(SkuId sku, int node, const CustomerArrival& customer, Context& ctx,
                                 Wait wait) {
  const Service service = service_[static_cast<std::size_t>(customer.channel)];
  const sim::Time later = wait == Wait::none ? 0 : sim::days(lead_days(node));
  const PriceQuote quote =
      promos_.quote(customer.channel, sku, network().scenario.catalog.skus[sku]);
  const OrderLine line{.id = order_id_,
                       .sku = sku,
                       .zone = zone_,
                       .node = nodes_[node],
                       .customer = customer.customer,
                       .placed_at = ctx.now(),
                       .promised_by = promise(customer.channel, service, ctx.now() + later),
                       .price_cents = quote.price_cents,
                       .dilution_cents = quote.dilution_cents,
                       .channel = customer.channel,
                       .service = service,
                       .promo_mismatch = quote.mismatch,
                       .backorder = wait != Wait::none};
  if (quote.mismatch) {
    touch(line, Experience::promo_mismatch, ctx);
    if (!accept_mismatch(network(), line, kpis(), ctx, ctx.rng(kCustomers))) return;
  }
  if (wait == Wait::accepted) touch(line, Experience::backorder_accepted, ctx);
  place(line, node, customer, wait == Wait::accepted);
}

void OrderManagerAgent::begin_order() {
  order_id_ = (static_cast<std::uint64_t>(zone_) << 40) | next_order_++;
}

void OrderManagerAgent::submit(Context& ctx) {
  if (placing_.empty()) return;
  const auto lines = static_cast<std::uint8_t>(placing_.size());
  const OrderLine& first = placing_.front().first;
  const CategoryId category = network().scenario.catalog.skus[first.sku].category;
  if (lines > 1) {
    const bool ship_complete =
        network().scenario.orders.line_routing == Orders::LineRouting::ship_complete;
    // Shipped whole, the order arrives when its last line can: that is its promise.
    sim::Time promised = 0;
    for (const auto& [line, node] : placing_)
      promised = std::max(promised, line.promised_by);
    for (auto& [line, node] : placing_) {
      line.order_lines = lines;
      if (!ship_complete) continue;
      line.promised_by = promised;
      // BOPIS lines are each ready for pickup on their own: there is no parcel to pack.
      if (line.channel != Channel::bopis) line.pack_with = lines;
    }
    open_orders_.emplace(order_id_, OpenOrder{.channel = first.channel,
                                              .category = category,
                                              .customer = first.customer,
                                              .lines = lines});
  } else {
    ++one_line_open_;
  }
  ++customer_orders_;
  customer_order_lines_ += lines;
  kpis().add(first.channel, category, Counter::customer_orders);
  for (const auto& [line, node] : placing_)
    ctx.send(nodes_[node], network().routing_latency, FulfillOrder{line});
  placing_.clear();
}

void OrderManagerAgent::place(OrderLine line, int node, const CustomerArrival& customer,
                              bool accepted) {
  const CategoryId category = network().scenario.catalog.skus[line.sku].category;
  // The order manager reserves against its own view; the node may still have run out.
  if (!line.backorder) {
    --view_[node][line.sku];
    if (customer.channel == Channel::marketplace) --marketplace_[line.sku];
  }
  ++placed_;
  kpis().add(customer.channel, category, Counter::orders_placed);
  // Counted once placed: a customer who accepts the wait may still walk away from a mismatch.
  if (accepted) kpis().add(customer.channel, category, Counter::backorders_accepted);
  if (customer.ad_program != CustomerArrival::kNoAd) {
    Attribution& brought = attribution_[static_cast<std::size_t>(customer.ad_program)];
    ++brought.orders;
    brought.revenue_cents += line.price_cents;
    kpis().add(customer.channel, category, Counter::ad_orders);
    kpis().add(customer.channel, category, Counter::ad_revenue_cents, line.price_cents);
  }
  placing_.emplace_back(line, node);
}

void OrderManagerAgent::on(const CustomerArrival& customer, Context& ctx) {
  if (customer.basket_lines <= 1) {
    begin_order();
    serve_line(customer, kAnyNode, ctx);
    submit(ctx);
    return;
  }
  // A basket's lines arrive one after the other at one instant; it is served once whole.
  if (customer.basket_line != basket_.size())
    throw std::logic_error("order manager of zone '" + network().scenario.zones[zone_].name +
                           "' received line " + std::to_string(customer.basket_line) +
                           " of a basket after " + std::to_string(basket_.size()) + " lines at " +
                           sim::format_time(ctx.now()));
  basket_.push_back(customer.sku);
  if (basket_.size() < customer.basket_lines) return;
  const int chosen = network().scenario.orders.line_routing == Orders::LineRouting::ship_complete
                         ? choose_node(basket_, customer)
                         : kAnyNode;
  begin_order();
  // Each line on its own: a line the customer defers comes back as an order of one line.
  CustomerArrival line = customer;
  line.basket_lines = 1;
  line.basket_line = 0;
  for (const SkuId sku : basket_) {
    line.sku = sku;
    serve_line(line, chosen, ctx);
  }
  basket_.clear();
  submit(ctx);
}

void OrderManagerAgent::serve_line(const CustomerArrival& customer, int chosen, Context& ctx) {
  const Sku& item = network().scenario.catalog.skus[customer.sku];
  kpis().add(customer.channel, item.category, Counter::visits);
  if (const int node = route(customer.sku, customer); node != kUnavailable) {
    kpis().add(customer.channel, item.category, Counter::shown_available);
    if (chosen == kAnyNode) {
      checkout(customer.sku, node, customer, ctx);
    } else {
      // Shown available elsewhere, the line waits at the order's node as its backorder.
      const bool there = shown(chosen, customer.sku, customer.channel);
      checkout(customer.sku, chosen, customer, ctx, there ? Wait::none : Wait::held);
    }
    return;
  }
  touch(zone_, customer.customer, Experience::stockout, ctx);
  if (offer_backorder(customer, chosen, ctx)) return;
  const auto node_for = [&](SkuId sku) {
    if (chosen == kAnyNode) return route(sku, customer);
    return shown(chosen, sku, customer.channel) ? chosen : kUnavailable;
  };
  react_to_stockout(
      network(), customer, kpis(), ctx, ctx.rng(kCustomers),
      [&](SkuId sku) { return node_for(sku) != kUnavailable; },
      [&](SkuId sku) { checkout(sku, node_for(sku), customer, ctx); });
}

bool OrderManagerAgent::offer_backorder(const CustomerArrival& customer, int chosen, Context& ctx) {
  const Scenario& s = network().scenario;
  const double acceptance =
      s.channels[static_cast<std::size_t>(customer.channel)].backorder_acceptance;
  // No draw when none would accept: the random streams stay those of a run without the offer.
  if (!s.orders.offer_backorders || acceptance <= 0) return false;
  if (ctx.rng(kCustomers).uniform01() >= acceptance) return false;
  int node = chosen;
  if (node == kAnyNode)
    node = customer.channel == Channel::bopis ? node_index_.at(network().ids.store[customer.store])
                                              : kDcNode;
  checkout(customer.sku, node, customer, ctx, Wait::accepted);
  return true;
}

void OrderManagerAgent::on(const AvailabilityUpdate& update, Context&) {
  auto& row = view_[node_index_.at(update.node)];
  for (const auto& [sku, units] : update.levels)
    row[sku] = units;
}

void OrderManagerAgent::on(const MarketplaceRefresh&, Context& ctx) {
  marketplace_ = view_[kDcNode];
  ctx.schedule(sim::hours(network().scenario.availability.marketplace_feed_hours),
               MarketplaceRefresh{});
}

void OrderManagerAgent::on(const Delivered& delivery, Context& ctx) {
  const OrderLine& line = delivery.line;
  const Sku& item = network().scenario.catalog.skus[line.sku];
  if (line.reship) {
    ++reships_delivered_;
  } else {
    // The order is scored once, on its first delivery; a re-ship only completes it.
    const bool on_time = delivery.at <= line.promised_by;
    const bool in_full = !delivery.damaged;
    ++delivered_;
    kpis().add(line.channel, item.category, Counter::orders_delivered);
    kpis().add(line.channel, item.category, Counter::orders_on_time, on_time);
    kpis().add(line.channel, item.category, Counter::orders_in_full, in_full);
    kpis().add(line.channel, item.category, Counter::orders_otif, on_time && in_full);
    kpis().add(line.channel, item.category, Counter::order_cycle_us, delivery.at - line.placed_at);
    if (!on_time) {
      charge_back(line);
      maybe_contact(line, ContactReason::late_delivery, ctx);
    }
    resolve(line, &delivery, ctx);
  }
  if (delivery.damaged) {
    maybe_contact(line, ContactReason::damaged, ctx);
    ++damaged_units_;
    kpis().add(line.channel, item.category, Counter::units_damaged);
    if (network().scenario.orders.reship_damaged && line.channel != Channel::bopis)
      reship(line, ctx);
  } else if (line.channel != Channel::bopis) {  // BOPIS is paid at the store, on collection
    ++sold_units_;
    revenue_cents_ += line.price_cents;
    cogs_cents_ += item.unit_cost_cents;
    dilution_cents_ += line.dilution_cents;
    kpis().add(line.channel, item.category, Counter::units_sold);
    kpis().add(line.channel, item.category, Counter::revenue_cents, line.price_cents);
    kpis().add(line.channel, item.category, Counter::cogs_cents, item.unit_cost_cents);
    kpis().add(line.channel, item.category, Counter::promo_dilution_cents, line.dilution_cents);
    maybe_return(line, ctx);
  }
}

void OrderManagerAgent::resolve(const OrderLine& line, const Delivered* delivery, Context& ctx) {
  OpenOrder one{.channel = line.channel,
                .category = network().scenario.catalog.skus[line.sku].category,
                .customer = line.customer,
                .lines = 1};
  OpenOrder* order = &one;
  if (line.order_lines > 1) {
    const auto found = open_orders_.find(line.id);
    if (found == open_orders_.end())
      throw std::logic_error("order manager of zone '" + network().scenario.zones[zone_].name +
                             "' heard of a line of order " + std::to_string(line.id) +
                             ", which is not open");
    order = &found->second;
  } else {
    --one_line_open_;
  }
  const bool by_carrier = delivery && line.channel != Channel::bopis;
  ++order->resolved;
  order->on_time = order->on_time && delivery && delivery->at <= line.promised_by;
  order->in_full = order->in_full && delivery && !delivery->damaged;
  order->cancelled = order->cancelled || !delivery;
  order->by_carrier += by_carrier;
  order->parcels += by_carrier && delivery->first_in_parcel;
  if (order->resolved < order->lines) return;
  close(*order, ctx);
  if (line.order_lines > 1) open_orders_.erase(line.id);
}

void OrderManagerAgent::close(const OpenOrder& order, Context& ctx) {
  // The customer remembers the order as its worst line went.
  touch(zone_, order.customer,
        order.cancelled  ? Experience::cancelled
        : !order.in_full ? Experience::damaged
        : !order.on_time ? Experience::late
                         : Experience::on_time,
        ctx);
  ++customer_orders_closed_;
  kpis().add(order.channel, order.category, Counter::customer_orders_closed);
  kpis().add(order.channel, order.category, Counter::customer_orders_on_time, order.on_time);
  kpis().add(order.channel, order.category, Counter::customer_orders_in_full, order.in_full);
  kpis().add(order.channel, order.category, Counter::customer_orders_otif,
             order.on_time && order.in_full);
  if (order.by_carrier < 2) return;
  kpis().add(order.channel, order.category, Counter::multiline_orders_shipped);
  kpis().add(order.channel, order.category, Counter::split_orders, order.parcels > 1);
}

void OrderManagerAgent::reship(OrderLine line, Context& ctx) {
  // A replacement travels alone, part of no order's count.
  line.order_lines = 1;
  line.pack_with = 1;
  line.reship = true;
  line.node = nodes_[kDcNode];
  ++reships_sent_;
  kpis().add(line.channel, network().scenario.catalog.skus[line.sku].category, Counter::reships);
  ctx.send(line.node, network().routing_latency, FulfillOrder{line});
}

void OrderManagerAgent::maybe_return(const OrderLine& line, Context& ctx) {
  const Returns& returns = network().scenario.returns;
  const Sku& item = network().scenario.catalog.skus[line.sku];
  const double day = sim::to_days(ctx.now());
  std::array<double, kReturnReasons> probability{};
  double total = 0;
  for (std::size_t r = 0; r < kReturnReasons; ++r) {
    const auto& reason = returns.reasons[r];
    double p =
        item.return_propensity * reason.share * std::max(0.0, 1 + reason.drift_per_day * day);
    if (static_cast<ReturnReason>(r) == ReturnReason::size_fit)
      p *= 1 + returns.sizing_sensitivity * (1 - sizing_content_quality_);
    if (static_cast<ReturnReason>(r) == ReturnReason::damaged)
      p *= 1 + returns.packaging_sensitivity * (1 - packaging_standard_);
    if (static_cast<ReturnReason>(r) == ReturnReason::not_as_described && line.promo_mismatch)
      p += network().scenario.demand.promo_mismatch.return_uplift;
    probability[r] = p;
    total += p;
  }
  // When the reasons add up past certainty every unit returns, for the reasons in proportion.
  auto& rng = ctx.rng(kReturns);
  double u = rng.uniform01() * std::max(1.0, total);
  for (std::size_t r = 0; r < kReturnReasons; ++r) {
    if (u < probability[r]) {
      ctx.schedule(sim::days(returns.decision_days.sample(rng)),
                   ReturnDue{line, static_cast<ReturnReason>(r)});
      return;
    }
    u -= probability[r];
  }
}

void OrderManagerAgent::on(const ReturnDue& request, Context& ctx) {
  const OrderLine& line = request.line;
  const Returns& returns = network().scenario.returns;
  const Sku& item = network().scenario.catalog.skus[line.sku];
  refunds_cents_ += line.price_cents;
  returned_cogs_cents_ += item.unit_cost_cents;
  return_labels_cents_ += returns.label_cost_cents;
  kpis().add(line.channel, item.category, returns_counter(request.reason));
  kpis().add(line.channel, item.category, Counter::refunds_cents, line.price_cents);
  kpis().add(line.channel, item.category, Counter::returned_cogs_cents, item.unit_cost_cents);
  kpis().add(line.channel, item.category, Counter::returns_cost_cents, returns.label_cost_cents);
  maybe_contact(line, ContactReason::return_request, ctx);
  touch(line, Experience::returned, ctx);
  const sim::AgentId dc = network().ids.dc[network().scenario.zones[zone_].dc];
  ctx.send(dc,
           network().routing_latency + sim::days(returns.transit_days.sample(ctx.rng(kReturns))),
           ReturnParcel{line, request.reason});
}

void OrderManagerAgent::maybe_contact(const OrderLine& line, ContactReason reason, Context& ctx) {
  const double p = network().scenario.service.reasons[static_cast<std::size_t>(reason)].probability;
  if (ctx.rng(kContacts).uniform01() < p)
    ctx.send(network().ids.customer_service, network().routing_latency, Contact{line, reason});
}

void OrderManagerAgent::charge_back(const OrderLine& line) {
  const Cents penalty = network().scenario.service.marketplace_chargeback_cents;
  if (line.channel != Channel::marketplace || penalty == 0) return;
  chargeback_cents_ += penalty;
  kpis().add(line.channel, network().scenario.catalog.skus[line.sku].category,
             Counter::chargeback_cents, penalty);
}

void OrderManagerAgent::on(const OrderCancelled& cancellation, Context& ctx) {
  if (cancellation.line.reship) {  // no stock to replace the damaged unit: it stays refunded
    ++reships_cancelled_;
    return;
  }
  charge_back(cancellation.line);
  maybe_contact(cancellation.line, ContactReason::cancellation, ctx);
  resolve(cancellation.line, nullptr, ctx);
  ++cancelled_;
  kpis().add(cancellation.line.channel,
             network().scenario.catalog.skus[cancellation.line.sku].category,
             Counter::orders_cancelled);
}

void OrderManagerAgent::on(const Intervention& intervention, Context& ctx) {
  const Action& action = action_of(intervention);
  switch (action.kind) {
    case Action::Kind::widen_promise:
      promise_extra_hours_ += action.hours;
      return;
    case Action::Kind::expedite:
      service_[static_cast<std::size_t>(action.channel)] = Service::expedited;
      return;
    case Action::Kind::update_sizing_content:
      sizing_content_quality_ = action.value;
      return;
    case Action::Kind::change_packaging:
      packaging_standard_ = action.value;
      return;
    default:
      misrouted(intervention,
                "order manager of zone '" + network().scenario.zones[zone_].name + "'", ctx);
  }
}

void OrderManagerAgent::on(const DayEnd&, Context& ctx) {
  const std::uint32_t today = static_cast<std::uint32_t>(ctx.now() / sim::kTicksPerDay) - 1;
  for (std::size_t program = 0; program < attribution_.size(); ++program) {
    Attribution& brought = attribution_[program];
    if (brought.orders == 0) continue;  // a day not reported counts as nothing brought
    ctx.send(network().ids.ad_program[program], network().routing_latency,
             AdAttribution{today, brought.orders, brought.revenue_cents});
    brought = {};
  }
  end_day(ctx);
}

void OrderManagerAgent::audit(Audit& audit) const {
  audit.orders_placed += placed_;
  audit.orders_delivered += delivered_;
  audit.orders_cancelled += cancelled_;
  audit.sold_units += sold_units_;
  audit.damaged_units += damaged_units_;
  audit.revenue_cents += revenue_cents_;
  audit.cogs_cents += cogs_cents_;
  audit.refunds_cents += refunds_cents_;
  audit.returned_cogs_cents += returned_cogs_cents_;
  audit.returns_cost_cents += return_labels_cents_;
  audit.chargeback_cents += chargeback_cents_;
  audit.promo_dilution_cents += dilution_cents_;
  audit.reships_sent += reships_sent_;
  audit.reships_delivered += reships_delivered_;
  audit.reships_cancelled += reships_cancelled_;
  audit.customer_orders += customer_orders_;
  audit.customer_orders_closed += customer_orders_closed_;
  audit.customer_orders_open += static_cast<std::int64_t>(open_orders_.size()) + one_line_open_;
  audit.customer_order_lines += customer_order_lines_;
  audit.customer_order_lines_open += one_line_open_;
  for (const auto& [id, order] : open_orders_)
    audit.customer_order_lines_open += order.lines - order.resolved;
}

}  // namespace retail
