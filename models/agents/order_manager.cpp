// Order manager behaviour: availability as the view shows it, promises, routing and scoring.
#include "models/agents/order_manager.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "models/mechanics/customer.hpp"

namespace retail {

namespace {
enum Stream : std::uint32_t { kCustomers, kReturns, kContacts };
constexpr int kUnavailable = -1;
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

void OrderManagerAgent::checkout(SkuId sku, int node, const CustomerArrival& customer, Context& ctx,
                                 bool backorder) {
  const Service service = service_[static_cast<std::size_t>(customer.channel)];
  sim::Time wait = 0;
  if (backorder) {
    const double lead_days = node == kDcNode
                                 ? network().dc_lead_days[network().scenario.zones[zone_].dc]
                                 : network().store_lead_days[customer.store];
    wait = sim::days(lead_days);
  }
  const PriceQuote quote =
      promos_.quote(customer.channel, sku, network().scenario.catalog.skus[sku]);
  OrderLine line{(static_cast<std::uint64_t>(zone_) << 40) | next_order_++,
                 sku,
                 zone_,
                 customer.channel,
                 service,
                 nodes_[node],
                 ctx.now(),
                 promise(customer.channel, service, ctx.now() + wait),
                 quote.price_cents,
                 quote.dilution_cents,
                 quote.mismatch,
                 false,
                 backorder};
  if (quote.mismatch && !accept_mismatch(network(), line, kpis(), ctx, ctx.rng(kCustomers))) return;
  place(line, node, customer, ctx);
}

void OrderManagerAgent::place(OrderLine line, int node, const CustomerArrival& customer,
                              Context& ctx) {
  const CategoryId category = network().scenario.catalog.skus[line.sku].category;
  // The order manager reserves against its own view; the node may still have run out.
  if (!line.backorder) {
    --view_[node][line.sku];
    if (customer.channel == Channel::marketplace) --marketplace_[line.sku];
  }
  ++placed_;
  kpis().add(customer.channel, category, Counter::orders_placed);
  // Counted once placed: a customer who accepts the wait may still walk away from a mismatch.
  if (line.backorder) kpis().add(customer.channel, category, Counter::backorders_accepted);
  if (customer.ad_program != CustomerArrival::kNoAd) {
    Attribution& brought = attribution_[static_cast<std::size_t>(customer.ad_program)];
    ++brought.orders;
    brought.revenue_cents += line.price_cents;
    kpis().add(customer.channel, category, Counter::ad_orders);
    kpis().add(customer.channel, category, Counter::ad_revenue_cents, line.price_cents);
  }
  ctx.send(nodes_[node], network().routing_latency, FulfillOrder{line});
}

void OrderManagerAgent::on(const CustomerArrival& customer, Context& ctx) {
  const Sku& item = network().scenario.catalog.skus[customer.sku];
  kpis().add(customer.channel, item.category, Counter::visits);
  if (const int node = route(customer.sku, customer); node != kUnavailable) {
    kpis().add(customer.channel, item.category, Counter::shown_available);
    checkout(customer.sku, node, customer, ctx);
    return;
  }
  if (offer_backorder(customer, ctx)) return;
  react_to_stockout(
      network(), customer, kpis(), ctx, ctx.rng(kCustomers),
      [&](SkuId sku) { return route(sku, customer) != kUnavailable; },
      [&](SkuId sku) { checkout(sku, route(sku, customer), customer, ctx); });
}

bool OrderManagerAgent::offer_backorder(const CustomerArrival& customer, Context& ctx) {
  const Scenario& s = network().scenario;
  const double acceptance =
      s.channels[static_cast<std::size_t>(customer.channel)].backorder_acceptance;
  // No draw when none would accept: the random streams stay those of a run without the offer.
  if (!s.orders.offer_backorders || acceptance <= 0) return false;
  if (ctx.rng(kCustomers).uniform01() >= acceptance) return false;
  const int node = customer.channel == Channel::bopis
                       ? node_index_.at(network().ids.store[customer.store])
                       : kDcNode;
  checkout(customer.sku, node, customer, ctx, true);
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

void OrderManagerAgent::reship(OrderLine line, Context& ctx) {
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
}

}  // namespace retail
