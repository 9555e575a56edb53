// Drawing customers: Poisson counts per hour and channel, uniform times within the hour.
#include "models/demand.hpp"

#include <boost/random/poisson_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <stdexcept>

namespace retail {

namespace {
enum Stream : std::uint32_t { kArrivals, kChoices };
}

DemandAgent::DemandAgent(const Network& network, ZoneId zone) : RetailAgent(network), zone_(zone) {
  const auto& scenario = network.scenario;
  for (std::size_t c = 0; c < kChannels; ++c) {
    base_per_hour_[c] = network.chain_daily_demand * scenario.zones[zone].demand_share *
                        scenario.channels[c].demand_share / 24;
  }
  std::vector<double> store_weights;
  for (const StoreId store : network.stores_by_zone[zone])
    store_weights.push_back(scenario.stores[store].demand_share);
  if (!store_weights.empty()) {
    store_choice_ = boost::random::discrete_distribution<std::uint32_t, double>(
        store_weights.begin(), store_weights.end());
  }
}

double DemandAgent::rate_per_hour(Channel channel, std::uint64_t hour) const {
  const auto& config = network().scenario.channels[static_cast<std::size_t>(channel)];
  return base_per_hour_[static_cast<std::size_t>(channel)] * config.day_of_week[(hour / 24) % 7] *
         config.hour_of_day[hour % 24];
}

void DemandAgent::start(Context& ctx) {
  ctx.schedule(0, DemandTick{});
}

void DemandAgent::handle(const Event& event, Context& ctx) {
  if (!std::holds_alternative<DemandTick>(event.msg)) {
    throw std::logic_error("demand of zone '" + network().scenario.zones[zone_].name +
                           "' received an unexpected message at " + sim::format_time(ctx.now()));
  }
  draw_hour(static_cast<std::uint64_t>(ctx.now() / sim::kTicksPerHour) + 1, ctx);
  ctx.schedule(sim::kTicksPerHour, DemandTick{});
}

void DemandAgent::draw_hour(std::uint64_t hour, Context& ctx) {
  auto& arrivals = ctx.rng(kArrivals);
  auto& choices = ctx.rng(kChoices);
  const sim::Time hour_start = static_cast<sim::Time>(hour) * sim::kTicksPerHour;
  boost::random::uniform_real_distribution<double> within_hour(0.0, 1.0);
  for (std::size_t c = 0; c < kChannels; ++c) {
    const auto channel = static_cast<Channel>(c);
    const double mean = rate_per_hour(channel, hour);
    if (mean <= 0) continue;
    const int count = boost::random::poisson_distribution<int, double>(mean)(arrivals);
    for (int i = 0; i < count; ++i) {
      const sim::Time at =
          hour_start + static_cast<sim::Time>(within_hour(arrivals) * sim::kTicksPerHour);
      CustomerArrival customer{network().sku_choice(choices), channel, 0, 0};
      sim::AgentId to = network().order_manager_of(zone_);
      if (channel == Channel::store || channel == Channel::bopis) {
        customer.store = network().stores_by_zone[zone_][store_choice_(choices)];
        if (channel == Channel::store) to = network().ids.store[customer.store];
      }
      ctx.send(to, at - ctx.now(), customer);
    }
  }
}

}  // namespace retail
