// Carrier behaviour: cut-offs, daily capacity, transit and exceptions, and what a parcel costs.
#include "models/agents/carrier.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>
#include <vector>

namespace retail {

namespace {
enum Stream : std::uint32_t { kTransit, kExceptions };

// A line that may share its parcel with others of its order (a re-ship travels alone).
bool in_multiline_order(const OrderLine& line) {
  return line.order_lines > 1 && !line.reship;
}

}  // namespace

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
  ++waiting_lines_;
  waiting_multiline_ += in_multiline_order(tender.line);
}

void CarrierAgent::on(const PickupTick&, Context& ctx) {
  for (auto& [node, parcels] : waiting_) {
    if (waiting_multiline_ > 0) {
      collect_parcels(parcels, config_.capacity_per_day, ctx);
      continue;
    }
    // Every parcel one line: the first `capacity` lines, as they came.
    const std::size_t collected = std::min<std::size_t>(parcels.size(), config_.capacity_per_day);
    for (std::size_t i = 0; i < collected; ++i) {
      carry(std::span<const OrderLine>(&parcels.front(), 1), ctx);
      parcels.pop_front();
    }
    waiting_lines_ -= static_cast<std::int64_t>(collected);
  }
  ctx.schedule(sim::kTicksPerDay, PickupTick{});
}

void CarrierAgent::collect_parcels(std::deque<OrderLine>& waiting, std::size_t capacity,
                                   Context& ctx) {
  std::vector<std::vector<OrderLine>> boxes;  // the parcels, in the order their first line came
  std::unordered_map<std::uint64_t, std::size_t> box_of_order;
  std::deque<OrderLine> left;
  for (const OrderLine& line : waiting) {
    const bool multiline = in_multiline_order(line);
    if (multiline) {
      if (const auto found = box_of_order.find(line.id); found != box_of_order.end()) {
        boxes[found->second].push_back(line);
        continue;
      }
    }
    if (boxes.size() >= capacity) {
      left.push_back(line);
      continue;
    }
    if (multiline) box_of_order.emplace(line.id, boxes.size());
    boxes.push_back({line});
  }
  waiting = std::move(left);
  for (const std::vector<OrderLine>& box : boxes) {
    waiting_lines_ -= static_cast<std::int64_t>(box.size());
    for (const OrderLine& line : box)
      waiting_multiline_ -= in_multiline_order(line);
    carry(box, ctx);
  }
}

void CarrierAgent::carry(std::span<const OrderLine> lines, Context& ctx) {
  const OrderLine& line = lines.front();
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
  ++parcels_;
  kpis().add(line.channel, network().scenario.catalog.skus[line.sku].category,
             Counter::parcels_shipped);
  shipping_cost_cents_ += service.cost_cents;
  if (line.reship) reship_cost_cents_ += service.cost_cents;
  if (line.service == Service::expedited) expedited_shipping_cents_ += service.cost_cents;
  // The parcel's cost is booked on its lines' categories in whole cents that add up.
  const auto count = static_cast<Cents>(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Cents share =
        service.cost_cents / count + (static_cast<Cents>(i) < service.cost_cents % count ? 1 : 0);
    const CategoryId category = network().scenario.catalog.skus[lines[i].sku].category;
    kpis().add(line.channel, category, Counter::shipping_cost_cents, share);
    if (line.reship) kpis().add(line.channel, category, Counter::reship_cost_cents, share);
    if (line.service == Service::expedited)
      kpis().add(line.channel, category, Counter::expedited_shipping_cents, share);
  }
  // The delivery scan reaches the order manager one routing latency after the delivery.
  const sim::Time transit = sim::hours(transit_h);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    ctx.send(network().order_manager_of(line.zone), network().routing_latency + transit,
             Delivered{lines[i], damaged, i == 0, ctx.now() + transit});
  }
}

void CarrierAgent::audit(Audit& audit) const {
  audit.parcels += parcels_;
  audit.in_transit_units += waiting_lines_;
  audit.orders_open += waiting_lines_;
  audit.shipping_cost_cents += shipping_cost_cents_;
  audit.expedited_shipping_cents += expedited_shipping_cents_;
  audit.reship_cost_cents += reship_cost_cents_;
}

}  // namespace retail
