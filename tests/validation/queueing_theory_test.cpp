// Validation against queueing theory: independent replications of minimal scenarios reproduce
// Erlang B (store base stock with lost sales), Erlang C (the DC pick station), Erlang A (the
// contact centre with impatient customers) and Little's law (the order cycle) within their
// confidence intervals.
#include <gtest/gtest.h>

#include <Eigen/Core>
#include <algorithm>
#include <boost/math/distributions/poisson.hpp>
#include <cmath>
#include <cstdint>
#include <vector>

#include "tests/validation/theory_check.hpp"

namespace retail {
namespace {

using namespace validation;

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
  scenario.dcs[0].pickers = Staffing::around_the_clock(kPickers);
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
// The probability of waiting is Erlang C itself, and the wait beyond it is exponential at rate
// c mu - lambda: P(W <= t) = 1 - C e^(-(c mu - lambda) t), the service level within t.
TEST(QueueingTheory, PickStationWaitIsErlangC) {
  constexpr std::uint32_t kReplications = 50;
  constexpr std::uint32_t kWarmUpDays = 2;  // the queue relaxes from empty within hours
  constexpr std::uint32_t kHorizonDays = 62;
  constexpr double kTargetMinutes = 6;
  Scenario scenario = web_chain(kHorizonDays);
  scenario.kpi.pick_wait_target_minutes = kTargetMinutes;
  const auto results = replicate(scenario, kReplications);

  Eigen::VectorXd wait_hours(kReplications);
  Eigen::VectorXd waited(kReplications);
  Eigen::VectorXd within_target(kReplications);
  for (std::uint32_t r = 0; r < kReplications; ++r) {
    const KpiTable& kpis = results[r].kpis;
    const auto count = [&](Counter counter) {
      return static_cast<double>(after_warm_up(kpis, kWarmUpDays, Channel::web, counter));
    };
    EXPECT_EQ(count(Counter::orders_cancelled), 0);
    const double picks = count(Counter::picks_completed);
    wait_hours[r] = count(Counter::pick_wait_us) / picks / sim::kTicksPerHour;
    waited[r] = count(Counter::picks_waited) / picks;
    within_target[r] = count(Counter::picks_within_target) / picks;
  }

  const double wait_probability = erlang_c(kPickers, kWebOrdersPerDay / kPicksPerDay);
  const double drain_per_day = kPickers * kPicksPerDay - kWebOrdersPerDay;
  expect_in_interval("mean_pick_wait_hours", wait_hours, 24 * pick_wait_days());
  expect_in_interval("pick_wait_probability", waited, wait_probability);
  expect_in_interval("pick_service_level", within_target,
                     1 - wait_probability * std::exp(-drain_per_day * kTargetMinutes / (24 * 60)));
}

// Erlang A (M/M/c+M, Palm's model of a call centre): contacts arrive at lambda, c agents serve
// at mu each, and every waiting contact abandons at theta. The number in the centre is the
// birth-death chain with birth rate lambda and death rate min(n, c) mu + (n - c)^+ theta; its
// stationary distribution, truncated where the tail is far below double precision, gives the
// probability an arrival waits, P(N >= c) (Poisson arrivals see time averages), and, as
// abandonments happen at theta per waiting contact, P(abandon) = theta E[(N - c)^+] / lambda.
struct ErlangA {
  double wait_probability;
  double abandon_probability;
};

ErlangA erlang_a(std::uint32_t servers, double arrival_rate, double service_rate,
                 double abandon_rate) {
  constexpr std::uint32_t kStates = 1000;
  std::vector<double> weight(kStates, 1.0);
  for (std::uint32_t n = 1; n < kStates; ++n) {
    const double death =
        std::min(n, servers) * service_rate + (n > servers ? n - servers : 0) * abandon_rate;
    weight[n] = weight[n - 1] * arrival_rate / death;
  }
  double total = 0;
  double waiting = 0;
  double queue = 0;
  for (std::uint32_t n = 0; n < kStates; ++n) {
    total += weight[n];
    if (n >= servers) {
      waiting += weight[n];
      queue += (n - servers) * weight[n];
    }
  }
  return {waiting / total, abandon_rate * queue / total / arrival_rate};
}

// The contact centre of the Erlang A test: Poisson contacts at kContactsPerDay, kAgents agents
// with exponential handling and exponential patience, offered load 8/3 erlangs on 4 agents.
constexpr double kContactsPerDay = 480;
constexpr std::uint32_t kAgents = 4;
constexpr double kHandleMinutes = 8;
constexpr double kPatienceMinutes = 15;

// Contacts at a controlled Poisson rate: every store walk-in (a Poisson stream) meets a
// promotion whose store price never went live and contacts customer service about it, one
// routing latency later. The promotion brings no extra customers (no price elasticity) and
// nobody walks away from it, so the store's base stock, far above a lead time's demand, never
// runs out.
Scenario contact_centre(std::uint32_t horizon_days) {
  Scenario scenario = minimal_chain(Channel::store, {kContactsPerDay}, horizon_days);
  scenario.stores[0].replenishment = base_stock(10 * static_cast<std::int32_t>(kContactsPerDay));
  scenario.demand.price_elasticity = 0;
  scenario.demand.promo_mismatch.abandon = 0;
  Promotion promotion;
  promotion.name = "wrong in store";
  promotion.skus = {0};
  promotion.discount = 0.2;
  promotion.end_day = horizon_days;
  promotion.execution[static_cast<std::size_t>(Channel::store)].error_probability = 1;
  scenario.promotions.push_back(promotion);
  CustomerService& service = scenario.service;
  service.reasons[static_cast<std::size_t>(ContactReason::promo_mismatch)].probability = 1;
  service.agents = Staffing::around_the_clock(kAgents);
  service.handle_minutes = Distribution::exponential(kHandleMinutes);
  service.patience_minutes = Distribution::exponential(kPatienceMinutes);
  return scenario;
}

// Abandonments and waits as the catalogue counts them, over the contacts offered (answered or
// abandoned), against Erlang A; the arrival rate is checked too, as the theory's input.
TEST(QueueingTheory, ImpatientContactsAbandonAsErlangA) {
  constexpr std::uint32_t kReplications = 50;
  constexpr std::uint32_t kWarmUpDays = 2;  // the queue relaxes from empty within minutes
  constexpr std::uint32_t kHorizonDays = 42;
  const auto results = replicate(contact_centre(kHorizonDays), kReplications);

  Eigen::VectorXd contacts_per_day(kReplications);
  Eigen::VectorXd abandoned(kReplications);
  Eigen::VectorXd waited(kReplications);
  for (std::uint32_t r = 0; r < kReplications; ++r) {
    const KpiTable& kpis = results[r].kpis;
    const auto count = [&](Counter counter) {
      return static_cast<double>(after_warm_up(kpis, kWarmUpDays, Channel::store, counter));
    };
    EXPECT_EQ(count(Counter::lost_sales_units), 0);
    const double offered = count(Counter::contacts_handled) + count(Counter::contacts_abandoned);
    contacts_per_day[r] = count(Counter::contacts_promo_mismatch) / (kHorizonDays - kWarmUpDays);
    abandoned[r] = count(Counter::contacts_abandoned) / offered;
    waited[r] = (count(Counter::contacts_waited) + count(Counter::contacts_abandoned)) / offered;
  }

  constexpr double kMinutesPerDay = 24 * 60;
  const ErlangA theory = erlang_a(kAgents, kContactsPerDay, kMinutesPerDay / kHandleMinutes,
                                  kMinutesPerDay / kPatienceMinutes);
  expect_in_interval("contacts_per_day", contacts_per_day, kContactsPerDay);
  expect_in_interval("contact_abandonment_rate", abandoned, theory.abandon_probability);
  expect_in_interval("contact_wait_probability", waited, theory.wait_probability);
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
