// Validation against queueing theory: independent replications of minimal scenarios reproduce
// Erlang B (store base stock with lost sales), Erlang C (the DC pick station) and Little's law
// (the order cycle) within their confidence intervals.
#include <gtest/gtest.h>

#include <Eigen/Core>
#include <boost/math/distributions/poisson.hpp>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "models/metrics/kpi.hpp"
#include "models/scenario/scenario.hpp"
#include "models/world/simulation.hpp"
#include "sim/agent.hpp"
#include "sim/statistics.hpp"
#include "sim/time.hpp"

namespace retail {
namespace {

// Theory must lie in the 99 % Student-t interval of the replication means: the seed is fixed,
// so a pass is reproducible, and a 1 % chance per comparison of rejecting a correct model keeps
// the whole suite's false alarms rare if the random streams ever change.
constexpr double kConfidence = 0.99;
constexpr std::uint64_t kSeed = 20240611;
constexpr CategoryId kCategory = 0;
constexpr double kRoutingMinutes = 5;
// The DC's base stock: far above anything a day can draw, and restored at once (see below).
constexpr std::int32_t kDcStock = 100000;

double routing_days() {
  return kRoutingMinutes / (24 * 60);
}

// Erlang B: the probability that a Poisson(load) number of busy servers is `servers`, given it is
// at most `servers` (the loss system's truncated Poisson).
double erlang_b(std::uint32_t servers, double load) {
  const boost::math::poisson_distribution<double> busy(load);
  return boost::math::pdf(busy, servers) / boost::math::cdf(busy, servers);
}

// Erlang C from Erlang B: the probability that an arrival to M/M/c has to wait.
double erlang_c(std::uint32_t servers, double load) {
  const double blocking = erlang_b(servers, load);
  const double utilisation = load / servers;
  return blocking / (1 - utilisation * (1 - blocking));
}

ReplenishmentPolicy base_stock(std::int32_t level) {
  ReplenishmentPolicy policy;
  policy.kind = ReplenishmentPolicy::Kind::base_stock;
  policy.reorder_point = level - 1;
  policy.order_up_to = level;
  return policy;
}

// One zone, one store, one DC, one carrier and one category; every customer comes through
// `channel`, at a flat rate, and walks away when the SKU is unavailable. The DC never runs out:
// its supplier delivers with zero lead time, so its on hand is back at kDcStock at once, which
// also keeps its share of the end-of-day stock snapshots constant.
Scenario minimal_chain(Channel channel, const std::vector<double>& demand_per_day,
                       std::uint32_t horizon_days) {
  Scenario s;
  s.name = std::string("validation, ") + kChannelNames[static_cast<std::size_t>(channel)];
  s.seed = kSeed;
  s.horizon_days = horizon_days;
  s.catalog.categories = {"only"};
  for (std::size_t i = 0; i < demand_per_day.size(); ++i) {
    Sku sku;
    sku.name = sim::numbered_name("SKU-", i);
    sku.category = kCategory;
    sku.list_price_cents = 1000;
    sku.price_cents = 1000;
    sku.unit_cost_cents = 500;
    sku.base_demand_per_day = demand_per_day[i];
    s.catalog.skus.push_back(sku);
  }
  s.zones.push_back(Zone{"zone", 1.0, 0, 0});

  Store store;
  store.name = "store";
  store.lane_transit_hours = Distribution::fixed(12);
  store.demand_share = 1.0;
  store.replenishment = base_stock(10);
  s.stores.push_back(store);

  Dc dc;
  dc.name = "dc";
  dc.pick_minutes = Distribution::fixed(1);
  dc.supplier_lead_days = Distribution::fixed(0);
  dc.replenishment = base_stock(kDcStock);
  s.dcs.push_back(dc);

  Carrier carrier;
  carrier.name = "carrier";
  carrier.capacity_per_day = 1'000'000;
  for (auto& service : carrier.services)
    service = {Distribution::fixed(1), 2, 500};
  s.carriers.push_back(carrier);

  for (std::size_t c = 0; c < kChannels; ++c) {
    s.channels[c].demand_share = c == static_cast<std::size_t>(channel) ? 1.0 : 0.0;
    s.channels[c].hour_of_day.fill(1.0);
  }
  s.demand.out_of_stock = OutOfStockBehaviour{};  // substitute = defer = 0: all walk away
  s.orders.routing_latency_minutes = kRoutingMinutes;
  return s;
}

// Replications 0..n-1 of one seed. run_replication audits each one and throws on a broken
// conservation law, which fails the test with the law's message.
std::vector<ReplicationResult> replicate(const Scenario& scenario, std::uint32_t replications) {
  std::vector<ReplicationResult> results;
  results.reserve(replications);
  for (std::uint32_t r = 0; r < replications; ++r)
    results.push_back(run_replication(scenario, r));
  return results;
}

// A counter summed over the days from `first_day` to the horizon.
std::int64_t after_warm_up(const KpiTable& table, std::uint32_t first_day, Channel channel,
                           Counter counter) {
  std::int64_t sum = 0;
  for (std::uint32_t day = first_day; day < table.days(); ++day)
    sum += table.at(day, channel, kCategory, counter);
  return sum;
}

// Checks that `theory` lies in the confidence interval of `samples` (one per replication) and
// records both in the test's properties. No bias allowance is added: after the warm-up every
// estimate is unbiased except the ratios (per-sale or per-order means), whose O(1/n) bias with n
// in the thousands per replication is far below the interval's width.
void expect_in_interval(const std::string& what, const Eigen::VectorXd& samples, double theory) {
  const sim::Summary summary = sim::summarize(samples, kConfidence);
  std::ostringstream line;
  line << summary.mean << " +- " << summary.half_width() << " (" << kConfidence * 100
       << " % CI, n = " << summary.n << "), theory " << theory;
  ::testing::Test::RecordProperty(what, line.str());
  EXPECT_TRUE(summary.ci_low <= theory && theory <= summary.ci_high) << what << ": " << line.str();
}

// Base stock S with lost sales and a fixed lead time L is the M/D/S/S loss system: every sale
// starts one unit's replenishment, a "server" busy for L, and a customer finding all S units in
// the pipeline is lost. Poisson arrivals see time averages, so the stockout probability is
// Erlang B(S, a) with a = lambda L, and the mean on hand is S minus the mean pipeline a (1 - B).
TEST(QueueingTheory, BaseStockWithLostSalesIsAnErlangLossSystem) {
  constexpr double kDemandPerDay = 20;
  constexpr std::int32_t kBaseStock = 12;
  constexpr std::uint32_t kReplications = 50;
  constexpr std::uint32_t kWarmUpDays = 5;  // ten lead times: the start at full stock is forgotten
  constexpr std::uint32_t kHorizonDays = 205;
  // Lead time: the reorder's routing latency to the DC, then its routing latency and the lane.
  constexpr double kLeadDays = 0.5;
  const double lane_hours = 24 * (kLeadDays - 2 * routing_days());

  Scenario scenario = minimal_chain(Channel::store, {kDemandPerDay}, kHorizonDays);
  scenario.stores[0].replenishment = base_stock(kBaseStock);
  scenario.stores[0].lane_transit_hours = Distribution::fixed(lane_hours);
  const auto results = replicate(scenario, kReplications);

  Eigen::VectorXd fill_rate(kReplications);
  Eigen::VectorXd on_hand(kReplications);
  for (std::uint32_t r = 0; r < kReplications; ++r) {
    const KpiTable& kpis = results[r].kpis;
    const auto visits = after_warm_up(kpis, kWarmUpDays, Channel::store, Counter::visits);
    const auto sold = after_warm_up(kpis, kWarmUpDays, Channel::store, Counter::units_sold);
    const auto lost = after_warm_up(kpis, kWarmUpDays, Channel::store, Counter::lost_sales_units);
    EXPECT_EQ(visits, sold + lost) << "every visit buys or walks away, replication " << r;
    fill_rate[r] = static_cast<double>(sold) / static_cast<double>(visits);
    double stock = 0;
    for (std::uint32_t day = kWarmUpDays; day < kHorizonDays; ++day)
      stock += static_cast<double>(kpis.stock_units(day, kCategory) - kDcStock);
    on_hand[r] = stock / (kHorizonDays - kWarmUpDays);
  }

  const double load = kDemandPerDay * kLeadDays;
  const double blocking = erlang_b(kBaseStock, load);
  expect_in_interval("fill_rate", fill_rate, 1 - blocking);
  expect_in_interval("store_on_hand_units", on_hand, kBaseStock - load * (1 - blocking));
}

// The web scenario of the pick-station and order-cycle tests: three SKUs whose rates add up to
// kWebOrdersPerDay, all routed to the DC, where kPickers pickers with exponential pick times run
// at utilisation kUtilisation; parcels leave at the 17:00 cut-off and take uniform(1, 2) days.
constexpr double kWebOrdersPerDay = 480;
constexpr std::uint32_t kPickers = 3;
constexpr double kUtilisation = 0.8;
constexpr double kPicksPerDay = kWebOrdersPerDay / (kUtilisation * kPickers);  // one picker's
constexpr double kTransitMinDays = 1;
// Spread over exactly one day, each day's pickup is delivered at a constant rate, so the number
// of open orders has no daily cycle and end-of-day snapshots sample its time average.
constexpr double kTransitMaxDays = kTransitMinDays + 1;

Scenario web_chain(std::uint32_t horizon_days) {
  Scenario scenario = minimal_chain(Channel::web, {240, 160, 80}, horizon_days);
  scenario.dcs[0].pickers = kPickers;
  scenario.dcs[0].pick_minutes = Distribution::exponential(24 * 60 / kPicksPerDay);
  scenario.carriers[0].services[static_cast<std::size_t>(Service::standard)].transit_days =
      Distribution::uniform(kTransitMinDays, kTransitMaxDays);
  return scenario;
}

// The M/M/c mean wait for a picker, in days: C(c, lambda / mu) / (c mu - lambda).
double pick_wait_days() {
  return erlang_c(kPickers, kWebOrdersPerDay / kPicksPerDay) /
         (kPickers * kPicksPerDay - kWebOrdersPerDay);
}

// Orders reach the DC as a Poisson stream (Poisson customers, a fixed routing latency) and the
// pickers serve them first come, first served: the M/M/c queue of Erlang C.
TEST(QueueingTheory, PickStationWaitIsErlangC) {
  constexpr std::uint32_t kReplications = 50;
  constexpr std::uint32_t kWarmUpDays = 2;  // the queue relaxes from empty within hours
  constexpr std::uint32_t kHorizonDays = 62;
  const auto results = replicate(web_chain(kHorizonDays), kReplications);

  Eigen::VectorXd wait_hours(kReplications);
  for (std::uint32_t r = 0; r < kReplications; ++r) {
    const KpiTable& kpis = results[r].kpis;
    const auto wait_us = after_warm_up(kpis, kWarmUpDays, Channel::web, Counter::pick_wait_us);
    const auto picks = after_warm_up(kpis, kWarmUpDays, Channel::web, Counter::picks_completed);
    EXPECT_EQ(after_warm_up(kpis, kWarmUpDays, Channel::web, Counter::orders_cancelled), 0);
    wait_hours[r] = static_cast<double>(wait_us) / static_cast<double>(picks) / sim::kTicksPerHour;
  }

  expect_in_interval("mean_pick_wait_hours", wait_hours, 24 * pick_wait_days());
}

// Little's law for orders, as the order manager counts them: an order is open from placement
// until the delivery scan reaches it, one routing latency after the delivery that ends the
// reported cycle time W, so the time-average number open is lambda (W + routing latency). The
// paired difference per replication checks the law itself; W is also checked against its
// analytical value: two routing latencies, the Erlang C wait, the pick, half a day on average
// until the cut-off (tenders arrive at a constant rate) and the mean transit.
TEST(QueueingTheory, OpenOrdersObeyLittlesLaw) {
  constexpr std::uint32_t kReplications = 50;
  constexpr std::uint32_t kWarmUpDays = 5;  // longer than any order cycle (at most ~3 days)
  constexpr std::uint32_t kHorizonDays = 85;
  constexpr double kDays = kHorizonDays - kWarmUpDays;
  const auto results = replicate(web_chain(kHorizonDays), kReplications);

  Eigen::VectorXd open(kReplications);
  Eigen::VectorXd throughput(kReplications);  // deliveries per day
  Eigen::VectorXd cycle_days(kReplications);
  Eigen::VectorXd throughput_times_cycle(kReplications);
  Eigen::VectorXd difference(kReplications);
  for (std::uint32_t r = 0; r < kReplications; ++r) {
    const KpiTable& kpis = results[r].kpis;
    // The snapshots must agree with the flows that produced them, day by day.
    std::int64_t balance = 0;
    for (std::uint32_t day = 0; day < kHorizonDays; ++day) {
      balance += kpis.at(day, Channel::web, kCategory, Counter::orders_placed) -
                 kpis.at(day, Channel::web, kCategory, Counter::orders_delivered) -
                 kpis.at(day, Channel::web, kCategory, Counter::orders_cancelled);
      ASSERT_EQ(kpis.open_orders(day), balance) << "day " << day << ", replication " << r;
    }
    double open_sum = 0;
    for (std::uint32_t day = kWarmUpDays; day < kHorizonDays; ++day)
      open_sum += static_cast<double>(kpis.open_orders(day));
    open[r] = open_sum / kDays;
    const auto delivered =
        after_warm_up(kpis, kWarmUpDays, Channel::web, Counter::orders_delivered);
    const auto cycle_us = after_warm_up(kpis, kWarmUpDays, Channel::web, Counter::order_cycle_us);
    throughput[r] = static_cast<double>(delivered) / kDays;
    cycle_days[r] = static_cast<double>(cycle_us) / static_cast<double>(delivered) /
                    static_cast<double>(sim::kTicksPerDay);
    throughput_times_cycle[r] = throughput[r] * (cycle_days[r] + routing_days());
    difference[r] = open[r] - throughput_times_cycle[r];
  }

  const double cycle_theory = 2 * routing_days() + pick_wait_days() + 1 / kPicksPerDay + 0.5 +
                              (kTransitMinDays + kTransitMaxDays) / 2;
  const double open_theory = kWebOrdersPerDay * (cycle_theory + routing_days());
  expect_in_interval("open_minus_lambda_w", difference, 0.0);
  expect_in_interval("throughput_per_day", throughput, kWebOrdersPerDay);
  expect_in_interval("order_cycle_days", cycle_days, cycle_theory);
  expect_in_interval("lambda_w", throughput_times_cycle, open_theory);
  expect_in_interval("open_orders", open, open_theory);
}

}  // namespace
}  // namespace retail
