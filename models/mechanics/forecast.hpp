// One node's demand forecast per SKU, for forecast-driven replenishment: the demand of the days it
// has seen, a one-day-ahead forecast (moving average or simple exponential smoothing) and the
// standard deviation of the one-day forecast errors over the error window.
//
// The days before the run count as the node's expected demand, and the errors before it as the
// one-day error of that forecast under Poisson demand (variance = mean, inflated by the forecast's
// own noise: 1 + 1/W for a W-day average, 2 / (2 - alpha) for smoothing), so a node plans sensibly
// from the first day and its estimates move to what it observes as the windows fill.
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
  void record(SkuId sku, double units) { today_[sku] += units; }
  // Today's demand of `sku` so far, before close_day().
  double today(SkuId sku) const { return today_[sku]; }
  // Replaces today's demand of `sku` (planners take the lifts they knew of out of it).
  void set_today(SkuId sku, double units) { today_[sku] = units; }
  // Ends the day: today's demand joins the history.
  void close_day();

  struct Estimate {
    double daily = 0;     // tomorrow's expected demand
    double error_sd = 0;  // of a one-day forecast, over the error window
  };
  Estimate estimate(SkuId sku) const;

  std::uint32_t days_seen() const { return days_; }

 private:
  // The demand of closed day `day` (which must be within the history), or the prior before day 0.
  double demand(SkuId sku, std::int64_t day) const;
  double prior_error_variance(SkuId sku) const;

  Forecast method_;
  std::uint32_t error_window_;
  std::vector<double> expected_;
  std::uint32_t skus_;
  // Closed days kept: the error window, plus the averaging window for a moving average.
  std::uint32_t history_days_;
  std::vector<float> history_;  // [day % history_days_][sku]
  std::vector<double> today_;
  // Exponential smoothing: the forecast made just before the oldest day in the history.
  std::vector<double> smoothed_before_history_;
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
