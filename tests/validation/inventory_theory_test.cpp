// Validation against inventory theory: the bullwhip effect of forecast-driven order-up-to
// replenishment with i.i.d. demand, for a moving-average forecast (Chen, Drezner, Ryan and
// Simchi-Levi, Management Science 46(3), 2000) and for exponential smoothing (Chen, Ryan and
// Simchi-Levi, Naval Research Logistics 47(4), 2000); and the fill rate, backorders and holding
// cost of base stock with full backlogging (the M/D/infinity pipeline; e.g. Zipkin, Foundations of
// Inventory Management, 2000, ch. 6).
#include <gtest/gtest.h>

#include <Eigen/Core>
#include <boost/math/distributions/poisson.hpp>
#include <cstdint>
#include <string>

#include "tests/validation/theory_check.hpp"

namespace retail {
namespace {

using namespace validation;

constexpr double kDemandPerDay = 100;
constexpr std::uint32_t kReplications = 20;
constexpr std::uint32_t kHorizonDays = 365;
// Ratios are measured from day 30 (the moving average's window is full, the start forgotten) to a
// few days before the horizon (the last day's review falls on the horizon itself).
constexpr std::uint32_t kFirstDay = 30;
constexpr std::uint32_t kLastDay = 360;

// The DC ships every customer (web only, Poisson at kDemandPerDay), backorders what it cannot
// ship, and reviews daily with order-up-to level = the forecast over lead time + 1 day.
//
// Chen et al. take the safety stock as fixed; here it is z x the error's RMS over the error
// window, which moves the level too. Over a 366-day window that RMS barely moves (by about
// sigma / 366 a day; with Poisson demand's skew its moves correlate a little with the demand,
// which with the rounding of levels to units adds about 0.5 units^2, 0.2 % of the order
// variance, below the intervals' width). A safety stock of 5 one-day error deviations x
// sqrt(span) (about 4.3 deviations of the span's demand, since one forecast serves all the span's
// days) keeps the DC in stock, so customers never see it out of stock and the demand it sees is
// the i.i.d. demand of the theory.
Scenario reviewing_dc(const Forecast& forecast, std::uint32_t supplier_lead_days) {
  Scenario s = minimal_chain(Channel::web, {kDemandPerDay}, kHorizonDays);
  s.kpi.node_days = true;
  s.orders.oversell = Orders::Oversell::backorder;
  Dc& dc = s.dcs[0];
  dc.pickers = Staffing::around_the_clock(1000);
  dc.supplier_lead_days = Distribution::fixed(supplier_lead_days);
  dc.handling_hours = 0;
  dc.initial_days_of_cover = 0;  // start at the first plan's level
  dc.replenishment.kind = ReplenishmentPolicy::Kind::forecast_order_up_to;
  dc.replenishment.forecast = forecast;
  dc.replenishment.review_days = 1;
  dc.replenishment.safety_factor = 5;
  dc.replenishment.forecast_error_window_days = 366;
  return s;
}

// The DC's daily demand (the orders that reached it) and the units it ordered from its supplier
// at the end of each day: per replication, their variances about the known mean kDemandPerDay
// (orders average the demand), which are unbiased however the orders are autocorrelated. The
// check is on Var(orders) - theory x Var(demand), whose expectation is exactly 0, rather than on
// the ratio per replication, which is biased by about 2 / days (as wide as the interval here).
void expect_bullwhip(const std::string& what, const Scenario& scenario, double theory) {
  const auto results = replicate(scenario, kReplications);
  constexpr auto kDays = static_cast<Eigen::Index>(kLastDay - kFirstDay);
  Eigen::VectorXd order_variance(kReplications);
  Eigen::VectorXd demand_variance(kReplications);
  for (std::uint32_t r = 0; r < kReplications; ++r) {
    const KpiTable& kpis = results[r].kpis;
    Eigen::VectorXd demand(kDays);
    Eigen::VectorXd orders(kDays);
    for (std::uint32_t day = kFirstDay; day < kLastDay; ++day) {
      demand[day - kFirstDay] =
          static_cast<double>(kpis.at(day, Channel::web, kCategory, Counter::availability_checks));
      orders[day - kFirstDay] =
          static_cast<double>(kpis.node_days().orders(day, 0, kCategory).units);
    }
    const auto variance = [](const Eigen::VectorXd& x) {
      return (x.array() - kDemandPerDay).square().mean();
    };
    EXPECT_EQ(kpis.total(Counter::lost_sales_units), 0) << "the DC was out, replication " << r;
    order_variance[r] = variance(orders);
    demand_variance[r] = variance(demand);
  }
  const Eigen::VectorXd excess = order_variance - theory * demand_variance;
  expect_in_interval(what + "_excess_variance", excess, 0.0);
  ::testing::Test::RecordProperty(
      what, std::to_string(order_variance.mean() / demand_variance.mean()) +
                " (ratio of mean variances), theory " + std::to_string(theory));
}

Forecast moving_average(std::uint32_t window) {
  Forecast f;
  f.method = Forecast::Method::moving_average;
  f.window_days = window;
  return f;
}

// Order-up-to with a p-period moving average and a protection span of L periods (the lead time
// plus the review period): Var(q) / Var(D) = 1 + 2L/p + 2L^2/p^2.
TEST(InventoryTheory, MovingAverageBullwhipIsChenEtAl) {
  for (const auto& [window, lead] : {std::pair{5u, 2u}, std::pair{10u, 4u}}) {
    const double span = lead + 1.0;
    const double theory = 1 + 2 * span / window + 2 * span * span / (window * window);
    expect_bullwhip("bullwhip_moving_average_p" + std::to_string(window) + "_L" +
                        std::to_string(static_cast<int>(span)),
                    reviewing_dc(moving_average(window), lead), theory);
  }
}

// With simple exponential smoothing (alpha) instead: 1 + 2 L alpha + 2 L^2 alpha^2 / (2 - alpha).
TEST(InventoryTheory, ExponentialSmoothingBullwhipIsChenRyanSimchiLevi) {
  Forecast smoothing;
  smoothing.method = Forecast::Method::exponential_smoothing;
  smoothing.alpha = 0.2;
  constexpr std::uint32_t kLead = 2;
  const double span = kLead + 1.0;
  const double a = smoothing.alpha;
  const double theory = 1 + 2 * span * a + 2 * span * span * a * a / (2 - a);
  expect_bullwhip("bullwhip_exponential_smoothing_a0.2_L3", reviewing_dc(smoothing, kLead), theory);
}

// Base stock S with a fixed lead time L and every customer backordered when the DC is out: each
// order reaching the DC (a Poisson stream) starts the replenishment of one unit, so the units on
// order are Poisson(lambda L), on hand is (S - N)+ and the backorders are (N - S)+. Poisson
// arrivals see time averages: the fill rate from stock is P(N <= S - 1), and by Little's law a
// queued line waits E[(N - S)+] / (lambda (1 - fill rate)) on average. Holding cost is the
// identity h x unit cost x E[(S - N)+] per unit of time, h the carrying rate.
TEST(InventoryTheory, BaseStockWithBackordersFillsPoissonOfTheLeadTimeDemand) {
  constexpr double kLambda = 20;
  constexpr double kLeadDays = 1;
  constexpr std::int32_t kBaseStock = 24;
  constexpr std::uint32_t kBackorderReplications = 50;
  constexpr std::uint32_t kWarmUpDays = 5;
  constexpr std::uint32_t kDays = 205;
  Scenario s = minimal_chain(Channel::web, {kLambda}, kDays);
  s.orders.oversell = Orders::Oversell::backorder;
  s.orders.offer_backorders = true;
  s.channels[static_cast<std::size_t>(Channel::web)].backorder_acceptance = 1;
  s.dcs[0].replenishment = base_stock(kBaseStock);
  s.dcs[0].supplier_lead_days = Distribution::fixed(kLeadDays);
  s.dcs[0].handling_hours = 0;
  s.costs.holding_rate_per_year = 0.365;  // a thousandth of unit cost a day
  const auto results = replicate(s, kBackorderReplications);

  Eigen::VectorXd fill_rate(kBackorderReplications);
  Eigen::VectorXd wait_days(kBackorderReplications);
  Eigen::VectorXd holding_per_day(kBackorderReplications);
  for (std::uint32_t r = 0; r < kBackorderReplications; ++r) {
    const KpiTable& kpis = results[r].kpis;
    const auto count = [&](Counter counter) {
      return static_cast<double>(after_warm_up(kpis, kWarmUpDays, Channel::web, counter));
    };
    EXPECT_EQ(count(Counter::lost_sales_units), 0) << "every customer waits, replication " << r;
    const double reached =
        count(Counter::availability_checks) + count(Counter::backorders_accepted);
    fill_rate[r] = 1 - count(Counter::backorders_queued) / reached;
    wait_days[r] = count(Counter::backorder_age_us) / count(Counter::backorders_filled) /
                   static_cast<double>(sim::kTicksPerDay);
    // The DC's demand is all web, so its holding cost is booked there (the store's on its own).
    holding_per_day[r] = count(Counter::holding_cost_cents) / (kDays - kWarmUpDays);
  }

  const boost::math::poisson_distribution<double> pipeline(kLambda * kLeadDays);
  const double fill = boost::math::cdf(pipeline, kBaseStock - 1);
  // E[(N - S)+] = E[N] - S + E[(S - N)+], the last a finite sum.
  double short_of_stock = 0;
  for (std::int32_t n = 0; n < kBaseStock; ++n)
    short_of_stock += (kBaseStock - n) * boost::math::pdf(pipeline, n);
  const double backorders = kLambda * kLeadDays - kBaseStock + short_of_stock;
  expect_in_interval("base_stock_backlog_fill_rate", fill_rate, fill);
  expect_in_interval("base_stock_backlog_wait_days", wait_days,
                     backorders / (kLambda * (1 - fill)));
  const double unit_cost = static_cast<double>(s.catalog.skus[0].unit_cost_cents);
  expect_in_interval("base_stock_backlog_holding_cents_per_day", holding_per_day,
                     0.001 * unit_cost * short_of_stock);
}

}  // namespace
}  // namespace retail
