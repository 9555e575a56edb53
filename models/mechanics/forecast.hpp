// One node's demand forecast per SKU, for forecast-driven replenishment: the demand of the days it
// has seen, a one-day-ahead forecast (moving average or simple exponential smoothing) and the
// standard deviation of the one-day forecast errors over the error window.
//
// The days before the run count as the node's expected demand, and the errors before it as the
// one-day error of that forecast under Poisson demand (variance = mean, inflated by the forecast's
// own noise: 1 + 1/W for a W-day average, 2 / (2 - alpha) for smoothing), so a node plans sensibly
// from the first day and its estimates move to what it observes as the windows fill.
//
// A node estimates every SKU at each review, so the forecast and the error window's sum of
// squares are kept up to date as each day closes, and an estimate is two reads. Each running sum
// is summed afresh from its window whenever the window comes round, so rounding cannot build up.
#pragma once

#include <cstdint>
#include <vector>

#include "models/scenario/scenario.hpp"

namespace retail {

class DemandForecast {
 public:
  // `expected_daily` is the node's expected demand per SKU and day.
  DemandForecast(const Forecast& method, std::uint32_t error_window_days,
                 std::vector<double> expected_daily);

  // Demand seen today (units, or baseline units once a known lift is taken out).
  void record(SkuId sku, double units) { today_[sku] += static_cast<float>(units); }
  // Today's demand of `sku` so far, before close_day().
  double today(SkuId sku) const { return today_[sku]; }
  // Replaces today's demand of `sku` (planners take the lifts they knew of out of it).
  void set_today(SkuId sku, double units) { today_[sku] = static_cast<float>(units); }
  // Ends the day: today's demand joins the history.
  void close_day();

  struct Estimate {
    double daily = 0;     // tomorrow's expected demand
    double error_sd = 0;  // of a one-day forecast, over the error window
  };
  Estimate estimate(SkuId sku) const;

  std::uint32_t days_seen() const { return days_; }

 private:
  double prior_error_variance(double expected) const;
  // The running sum of `window`-day ring `ring` ([day % window][sku]), summed afresh.
  void resum(const std::vector<float>& ring, std::uint32_t window, std::vector<double>& sums) const;

  Forecast method_;
  std::uint32_t error_window_;
  std::uint32_t skus_;
  std::vector<float> today_;  // single precision, as the history it joins
  // Moving average: the demand of the last window_days days, [day % window_days][sku], and its
  // sum per SKU. Smoothing: `level_` is the smoothed demand (the forecast) and `recent_` is empty.
  std::vector<float> recent_;
  std::vector<double> level_;
  // The squared one-day errors of the error window, [day % error_window][sku], and their sum.
  std::vector<float> squared_errors_;
  std::vector<double> squared_error_sum_;
  std::uint32_t days_ = 0;  // days closed
};

// The days a forecast-driven review must cover: until the order after this one arrives.
inline double planning_span_days(const ReplenishmentPolicy& policy, double lead_days) {
  return lead_days + policy.review_days;
}

// The order-up-to level of a forecast-driven review: the demand planned over the span plus
// safety_factor x the one-day error's standard deviation scaled to the span (errors independent
// from day to day), in whole units.
std::int32_t forecast_order_up_to(const ReplenishmentPolicy& policy, double span_demand,
                                  double error_sd, double span_days);

}  // namespace retail
