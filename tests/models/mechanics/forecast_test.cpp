// The demand forecast against its definitions: a moving average or exponential smoothing of the
// days seen (the days before the run at the expected demand), and the root mean square of the
// one-day errors over the error window (the days before the run at the prior error variance).
#include "models/mechanics/forecast.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace retail {
namespace {

Forecast moving_average(std::uint32_t window) {
  Forecast f;
  f.method = Forecast::Method::moving_average;
  f.window_days = window;
  return f;
}

Forecast smoothing(double alpha) {
  Forecast f;
  f.method = Forecast::Method::exponential_smoothing;
  f.alpha = alpha;
  return f;
}

// The forecast and error sd after `days`, computed from the definitions over the whole history.
DemandForecast::Estimate reference(const Forecast& method, std::uint32_t error_window,
                                   double expected, const std::vector<double>& days) {
  const auto n = static_cast<std::int64_t>(days.size());
  const auto demand = [&](std::int64_t day) { return day < 0 ? expected : days[day]; };
  // forecasts[t + 1]: the forecast of day t + 1 made at the end of day t (forecasts[0]: day 0's).
  std::vector<double> forecasts;
  double level = expected;
  for (std::int64_t t = -1; t < n; ++t) {
    if (method.method == Forecast::Method::moving_average) {
      double sum = 0;
      for (std::int64_t d = t - method.window_days + 1; d <= t; ++d)
        sum += demand(d);
      forecasts.push_back(sum / method.window_days);
    } else {
      if (t >= 0) level += method.alpha * (demand(t) - level);
      forecasts.push_back(level);
    }
  }
  const double prior = method.method == Forecast::Method::moving_average
                           ? expected * (1 + 1.0 / method.window_days)
                           : expected * 2 / (2 - method.alpha);
  double sum = 0;
  for (std::int64_t d = n - error_window; d < n; ++d) {
    if (d < 0) {
      sum += prior;
    } else {
      const double error = days[d] - forecasts[d];
      sum += error * error;
    }
  }
  return {forecasts.back(), std::sqrt(sum / error_window)};
}

DemandForecast fed(const Forecast& method, std::uint32_t error_window, double expected,
                   const std::vector<double>& days) {
  DemandForecast forecast(method, error_window, {expected});
  for (const double units : days) {
    forecast.record(0, units);
    forecast.close_day();
  }
  return forecast;
}

TEST(DemandForecast, BeforeAnyDayItIsTheExpectedDemandWithPoissonNoise) {
  const DemandForecast average(moving_average(4), 7, {12.0});
  EXPECT_DOUBLE_EQ(average.estimate(0).daily, 12.0);
  EXPECT_DOUBLE_EQ(average.estimate(0).error_sd, std::sqrt(12.0 * 1.25));
  const DemandForecast smoothed(smoothing(0.5), 7, {12.0});
  EXPECT_DOUBLE_EQ(smoothed.estimate(0).error_sd, std::sqrt(12.0 * 2 / 1.5));
}

TEST(DemandForecast, AMovingAverageByHand) {
  // Expected 10, a 3-day average, a 4-day error window; days 4, 8, 12.
  const DemandForecast forecast = fed(moving_average(3), 4, 10, {4, 8, 12});
  EXPECT_DOUBLE_EQ(forecast.estimate(0).daily, 8.0);
  // Errors: 4 - 10, 8 - (10 + 10 + 4) / 3, 12 - (10 + 4 + 8) / 3, and one day of prior 10 x 4/3.
  const double squares = 36 + 0 + std::pow(12 - 22.0 / 3, 2) + 40.0 / 3;
  // Squared errors are kept in single precision.
  EXPECT_NEAR(forecast.estimate(0).error_sd, std::sqrt(squares / 4), 1e-6);
}

TEST(DemandForecast, SmoothingByHand) {
  const DemandForecast forecast = fed(smoothing(0.5), 2, 10, {14, 6});
  // 10 -> 12 -> 9; errors 4 and -6.
  EXPECT_DOUBLE_EQ(forecast.estimate(0).daily, 9.0);
  EXPECT_DOUBLE_EQ(forecast.estimate(0).error_sd, std::sqrt((16 + 36) / 2.0));
}

// Long random histories wrap the windows many times; they must still hold the last days, and the
// running sums must still be their sums.
TEST(DemandForecast, LongHistoriesMatchTheDefinitions) {
  std::mt19937_64 rng(7);
  std::poisson_distribution<int> daily(6);
  for (const Forecast& method :
       {moving_average(1), moving_average(5), moving_average(28), smoothing(0.2), smoothing(1.0)}) {
    for (const std::uint32_t error_window : {2u, 9u, 28u}) {
      std::vector<double> days;
      for (int day = 0; day < 100; ++day) {
        days.push_back(daily(rng));
        if (day % 17 != 3 && day != 99) continue;
        const DemandForecast forecast = fed(method, error_window, 5, days);
        const DemandForecast::Estimate got = forecast.estimate(0);
        const DemandForecast::Estimate want = reference(method, error_window, 5, days);
        // Demand is kept in single precision (whole units are exact), and so are squared
        // errors: they round at about one part in ten million.
        EXPECT_NEAR(got.daily, want.daily, 1e-9) << "day " << day;
        EXPECT_NEAR(got.error_sd, want.error_sd, 1e-6 * want.error_sd) << "day " << day;
      }
    }
  }
}

TEST(DemandForecast, SkusAreForecastApart) {
  DemandForecast forecast(moving_average(2), 2, {1.0, 100.0});
  forecast.record(0, 3);
  forecast.record(1, 50);
  forecast.close_day();
  EXPECT_DOUBLE_EQ(forecast.estimate(0).daily, 2.0);
  EXPECT_DOUBLE_EQ(forecast.estimate(1).daily, 75.0);
}

TEST(ForecastOrderUpTo, IsTheSpanForecastPlusSafetyStock) {
  ReplenishmentPolicy policy;
  policy.kind = ReplenishmentPolicy::Kind::forecast_order_up_to;
  policy.safety_factor = 1.65;
  // 70 + 1.65 x 3 x sqrt(9) = 84.85.
  EXPECT_EQ(forecast_order_up_to(policy, 70, 3, 9), 85);
  policy.safety_factor = 0;
  EXPECT_EQ(forecast_order_up_to(policy, 70.4, 3, 9), 70);
  EXPECT_EQ(forecast_order_up_to(policy, 0, 0, 9), 0);
  policy.review_days = 7;
  EXPECT_DOUBLE_EQ(planning_span_days(policy, 2.5), 9.5);
}

}  // namespace
}  // namespace retail
