// The forecast's history ring and the replay that gives the forecast and its error window.
#include "models/mechanics/forecast.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace retail {

DemandForecast::DemandForecast(const Forecast& method, std::uint32_t error_window_days,
                               std::vector<double> expected_daily)
    : method_(method),
      error_window_(error_window_days),
      expected_(std::move(expected_daily)),
      skus_(static_cast<std::uint32_t>(expected_.size())),
      history_days_(error_window_days +
                    (method.method == Forecast::Method::moving_average ? method.window_days : 0)),
      history_(static_cast<std::size_t>(history_days_) * skus_, 0.0F),
      today_(skus_, 0.0),
      smoothed_before_history_(method.method == Forecast::Method::exponential_smoothing
                                   ? expected_
                                   : std::vector<double>{}) {}

double DemandForecast::demand(SkuId sku, std::int64_t day) const {
  if (day < 0) return expected_[sku];
  return history_[static_cast<std::size_t>(day % history_days_) * skus_ + sku];
}

void DemandForecast::close_day() {
  const std::size_t slot = static_cast<std::size_t>(days_ % history_days_) * skus_;
  if (days_ >= history_days_ && !smoothed_before_history_.empty()) {
    // The oldest day leaves the history: the smoothing it contributed is kept.
    for (SkuId sku = 0; sku < skus_; ++sku) {
      double& level = smoothed_before_history_[sku];
      level += method_.alpha * (history_[slot + sku] - level);
    }
  }
  for (SkuId sku = 0; sku < skus_; ++sku) {
    history_[slot + sku] = static_cast<float>(today_[sku]);
    today_[sku] = 0;
  }
  ++days_;
}

double DemandForecast::prior_error_variance(SkuId sku) const {
  const double noise = method_.method == Forecast::Method::moving_average
                           ? 1.0 + 1.0 / method_.window_days
                           : 2.0 / (2.0 - method_.alpha);
  return expected_[sku] * noise;
}

DemandForecast::Estimate DemandForecast::estimate(SkuId sku) const {
  const std::int64_t now = days_;
  const std::int64_t first_error_day = now - error_window_;
  double squared_errors = 0;
  std::uint32_t observed = 0;
  double forecast = 0;
  if (method_.method == Forecast::Method::moving_average) {
    const std::int64_t window = method_.window_days;
    double sum = 0;
    for (std::int64_t day = first_error_day - window; day < first_error_day; ++day)
      sum += demand(sku, day);
    for (std::int64_t day = first_error_day; day < now; ++day) {
      const double d = demand(sku, day);
      if (day >= 0) {
        const double error = d - sum / window;
        squared_errors += error * error;
        ++observed;
      }
      sum += d - demand(sku, day - window);
    }
    forecast = sum / window;
  } else {
    forecast = smoothed_before_history_[sku];
    for (std::int64_t day = std::max<std::int64_t>(0, first_error_day); day < now; ++day) {
      const double error = demand(sku, day) - forecast;
      squared_errors += error * error;
      ++observed;
      forecast += method_.alpha * error;
    }
  }
  const double variance =
      (squared_errors + (error_window_ - observed) * prior_error_variance(sku)) / error_window_;
  return {forecast, std::sqrt(variance)};
}

std::int32_t forecast_order_up_to(const ReplenishmentPolicy& policy, double span_demand,
                                  double error_sd, double span_days) {
  const double level = span_demand + policy.safety_factor * error_sd * std::sqrt(span_days);
  return static_cast<std::int32_t>(std::lround(std::max(0.0, level)));
}

}  // namespace retail
