// Estimating each agent's daily events from demand, channel shares and clock intervals.
#include "models/world/workload.hpp"

namespace retail {

namespace {

// A forecast-driven node closes every SKU's forecast day and re-plans every SKU at its reviews:
// work that sends no message. Per SKU and day it costs about a fifteenth of an event, as measured
// on the large planned chain of bench/retail_bench.cpp (stores took 104 us of handling per
// expected daily event against 39 us for order managers, demand and carriers, whose work is all
// in their events). Without it the engine gave one thread two thirds of the stores and 1.5 times
// the other's work.
constexpr double kEventsPerPlannedSku = 1.0 / 15;

double planning_events(const ReplenishmentPolicy& policy, std::size_t skus) {
  return policy.kind == ReplenishmentPolicy::Kind::forecast_order_up_to
             ? kEventsPerPlannedSku * static_cast<double>(skus)
             : 0.0;
}

}  // namespace

std::vector<double> expected_daily_events(const Network& network) {
  const Scenario& s = network.scenario;
  const auto share = [&](Channel c) { return network.channel_share(c); };
  const double chain = network.chain_daily_demand;
  const double online = share(Channel::web) + share(Channel::marketplace);
  const double syncs = 24 * 60 / s.availability.sync_interval_minutes;
  constexpr double kDailyClocks = 2;  // the day's end, reviews, pickups
  const std::size_t skus = s.catalog.skus.size();

  std::vector<double> events(network.ids.agents, 0.0);
  for (ZoneId zone = 0; zone < s.zones.size(); ++zone) {
    const double customers = chain * s.zones[zone].demand_share;
    events[network.ids.demand[zone]] = 24 + customers;
    // Each online customer, then a delivery; each node's availability updates.
    events[network.ids.order_manager[zone]] =
        customers * (online + share(Channel::bopis)) * 2 +
        syncs * static_cast<double>(network.stores_by_zone[zone].size() + 1);
    for (const StoreId store : network.stores_by_zone[zone]) {
      const double walk_ins = customers * s.stores[store].demand_share *
                              (share(Channel::store) + 2 * share(Channel::bopis));
      events[network.ids.store[store]] =
          walk_ins + syncs + kDailyClocks + planning_events(s.stores[store].replenishment, skus);
    }
    // Orders and picks at the zone's DC (store replenishment comes a few orders a week, each
    // with many lines); one tender per parcel at its carrier.
    events[network.ids.dc[s.zones[zone].dc]] += customers * online * 2;
    events[network.ids.carrier[s.zones[zone].carrier]] += customers * online;
  }
  for (DcId dc = 0; dc < s.dcs.size(); ++dc) {
    events[network.ids.dc[dc]] +=
        syncs + kDailyClocks + planning_events(s.dcs[dc].replenishment, skus);
  }
  // Promotions and ad programs: a few phases or one spend decision a day, and the attributions.
  for (const auto promotion : network.ids.promotion)
    events[promotion] = kDailyClocks;
  for (const auto program : network.ids.ad_program)
    events[program] = kDailyClocks + static_cast<double>(s.zones.size());
  // A contact per few orders, at most: a rough share of the online order flow.
  events[network.ids.customer_service] = chain * online * 0.2;
  events[network.ids.recorder] = static_cast<double>(network.ids.agents);
  if (network.ids.control_tower)
    events[*network.ids.control_tower] = static_cast<double>(network.ids.agents);
  return events;
}

}  // namespace retail
