// The forecast's history ring and the replay that gives the forecast and its error window.
#include "models/mechanics/forecast.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace retail {

namespace {

// The one-day error variance of a forecast of Poisson demand with mean `mean`.
double prior_error_variance(const Forecast& method, double mean) {
  const double noise = method.method == Forecast::Method::moving_average
                           ? 1.0 + 1.0 / method.window_days
                           : 2.0 / (2.0 - method.alpha);
  return mean * noise;
}

}  // namespace

DemandForecast::DemandForecast(const Forecast& method, std::uint32_t error_window_days,
                               std::vector<double> expected_daily)
    : method_(method),
      error_window_(error_window_days),
      expected_(std::move(expected_daily)),
      skus_(static_cast<std::uint32_t>(expected_.size())),
      today_(skus_, 0.0),
      forecast_state_(expected_),
      window_(averaging() ? static_cast<std::size_t>(method.window_days) * skus_ : 0, 0.0F),
      squared_errors_(skus_),
      errors_(static_cast<std::size_t>(error_window_days) * skus_, 0.0F) {
  for (SkuId sku = 0; sku < skus_; ++sku) {
    if (averaging()) forecast_state_[sku] = method.window_days * expected_[sku];
    squared_errors_[sku] = error_window_ * prior_error_variance(method_, expected_[sku]);
  }
}

void DemandForecast::close_day() {
  const std::size_t error_slot = static_cast<std::size_t>(days_ % error_window_) * skus_;
  const bool errors_full = days_ >= error_window_;
  const std::uint32_t window = method_.window_days;
  const std::size_t window_slot =
      averaging() ? static_cast<std::size_t>(days_ % window) * skus_ : 0;
  const bool window_full = days_ >= window;
  for (SkuId sku = 0; sku < skus_; ++sku) {
    const auto demand = static_cast<float>(today_[sku]);
    today_[sku] = 0;
    double& state = forecast_state_[sku];
    const double forecast = averaging() ? state / window : state;
    const auto error = static_cast<float>(demand - forecast);
    // The error leaving the window: a day's, or one of the prior days' before the run.
    const double leaving =
        errors_full ? static_cast<double>(errors_[error_slot + sku]) * errors_[error_slot + sku]
                    : prior_error_variance(method_, expected_[sku]);
    squared_errors_[sku] += static_cast<double>(error) * error - leaving;
    errors_[error_slot + sku] = error;
    if (averaging()) {
      float& oldest = window_[window_slot + sku];
      state += demand - (window_full ? static_cast<double>(oldest) : expected_[sku]);
      oldest = demand;
    } else {
      state += method_.alpha * (demand - state);
    }
  }
  ++days_;
}

DemandForecast::Estimate DemandForecast::estimate(SkuId sku) const {
  const double state = forecast_state_[sku];
  const double daily = averaging() ? state / method_.window_days : state;
  // Running sums of squares can round a hair below zero once every error is zero.
  return {daily, std::sqrt(std::max(0.0, squared_errors_[sku]) / error_window_)};
}

std::int32_t forecast_order_up_to(const ReplenishmentPolicy& policy, double span_demand,
                                  double error_sd, double span_days) {
  const double level = span_demand + policy.safety_factor * error_sd * std::sqrt(span_days);
  return static_cast<std::int32_t>(std::lround(std::max(0.0, level)));
}

}  // namespace retail
