// Quantiles by sorting: a few hundred replications per day at most, so exact and simple wins.
#include "tools/report/quantiles.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace omnisim {

double quantile(std::vector<double> values, double p) {
  if (!(p >= 0 && p <= 1)) throw std::invalid_argument("quantile: p must be in [0, 1]");
  std::erase_if(values, [](double v) { return !std::isfinite(v); });
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(values.begin(), values.end());
  const double position = p * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, values.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return values[below] + fraction * (values[above] - values[below]);
}

std::vector<BandPoint> daily_band(const std::string& arm,
                                  const std::vector<std::vector<double>>& values, double low_p,
                                  double high_p) {
  std::size_t days = 0;
  for (const auto& replication : values)
    days = std::max(days, replication.size());
  std::vector<BandPoint> band;
  band.reserve(days);
  std::vector<double> day_values;
  for (std::size_t day = 0; day < days; ++day) {
    day_values.clear();
    for (const auto& replication : values) {
      if (day < replication.size() && std::isfinite(replication[day]))
        day_values.push_back(replication[day]);
    }
    band.push_back({arm, static_cast<std::uint32_t>(day), quantile(day_values, low_p),
                    quantile(day_values, 0.5), quantile(day_values, high_p), day_values.size()});
  }
  return band;
}

std::vector<PairedPoint> paired_points(const std::vector<std::uint64_t>& replications,
                                       const std::vector<double>& status_quo,
                                       const std::vector<double>& control_tower) {
  if (replications.size() != status_quo.size() || replications.size() != control_tower.size())
    throw std::invalid_argument("paired_points: one value per replication and arm");
  std::vector<PairedPoint> points;
  for (std::size_t i = 0; i < replications.size(); ++i) {
    if (std::isfinite(status_quo[i]) && std::isfinite(control_tower[i]))
      points.push_back({replications[i], control_tower[i] - status_quo[i]});
  }
  return points;
}

}  // namespace omnisim
