// Carrier behaviour: cut-offs, daily capacity, transit and exceptions, and what a parcel costs.
#include "models/agents/carrier.hpp"

#include <algorithm>
#include <stdexcept>

namespace retail {

namespace {
enum Stream : std::uint32_t { kTransit, kExceptions };
}

CarrierAgent::CarrierAgent(const Network& network, CarrierId carrier)
    : RetailAgent(network), config_(network.scenario.carriers[carrier]) {}

sim::Time CarrierAgent::min_send_delay(const Network& network) {
  return std::min(network.routing_latency, network.report_latency);
}

void CarrierAgent::start(Context& ctx) {
  start_days(ctx);
  ctx.schedule(sim::hours(config_.pickup_cutoff_hour), PickupTick{});
}

void CarrierAgent::handle(const Event& event, Context& ctx) {
  std::visit([&](const auto& message) { on(message, ctx); }, event.msg);
}

template <class Unexpected>
void CarrierAgent::on(const Unexpected&, Context& ctx) {
  throw std::logic_error("carrier '" + config_.name + "' received an unexpected message at " +
                         sim::format_time(ctx.now()));
}

void CarrierAgent::on(const Tender& tender, Context&) {
  waiting_[tender.line.node].push_back(tender.line);
  ++waiting_parcels_;
}

void CarrierAgent::on(const PickupTick&, Context& ctx) {
  for (auto& [node, parcels] : waiting_) {
    const std::size_t collected = std::min<std::size_t>(parcels.size(), config_.capacity_per_day);
    for (std::size_t i = 0; i < collected; ++i) {
      carry(parcels.front(), ctx);
      parcels.pop_front();
    }
    waiting_parcels_ -= static_cast<std::int64_t>(collected);
  }
  ctx.schedule(sim::kTicksPerDay, PickupTick{});
}

void CarrierAgent::carry(const OrderLine& line, Context& ctx) {
  const auto& service = config_.services[static_cast<std::size_t>(line.service)];
  double transit_h = 24.0 * service.transit_days.sample(ctx.rng(kTransit));
  bool damaged = false;
  auto& exceptions = ctx.rng(kExceptions);
  if (exceptions.uniform01() < config_.exception_rate) {
    if (exceptions.uniform01() < config_.damage_share) {
      damaged = true;
    } else {
      transit_h += config_.late_scan_delay_hours.sample(exceptions);
    }
  }
  const CategoryId category = network().scenario.catalog.skus[line.sku].category;
  shipping_cost_cents_ += service.cost_cents;
  kpis().add(line.channel, category, Counter::shipping_cost_cents, service.cost_cents);
  if (line.reship) {
    reship_cost_cents_ += service.cost_cents;
    kpis().add(line.channel, category, Counter::reship_cost_cents, service.cost_cents);
  }
  if (line.service == Service::expedited) {
    expedited_shipping_cents_ += service.cost_cents;
    kpis().add(line.channel, category, Counter::expedited_shipping_cents, service.cost_cents);
  }
  // The delivery scan reaches the order manager one routing latency after the delivery.
  const sim::Time transit = sim::hours(transit_h);
  ctx.send(network().order_manager_of(line.zone), network().routing_latency + transit,
           Delivered{line, damaged, ctx.now() + transit});
}

void CarrierAgent::audit(Audit& audit) const {
  audit.in_transit_units += waiting_parcels_;
  audit.orders_open += waiting_parcels_;
  audit.shipping_cost_cents += shipping_cost_cents_;
  audit.expedited_shipping_cents += expedited_shipping_cents_;
  audit.reship_cost_cents += reship_cost_cents_;
}

}  // namespace retail
