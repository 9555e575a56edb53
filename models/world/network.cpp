// Deriving the network's read-only facts from the scenario.
#include "models/world/network.hpp"

#include <algorithm>
#include <cmath>

#include "models/mechanics/forecast.hpp"

namespace retail {

namespace {

Directory make_directory(const Scenario& scenario,
                         const std::vector<std::vector<StoreId>>& stores_by_zone) {
  Directory ids;
  sim::AgentId next = 0;
  ids.store.resize(scenario.stores.size());
  for (ZoneId zone = 0; zone < scenario.zones.size(); ++zone) {
    ids.demand.push_back(next++);
    ids.order_manager.push_back(next++);
    for (const StoreId store : stores_by_zone[zone])
      ids.store[store] = next++;
  }
  for (std::size_t dc = 0; dc < scenario.dcs.size(); ++dc)
    ids.dc.push_back(next++);
  for (std::size_t carrier = 0; carrier < scenario.carriers.size(); ++carrier)
    ids.carrier.push_back(next++);
  for (std::size_t promotion = 0; promotion < scenario.promotions.size(); ++promotion)
    ids.promotion.push_back(next++);
  for (std::size_t program = 0; program < scenario.advertising.programs.size(); ++program)
    ids.ad_program.push_back(next++);
  ids.customer_service = next++;
  if (!scenario.control_tower.rules.empty()) ids.control_tower = next++;
  ids.recorder = next++;
  ids.agents = next;
  return ids;
}

std::int32_t units(double value) {
  return static_cast<std::int32_t>(std::lround(value));
}

ChannelMix normalised(ChannelMix mix) {
  double total = 0;
  for (const double share : mix)
    total += share;
  if (total <= 0) return ChannelMix{1, 0, 0, 0};
  for (double& share : mix)
    share /= total;
  return mix;
}

// An (s,S) or base-stock policy's levels for one SKU, given the node's expected daily demand.
Levels levels_of(const ReplenishmentPolicy& policy, double daily_demand) {
  if (!policy.in_days_of_cover) return {units(policy.reorder_point), units(policy.order_up_to)};
  const std::int32_t s = units(policy.reorder_point * daily_demand);
  return {s, std::max(s + 1, units(policy.order_up_to * daily_demand))};
}

// Starting stock: the given days of cover, or the order-up-to level when none is given.
std::int32_t initial_of(double days_of_cover, const Levels& levels, double daily_demand) {
  return days_of_cover > 0 ? units(days_of_cover * daily_demand) : levels.order_up_to;
}

}  // namespace

Network::Network(const Scenario& s)
    : scenario(s),
      routing_latency(sim::minutes(s.orders.routing_latency_minutes)),
      availability_latency(sim::minutes(s.availability.latency_minutes)),
      report_latency(sim::minutes(s.kpi.report_latency_minutes)),
      skus_by_category(s.catalog.categories.size()),
      stores_by_zone(s.zones.size()),
      zones_by_dc(s.dcs.size()),
      stores_by_dc(s.dcs.size()),
      price_effect(s.catalog.skus.size(), 1.0),
      store_daily_demand(s.stores.size(), std::vector<double>(s.catalog.skus.size(), 0.0)),
      dc_daily_demand(s.dcs.size(), std::vector<double>(s.catalog.skus.size(), 0.0)),
      planning(s) {
  for (SkuId sku = 0; sku < s.catalog.skus.size(); ++sku)
    skus_by_category[s.catalog.skus[sku].category].push_back(sku);
  for (StoreId store = 0; store < s.stores.size(); ++store) {
    stores_by_zone[s.stores[store].zone].push_back(store);
    stores_by_dc[s.stores[store].dc].push_back(store);
  }
  for (ZoneId zone = 0; zone < s.zones.size(); ++zone)
    zones_by_dc[s.zones[zone].dc].push_back(zone);
  ids = make_directory(s, stores_by_zone);

  for (SkuId sku = 0; sku < s.catalog.skus.size(); ++sku) {
    const Sku& item = s.catalog.skus[sku];
    if (item.list_price_cents > 0 && item.price_cents > 0) {
      price_effect[sku] = price_effect_of(
          static_cast<double>(item.price_cents) / static_cast<double>(item.list_price_cents),
          s.demand);
    }
    sku_daily_demand.push_back(item.base_demand_per_day * price_effect[sku]);
    chain_daily_demand += sku_daily_demand.back();
  }
  // With no demand at all nothing is ever drawn; equal weights keep the distribution valid.
  std::vector<double> weights = sku_daily_demand;
  if (chain_daily_demand == 0) std::fill(weights.begin(), weights.end(), 1.0);
  sku_choice = boost::random::discrete_distribution<SkuId, double>(weights.begin(), weights.end());

  const auto share = [&](Channel c) { return channel_share(c); };
  for (SkuId sku = 0; sku < s.catalog.skus.size(); ++sku) {
    const double chain = sku_daily_demand[sku];
    for (StoreId store = 0; store < s.stores.size(); ++store) {
      const Store& config = s.stores[store];
      const double daily = chain * s.zones[config.zone].demand_share * config.demand_share *
                           (share(Channel::store) + share(Channel::bopis));
      store_daily_demand[store][sku] = daily;
      dc_daily_demand[config.dc][sku] += daily;
    }
    for (ZoneId zone = 0; zone < s.zones.size(); ++zone) {
      dc_daily_demand[s.zones[zone].dc][sku] +=
          chain * s.zones[zone].demand_share * (share(Channel::web) + share(Channel::marketplace));
    }
  }

  // Channel mixes: the same for every SKU, since every SKU splits over zones, stores and channels
  // alike.
  dc_mix.assign(s.dcs.size(), ChannelMix{});
  for (StoreId store = 0; store < s.stores.size(); ++store) {
    const Store& config = s.stores[store];
    ChannelMix mix{};
    for (const Channel c : {Channel::store, Channel::bopis})
      mix[static_cast<std::size_t>(c)] = share(c);
    store_mix.push_back(normalised(mix));
    const double weight = s.zones[config.zone].demand_share * config.demand_share;
    for (const Channel c : {Channel::store, Channel::bopis})
      dc_mix[config.dc][static_cast<std::size_t>(c)] += weight * share(c);
  }
  for (ZoneId zone = 0; zone < s.zones.size(); ++zone) {
    for (const Channel c : {Channel::web, Channel::marketplace})
      dc_mix[s.zones[zone].dc][static_cast<std::size_t>(c)] +=
          s.zones[zone].demand_share * share(c);
  }
  for (ChannelMix& mix : dc_mix)
    mix = normalised(mix);

  const double routing_days = s.orders.routing_latency_minutes / (24 * 60);
  for (const Store& store : s.stores)
    store_lead_days.push_back(2 * routing_days + store.lane_transit_hours.mean() / 24);
  for (const Dc& dc : s.dcs)
    dc_lead_days.push_back(dc.supplier_lead_days.mean() + dc.handling_hours / 24);

  // A forecast-driven node starts where a review would put it with Poisson demand: over its lead
  // time + review period, with the lifts planners know of at the start.
  const auto plan = [&](const ReplenishmentPolicy& policy, double cover, double lead_days,
                        const ChannelMix& mix, const std::vector<double>& demand,
                        std::vector<Levels>& levels, std::vector<std::int32_t>& initial) {
    const bool forecast = policy.kind == ReplenishmentPolicy::Kind::forecast_order_up_to;
    const double span = planning_span_days(policy, lead_days);
    for (SkuId sku = 0; sku < demand.size(); ++sku) {
      const double daily = demand[sku];
      if (forecast) {
        const std::int32_t level = forecast_order_up_to(
            policy, daily * planning.planned_days(sku, mix, 0, span, 0), std::sqrt(daily), span);
        levels.push_back({level - 1, level});
      } else {
        levels.push_back(levels_of(policy, daily));
      }
      initial.push_back(initial_of(cover, levels.back(), daily));
    }
  };
  store_levels.resize(s.stores.size());
  store_initial.resize(s.stores.size());
  for (StoreId store = 0; store < s.stores.size(); ++store) {
    plan(s.stores[store].replenishment, s.stores[store].initial_days_of_cover,
         store_lead_days[store], store_mix[store], store_daily_demand[store], store_levels[store],
         store_initial[store]);
  }
  dc_levels.resize(s.dcs.size());
  dc_initial.resize(s.dcs.size());
  for (DcId dc = 0; dc < s.dcs.size(); ++dc) {
    plan(s.dcs[dc].replenishment, s.dcs[dc].initial_days_of_cover, dc_lead_days[dc], dc_mix[dc],
         dc_daily_demand[dc], dc_levels[dc], dc_initial[dc]);
  }
}

std::int32_t Network::online_units(std::int32_t on_hand, double allocation) {
  return static_cast<std::int32_t>(std::floor(on_hand * allocation));
}

}  // namespace retail
