// The read-only facts every agent of a replication consults: agent ids, latencies in ticks, SKUs
// by category, expected demand per node and the replenishment levels derived from it.
#pragma once

#include <boost/random/discrete_distribution.hpp>
#include <cstdint>
#include <optional>
#include <vector>

#include "models/mechanics/price_effect.hpp"
#include "models/scenario/scenario.hpp"
#include "models/world/planning_calendar.hpp"
#include "sim/event.hpp"
#include "sim/time.hpp"

namespace retail {

// Agent ids, zone by zone (demand generator, order manager, the zone's stores), then DCs,
// carriers, promotions, ad programs, customer service, the control tower and the KPI recorder:
// neighbours in id order talk most, which keeps contiguous partitions of the parallel engine mostly
// self-contained.
struct Directory {
  std::vector<sim::AgentId> demand;         // per zone
  std::vector<sim::AgentId> order_manager;  // per zone
  std::vector<sim::AgentId> store;
  std::vector<sim::AgentId> dc;
  std::vector<sim::AgentId> carrier;
  std::vector<sim::AgentId> promotion;
  std::vector<sim::AgentId> ad_program;
  sim::AgentId customer_service = 0;
  std::optional<sim::AgentId> control_tower;  // when the scenario has rules
  sim::AgentId recorder = 0;
  std::size_t agents = 0;
};

// Reorder point and order-up-to level of one SKU at one node, in units.
struct Levels {
  std::int32_t reorder_point = 0;
  std::int32_t order_up_to = 0;
};

struct Network {
  explicit Network(const Scenario& scenario);
  // The network refers to its scenario: a temporary one would leave it dangling.
  explicit Network(Scenario&&) = delete;

  const Scenario& scenario;
  Directory ids;
  sim::Time routing_latency;
  sim::Time availability_latency;
  sim::Time report_latency;
  std::vector<std::vector<SkuId>> skus_by_category;
  std::vector<std::vector<StoreId>> stores_by_zone;
  std::vector<std::vector<ZoneId>> zones_by_dc;
  std::vector<std::vector<StoreId>> stores_by_dc;
  // Demand multiplier of each SKU from its price: (price / list price)^-elasticity.
  std::vector<double> price_effect;
  // Chain-wide expected units per day of each SKU (base demand x price effect), and their sum.
  std::vector<double> sku_daily_demand;
  double chain_daily_demand = 0;
  // Expected units per day at each node, per SKU (what days-of-cover levels are measured in).
  std::vector<std::vector<double>> store_daily_demand;
  std::vector<std::vector<double>> dc_daily_demand;
  std::vector<std::vector<Levels>> store_levels;
  std::vector<std::vector<Levels>> dc_levels;
  std::vector<std::vector<std::int32_t>> store_initial;
  std::vector<std::vector<std::int32_t>> dc_initial;
  // A replenishment order's expected lead time, order placed -> units on hand, in days.
  std::vector<double> store_lead_days;
  std::vector<double> dc_lead_days;
  // The channels each node's demand comes through (a DC's includes its stores' orders).
  std::vector<ChannelMix> store_mix;
  std::vector<ChannelMix> dc_mix;
  PlanningCalendar planning;
  // Which SKU a customer wants: proportional to base demand x price effect.
  boost::random::discrete_distribution<SkuId, double> sku_choice;

  double channel_share(Channel channel) const {
    return scenario.channels[static_cast<std::size_t>(channel)].demand_share;
  }
  // The order manager of a zone.
  sim::AgentId order_manager_of(ZoneId zone) const { return ids.order_manager[zone]; }
  // Nodes as rules and actions name them: the DCs, then the stores.
  std::size_t node_count() const { return ids.dc.size() + ids.store.size(); }
  sim::AgentId node_agent(std::uint32_t node) const {
    return node < ids.dc.size() ? ids.dc[node] : ids.store[node - ids.dc.size()];
  }
  // Units a node offers online out of what it has on hand.
  static std::int32_t online_units(std::int32_t on_hand, double allocation);
};

}  // namespace retail
