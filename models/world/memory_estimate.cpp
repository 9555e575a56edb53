// The run memory estimate: the few terms that grow with the scenario's size, each an upper bound
// of what the agents, the engine and the KPI tables keep (calibrated against peak RSS).
#include "models/world/memory_estimate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "models/agents/messages.hpp"
#include "models/mechanics/ad_lift.hpp"
#include "models/mechanics/customer_base.hpp"
#include "models/metrics/kpi.hpp"
#include "models/world/network.hpp"

namespace retail {

namespace {

// Per SKU at every store and DC: the network's expected demand, levels and initial stock; the
// inventory's on hand, on order and backordered counts, levels and change tracking; and the
// availability updates a node may have in flight. Measured: about 50 bytes.
constexpr double kNodeSkuBytes = 56;
// The executable, its libraries and oneTBB's workers: a small run peaks at about 8.5 MiB.
constexpr double kBaseBytes = 9.0 * 1024 * 1024;
// Customers of the hour ahead are drawn at once; the busiest hours carry twice the average.
constexpr double kArrivalDaysPending = 2.0 / 24;
// An online order's time in flight besides those the scenario sets (below): routing, picking,
// waiting for the carrier's daily pickup, availability updates. Calibrated against peak RSS.
constexpr double kHandlingDays = 4;
// A pending event sits whole in its bucket, or, once due within the hour, in a side array with
// its 24-byte heap handle (and a free-slot index); all of them grow by doubling.
constexpr double kBytesPerPendingEvent = 2.0 * (sizeof(Event) + 16);
// An order waiting for a picker: its line and arrival time, in a deque's blocks.
constexpr double kBytesPerQueuedPick = 1.25 * (sizeof(OrderLine) + sizeof(sim::Time));
constexpr double kMinutesPerDay = 24 * 60;
// KPI logs: measured at about 200 bytes per unit of daily demand in a large chain; twice that.
constexpr double kKpiLogBytesPerDailyUnit = 400;
// The tables that sum the logs: one per thread a replication runs on, counted as two.
constexpr double kSummingThreads = 2;

double kpi_table_bytes(const Scenario& s) {
  const double days = s.horizon_days;
  const double categories = static_cast<double>(s.catalog.categories.size());
  const double nodes = s.kpi.node_days ? static_cast<double>(s.stores.size() + s.dcs.size()) : 0.0;
  return days * kChannels * categories * kCounters * sizeof(std::int64_t) +
         days * categories * sizeof(StockLevel) + days * sizeof(std::int64_t) +
         days * nodes * (sizeof(NodeStock) + categories * sizeof(ReplenishmentCell));
}

double share(const Scenario& s, Channel channel) {
  return s.channels[static_cast<std::size_t>(channel)].demand_share;
}

// Demand at list price, plus what each ad program adds on its channel at its budget cap (with the
// adstock that budget builds up day after day).
double expected_daily_units(const Scenario& s) {
  double units = 0;
  for (const Sku& sku : s.catalog.skus) {
    const double price_ratio = static_cast<double>(sku.price_cents) /
                               static_cast<double>(std::max<Cents>(sku.list_price_cents, 1));
    units += sku.base_demand_per_day * price_effect_of(price_ratio, s.demand);
  }
  for (const AdProgram& program : s.advertising.programs) {
    const double budget =
        static_cast<double>(std::max(program.daily_budget_cents, program.max_daily_budget_cents));
    const double adstock = budget / std::max(1e-9, 1 - program.adstock_decay);
    double advertised = 0;
    for (const SkuId sku : program.skus)
      advertised += s.catalog.skus[sku].base_demand_per_day;
    units += advertised * share(s, program.channel) * (ad_lift(program, adstock) - 1);
  }
  return units;
}

// The share of shipped units that come back, at its highest over the run: every reason's drift
// by the horizon, the scenario's sizing content and packaging, and with promotions the uplift of
// units bought through a mismatch.
double return_share(const Scenario& s, double daily_units) {
  if (daily_units <= 0) return 0;
  double propensity = 0;
  for (const Sku& sku : s.catalog.skus)
    propensity += sku.base_demand_per_day * sku.return_propensity;
  propensity /= daily_units;
  const Returns& r = s.returns;
  double drift = 1;
  for (const ReturnReasonConfig& reason : r.reasons)
    drift = std::max(drift, 1 + reason.drift_per_day * s.horizon_days);
  const double content = std::max(1 + r.sizing_sensitivity * (1 - r.sizing_content_quality),
                                  1 + r.packaging_sensitivity * (1 - r.packaging_standard));
  const double uplift = s.promotions.empty() ? 0 : s.demand.promo_mismatch.return_uplift;
  return std::min(1.0, propensity * drift * content + uplift);
}

// Little's law: the events in flight are the rate at which they are made times how long each
// waits. A shipped unit waits for the carrier's transit (the slowest service of any carrier, with
// its late scans) and, if it comes back, the customer's decision, the way back, grading and
// refurbishing; a BOPIS unit waits to be collected; a customer who defers waits to come back.
// These times come from the scenario, so long transits or return windows raise the estimate.
double days_in_flight_per_unit(const Scenario& s, double daily_units) {
  double transit_days = 0;
  for (const Carrier& carrier : s.carriers) {
    for (const CarrierServiceLevel& service : carrier.services) {
      transit_days = std::max(
          transit_days, service.transit_days.mean() +
                            carrier.exception_rate * carrier.late_scan_delay_hours.mean() / 24);
    }
  }
  const Returns& r = s.returns;
  const double return_days = r.decision_days.mean() + r.transit_days.mean() +
                             r.grading_hours.mean() / 24 + r.refurbish_days.mean();
  const double shipped = share(s, Channel::web) + share(s, Channel::marketplace);
  const double bopis_days =
      (s.orders.bopis_ready_hours + s.orders.bopis_pickup_delay_hours.mean()) / 24;
  const double defer_days = s.demand.out_of_stock.defer * s.demand.out_of_stock.max_deferrals *
                            s.demand.out_of_stock.defer_hours.mean() / 24;
  const double bopis = share(s, Channel::bopis);
  return kArrivalDaysPending + defer_days + (shipped + bopis) * kHandlingDays + bopis * bopis_days +
         shipped * (transit_days + return_share(s, daily_units) * return_days);
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
    const double capacity = s.dcs[d].pickers.mean() * kMinutesPerDay / pick_minutes;
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
      s.promotions.empty() ? 0 : (static_cast<double>(s.stores.size()) + 3 * zones) * skus * 8;
  return demand + boards;
}

// The control tower keeps every rule's counters for every day of the run.
double control_tower_bytes(const Scenario& s) {
  return static_cast<double>(s.control_tower.rules.size()) * s.horizon_days * kCounters *
         sizeof(std::int64_t);
}

// A forecast-driven node's planner, per SKU: the squared errors of the error window and a moving
// average's window of demand and today's (single precision), the level (a moving average's
// sum) and the errors' sum.
double forecast_bytes_per_sku(const ReplenishmentPolicy& policy) {
  if (policy.kind != ReplenishmentPolicy::Kind::forecast_order_up_to) return 0;
  const bool average = policy.forecast.method == Forecast::Method::moving_average;
  const double days =
      policy.forecast_error_window_days + (average ? policy.forecast.window_days : 0);
  return (days + 1) * sizeof(float) + 2 * sizeof(double);
}

double planner_bytes(const Scenario& s) {
  double per_sku = 0;
  for (const Store& store : s.stores)
    per_sku += forecast_bytes_per_sku(store.replenishment);
  for (const Dc& dc : s.dcs)
    per_sku += forecast_bytes_per_sku(dc.replenishment);
  return per_sku * static_cast<double>(s.catalog.skus.size());
}

// Every customer the bases will have held: the initial ones and the horizon's acquisitions (those
// ads bring are bounded by the visits they add, among the units counted above), in vectors that
// grow by doubling.
double customer_bytes(const Scenario& s, double daily_units) {
  if (!s.customers.enabled) return 0;
  const double customers =
      s.customers.initial + (s.customers.daily_acquisition() + daily_units) * s.horizon_days;
  return 2 * customers * CustomerBase::bytes_per_customer();
}

double replication_bytes(const Scenario& s) {
  const double skus = static_cast<double>(s.catalog.skus.size());
  const double stores = static_cast<double>(s.stores.size());
  const double dcs = static_cast<double>(s.dcs.size());
  const double zones = static_cast<double>(s.zones.size());
  const double categories = static_cast<double>(s.catalog.categories.size());

  const double nodes = (stores + dcs) * skus * kNodeSkuBytes;
  // Each zone's order manager sees its DC and stores, plus the marketplace's copy of the DC.
  const double views = (stores + 2 * zones) * skus * sizeof(std::int32_t);
  const double units = expected_daily_units(s);
  // The day's KPI adds every agent logs (about a dozen 16-byte entries per unit sold, at most
  // twice that with the logs' slack), and each thread's table that sums them.
  const double buffers = units * kKpiLogBytesPerDailyUnit + kSummingThreads * kChannels *
                                                                categories * kCounters *
                                                                sizeof(std::int64_t);
  const double pending = units * days_in_flight_per_unit(s, units);

  return nodes + views + buffers + pending * kBytesPerPendingEvent + kpi_table_bytes(s) +
         pick_backlog_bytes(s, units) + lever_bytes(s) + control_tower_bytes(s) + planner_bytes(s) +
         customer_bytes(s, units);
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
