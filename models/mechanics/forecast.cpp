// The forecast's windows and the running sums that give the forecast and its error.
#include "models/mechanics/forecast.hpp"

#include <algorithm>
#include <cmath>

namespace retail {

DemandForecast::DemandForecast(const Forecast& method, std::uint32_t error_window_days,
                               std::vector<double> expected_daily)
    : method_(method),
      error_window_(error_window_days),
      skus_(static_cast<std::uint32_t>(expected_daily.size())),
      today_(skus_, 0.0f),
      level_(skus_, 0.0),
      squared_errors_(static_cast<std::size_t>(error_window_) * skus_),
      squared_error_sum_(skus_, 0.0) {
  const bool average = method_.method == Forecast::Method::moving_average;
  if (average) recent_.resize(static_cast<std::size_t>(method_.window_days) * skus_);
  for (SkuId sku = 0; sku < skus_; ++sku) {
    for (std::uint32_t day = 0; day < error_window_; ++day) {
      squared_errors_[static_cast<std::size_t>(day) * skus_ + sku] =
          static_cast<float>(prior_error_variance(expected_daily[sku]));
    }
    if (average) {
      for (std::uint32_t day = 0; day < method_.window_days; ++day)
        recent_[static_cast<std::size_t>(day) * skus_ + sku] =
            static_cast<float>(expected_daily[sku]);
    } else {
      level_[sku] = expected_daily[sku];
    }
  }
  resum(squared_errors_, error_window_, squared_error_sum_);
  if (average) resum(recent_, method_.window_days, level_);
}

double DemandForecast::prior_error_variance(double expected) const {
  const double noise = method_.method == Forecast::Method::moving_average
                           ? 1.0 + 1.0 / method_.window_days
                           : 2.0 / (2.0 - method_.alpha);
  return expected * noise;
}

void DemandForecast::resum(const std::vector<float>& ring, std::uint32_t window,
                           std::vector<double>& sums) const {
  std::fill(sums.begin(), sums.end(), 0.0);
  for (std::uint32_t day = 0; day < window; ++day) {
    const float* values = &ring[static_cast<std::size_t>(day) * skus_];
    for (SkuId sku = 0; sku < skus_; ++sku)
      sums[sku] += values[sku];
  }
}

void DemandForecast::close_day() {
  const bool average = !recent_.empty();
  float* squared = &squared_errors_[static_cast<std::size_t>(days_ % error_window_) * skus_];
  float* oldest =
      average ? &recent_[static_cast<std::size_t>(days_ % method_.window_days) * skus_] : nullptr;
  for (SkuId sku = 0; sku < skus_; ++sku) {
    const double demand = today_[sku];
    const double error = demand - estimate(sku).daily;
    const float square = static_cast<float>(error * error);
    squared_error_sum_[sku] += static_cast<double>(square) - squared[sku];
    squared[sku] = square;
    if (average) {
      const float kept = static_cast<float>(demand);
      level_[sku] += static_cast<double>(kept) - oldest[sku];
      oldest[sku] = kept;
    } else {
      level_[sku] += method_.alpha * error;
    }
    today_[sku] = 0;
  }
  ++days_;
  if (days_ % error_window_ == 0) resum(squared_errors_, error_window_, squared_error_sum_);
  if (average && days_ % method_.window_days == 0) resum(recent_, method_.window_days, level_);
}

DemandForecast::Estimate DemandForecast::estimate(SkuId sku) const {
  const double forecast = recent_.empty() ? level_[sku] : level_[sku] / method_.window_days;
  // A sum of squares that rounding took a hair below zero is zero.
  return {forecast, std::sqrt(std::max(0.0, squared_error_sum_[sku]) / error_window_)};
}

std::int32_t forecast_order_up_to(const ReplenishmentPolicy& policy, double span_demand,
                                  double error_sd, double span_days) {
  const double level = span_demand + policy.safety_factor * error_sd * std::sqrt(span_days);
  return static_cast<std::int32_t>(std::lround(std::max(0.0, level)));
}

}  // namespace retail
