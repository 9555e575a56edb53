// The run memory estimate: the few terms that grow with the scenario's size, each an upper bound
// of what the agents, the engine and the KPI tables keep (calibrated against peak RSS).
#include "models/memory_estimate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "models/kpi.hpp"
#include "models/messages.hpp"
#include "models/network.hpp"

namespace retail {

namespace {

// Per SKU at every store and DC: the network's expected demand, levels and initial stock; the
// inventory's on hand, on order and backordered counts, levels and change tracking; and the
// availability updates a node may have in flight. Measured: about 50 bytes.
constexpr double kNodeSkuBytes = 56;
// The executable, its libraries and oneTBB's workers: a small run peaks at about 8 MiB.
constexpr double kBaseBytes = 8.0 * 1024 * 1024;
// Customers of the hour ahead are drawn at once; the busiest hours carry twice the average.
constexpr double kArrivalDaysPending = 2.0 / 24;
// Online orders and replenishment stay in flight (picks, parcels, trucks) for a few days.
constexpr double kInFlightDays = 5;
// A pending event sits in a heap that grows by doubling.
constexpr double kBytesPerPendingEvent = 2.0 * sizeof(Event);
// An order waiting for a picker: its line and arrival time, in a deque's blocks.
constexpr double kBytesPerQueuedPick = 1.25 * (sizeof(OrderLine) + sizeof(sim::Time));
constexpr double kMinutesPerDay = 24 * 60;

double kpi_table_bytes(const Scenario& s) {
  const double days = s.horizon_days;
  const double categories = static_cast<double>(s.catalog.categories.size());
  return days * kChannels * categories * kCounters * sizeof(std::int64_t) +
         days * categories * sizeof(StockLevel) + days * sizeof(std::int64_t);
}

double expected_daily_units(const Scenario& s) {
  double units = 0;
  for (const Sku& sku : s.catalog.skus) {
    const double price_ratio = static_cast<double>(sku.price_cents) /
                               static_cast<double>(std::max<Cents>(sku.list_price_cents, 1));
    units += sku.base_demand_per_day * price_effect_of(price_ratio, s.demand);
  }
  return units;
}

double share(const Scenario& s, Channel channel) {
  return s.channels[static_cast<std::size_t>(channel)].demand_share;
}

// Orders a DC cannot pick as fast as they come queue for the rest of the run: its pickers'
// daily capacity against the web and marketplace orders of its zones (all of them, as if no
// store shipped any, which errs high).
double pick_backlog_bytes(const Scenario& s, double daily_units) {
  std::vector<double> orders_per_day(s.dcs.size(), 0.0);
  const double dc_channels = share(s, Channel::web) + share(s, Channel::marketplace);
  for (const Zone& zone : s.zones)
    orders_per_day[zone.dc] += daily_units * zone.demand_share * dc_channels;
  double queued = 0;
  for (std::size_t d = 0; d < s.dcs.size(); ++d) {
    const double pick_minutes = std::max(s.dcs[d].pick_minutes.mean(), 1e-9);
    const double capacity = s.dcs[d].pickers * kMinutesPerDay / pick_minutes;
    queued += std::max(0.0, orders_per_day[d] - capacity) * s.horizon_days;
  }
  return queued * kBytesPerQueuedPick;
}

// Promotions and ads: every demand generator keeps, per promotion and ad program, which SKUs it
// lifts, and per channel the lifted demand and ad lift of every SKU; with promotions, every store
// prices one channel and every order manager three, a slot per SKU each.
double lever_bytes(const Scenario& s) {
  const double skus = static_cast<double>(s.catalog.skus.size());
  const double zones = static_cast<double>(s.zones.size());
  const double sources = static_cast<double>(s.promotions.size() + s.advertising.programs.size());
  if (sources == 0) return 0;
  const double demand = zones * skus * (sources + kChannels * 2 * sizeof(double));
  const double boards =
      s.promotions.empty() ? 0 : (static_cast<double>(s.stores.size()) + 3 * zones) * skus * 24;
  return demand + boards;
}

// The control tower keeps every rule's counters for every day of the run.
double control_tower_bytes(const Scenario& s) {
  return static_cast<double>(s.control_tower.rules.size()) * s.horizon_days * kCounters *
         sizeof(std::int64_t);
}

double replication_bytes(const Scenario& s) {
  const double skus = static_cast<double>(s.catalog.skus.size());
  const double stores = static_cast<double>(s.stores.size());
  const double dcs = static_cast<double>(s.dcs.size());
  const double zones = static_cast<double>(s.zones.size());
  const double categories = static_cast<double>(s.catalog.categories.size());
  const double agents = 2 * zones + stores + dcs + static_cast<double>(s.carriers.size()) +
                        static_cast<double>(s.promotions.size() + s.advertising.programs.size()) +
                        3;

  const double nodes = (stores + dcs) * skus * kNodeSkuBytes;
  // Each zone's order manager sees its DC and stores, plus the marketplace's copy of the DC.
  const double views = (stores + 2 * zones) * skus * sizeof(std::int32_t);
  // Every agent's counters of the day in progress, with their touched-cell index.
  const double buffers =
      agents * kChannels * categories * (kCounters * sizeof(std::int64_t) + sizeof(std::uint32_t));
  const double units = expected_daily_units(s);
  const double pending = units * (kArrivalDaysPending + kInFlightDays);

  return nodes + views + buffers + pending * kBytesPerPendingEvent + kpi_table_bytes(s) +
         pick_backlog_bytes(s, units) + lever_bytes(s) + control_tower_bytes(s);
}

std::uint64_t saturate(double bytes) {
  constexpr double kMax = static_cast<double>(std::numeric_limits<std::uint64_t>::max());
  return bytes >= kMax ? std::numeric_limits<std::uint64_t>::max()
                       : static_cast<std::uint64_t>(std::ceil(bytes));
}

}  // namespace

std::uint64_t estimate_replication_bytes(const Scenario& scenario) {
  return saturate(replication_bytes(scenario));
}

std::uint64_t estimate_run_bytes(const Scenario& scenario, unsigned concurrent_replications,
                                 std::uint32_t replications) {
  const double running = std::clamp<double>(concurrent_replications, 1, std::max(replications, 1u));
  // A running replication's table is counted in replication_bytes; the others wait finished.
  const double finished = std::max(0.0, replications - running);
  return saturate(kBaseBytes + running * replication_bytes(scenario) +
                  finished * kpi_table_bytes(scenario));
}

}  // namespace retail
