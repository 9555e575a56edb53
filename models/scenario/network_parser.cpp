// Reading the carriers and the network (DCs, zones, stores, lanes) of a scenario, with the
// defaults nodes inherit and the demand shares normalized.
#include <limits>

#include "models/scenario/parser.hpp"

namespace retail::scenario {

namespace {

// What a node takes when it does not give its own replenishment policy or initial cover.
struct NodeDefaults {
  ReplenishmentPolicy store_policy, dc_policy;
  double store_cover_days = 0, dc_cover_days = 0;
};

NodeDefaults read_node_defaults(const Object& root) {
  const Object policies = root.object("replenishment", formats::node_policies);
  const Object cover = root.object("initial_days_of_cover", formats::initial_cover);
  return {policies.get("stores", policy), policies.get("dcs", policy),
          cover.get("stores", non_negative), cover.get("dcs", non_negative)};
}

CarrierServiceLevel read_service_level(const Object& f) {
  CarrierServiceLevel level;
  level.transit_days = f.get("transit_days", distribution);
  level.promise_days = f.get("promise_days", non_negative);
  level.cost_cents = f.get("cost", money);
  return level;
}

std::vector<Dc> read_dcs(const Node& node, const NodeDefaults& defaults, Names& names) {
  std::vector<Dc> dcs;
  for (const Node& element : node.array(1, kMaxDcs, "DCs")) {
    const Object f = element.object(formats::dc);
    Dc& dc = dcs.emplace_back();
    dc.name = names.dcs.add(f);
    dc.pickers = read_staffing(f, "pickers", std::nullopt);
    dc.pick_minutes = f.get("pick_minutes", distribution);
    dc.supplier_lead_days = f.get("supplier_lead_days", distribution);
    dc.handling_hours = f.get("handling_hours", non_negative, 0.0);
    dc.replenishment = f.get("replenishment", policy, defaults.dc_policy);
    dc.initial_days_of_cover = f.get("initial_days_of_cover", non_negative, defaults.dc_cover_days);
  }
  return dcs;
}

std::vector<Zone> read_zones(const Node& node, Names& names) {
  std::vector<Zone> zones;
  double total_weight = 0;
  for (const Node& element : node.array(1, kMaxZones, "zones")) {
    const Object f = element.object(formats::zone);
    Zone& zone = zones.emplace_back();
    zone.name = names.zones.add(f);
    zone.demand_share = f.get("demand_weight", non_negative);
    zone.dc = names.dcs.resolve(f.at("dc", "a DC name"));
    zone.carrier = names.carriers.resolve(f.at("carrier", "a carrier name"));
    total_weight += zone.demand_share;
  }
  if (total_weight <= 0)
    fail_at(node.path(), "no zone has a positive demand_weight (at least one must)");
  for (Zone& zone : zones)
    zone.demand_share /= total_weight;
  return zones;
}

std::vector<Store> read_stores(const Node& node, const NodeDefaults& defaults, Names& names) {
  std::vector<Store> stores;
  for (const Node& element : node.array(0, kMaxStores, "stores")) {
    const Object f = element.object(formats::store);
    // Stores and DCs are both nodes of the network, named in the same space.
    const Node name_node = f.at("name", name.expected());
    if (const auto dc = names.dcs.where_defined(name(name_node)))
      name_node.reject("is already the name of the DC at " + where(*dc) +
                       " (store and DC names must differ)");
    Store& store = stores.emplace_back();
    store.name = names.stores.add(f);
    store.zone = names.zones.resolve(f.at("zone", "a zone name"));
    store.demand_share = f.get("demand_weight", non_negative, 1.0);
    store.online_allocation = f.get("online_allocation", probability, 1.0);
    store.ship_from_store = f.get("ship_from_store", boolean, false);
    store.replenishment = f.get("replenishment", policy, defaults.store_policy);
    store.initial_days_of_cover =
        f.get("initial_days_of_cover", non_negative, defaults.store_cover_days);
  }
  return stores;
}

// Turns store weights into shares of their zone's store and BOPIS demand; a zone with such
// demand and no store to take it would lose it silently, so that is an error.
void share_zone_demand(std::vector<Store>& stores, const std::vector<Zone>& zones, bool stores_sell,
                       const Pointer& zones_path) {
  std::vector<double> zone_weight(zones.size(), 0.0);
  for (const Store& store : stores)
    zone_weight[store.zone] += store.demand_share;
  for (std::size_t z = 0; z < zones.size(); ++z)
    if (stores_sell && zones[z].demand_share > 0 && zone_weight[z] <= 0)
      fail_at(zones_path / z, "zone \"" + zones[z].name +
                                  "\" has store and BOPIS demand but no store with a positive "
                                  "demand_weight to serve it");
  for (Store& store : stores)
    if (zone_weight[store.zone] > 0) store.demand_share /= zone_weight[store.zone];
}

void read_lanes(const Node& node, std::vector<Store>& stores, const Names& names,
                const Pointer& stores_path) {
  constexpr std::size_t kNoLane = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> lane_of_store(stores.size(), kNoLane);
  std::size_t index = 0;
  for (const Node& element : node.array(0, kMaxStores, "lanes")) {
    const Object f = element.object(formats::lane);
    const DcId from = names.dcs.resolve(f.at("from", "a DC name"));
    const Node to_node = f.at("to", "a store name");
    const StoreId to = names.stores.resolve(to_node);
    if (lane_of_store[to] != kNoLane)
      to_node.reject("already has a lane (" + where(node.path() / lane_of_store[to]) +
                     "; every store has exactly one)");
    lane_of_store[to] = index++;
    stores[to].dc = from;
    stores[to].lane_transit_hours = f.get("transit_hours", distribution);
  }
  for (std::size_t s = 0; s < stores.size(); ++s)
    if (lane_of_store[s] == kNoLane)
      fail_at(node.path(), "no lane to store \"" + stores[s].name + "\" (" +
                               where(stores_path / s) +
                               "): every store needs exactly one lane from a DC");
}

}  // namespace

std::vector<Carrier> read_carriers(const Node& node, Names& names) {
  std::vector<Carrier> carriers;
  for (const Node& element : node.array(1, kMaxCarriers, "carriers")) {
    const Object f = element.object(formats::carrier);
    Carrier& carrier = carriers.emplace_back();
    carrier.name = names.carriers.add(f);
    carrier.pickup_cutoff_hour = f.get("pickup_cutoff_hour", Number{0, 24, false, true});
    carrier.capacity_per_day = f.get("capacity_per_day", Integer<std::uint32_t>{1, 1'000'000'000});
    carrier.exception_rate = f.get("exception_rate", probability);
    carrier.damage_share = f.get("damage_share", probability);
    carrier.late_scan_delay_hours = f.get("late_scan_delay_hours", distribution);
    const Object services = f.object("services", formats::carrier_services);
    for (std::size_t s = 0; s < kServices; ++s)
      carrier.services[s] =
          read_service_level(services.object(kServiceNames[s], formats::service_level));
  }
  return carriers;
}

void read_network(const Object& root, Scenario& scenario, Names& names) {
  const NodeDefaults defaults = read_node_defaults(root);
  const Object network = root.object("network", formats::network);
  scenario.dcs = read_dcs(network.at("dcs", "an array"), defaults, names);
  scenario.zones = read_zones(network.at("zones", "an array"), names);
  scenario.stores = read_stores(network.at("stores", "an array"), defaults, names);
  const auto share = [&](Channel c) {
    return scenario.channels[static_cast<std::size_t>(c)].demand_share;
  };
  share_zone_demand(scenario.stores, scenario.zones,
                    share(Channel::store) + share(Channel::bopis) > 0, network.path() / "zones");
  read_lanes(network.at("lanes", "an array"), scenario.stores, names, network.path() / "stores");
}

}  // namespace retail::scenario
