// The value of a spine metric by key, for tests that compare runs by metric name, and a counter's
// total on one day.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "models/metrics/kpi.hpp"

namespace retail {

inline double metric_value(const std::vector<Metric>& metrics, const std::string& name) {
  for (const auto& m : metrics)
    if (metric_key(m.id) == name) return m.value;
  ADD_FAILURE() << "no metric " << name;
  return 0;
}

// `counter` on `day`, over every channel and category.
inline std::int64_t day_total(const KpiTable& kpis, std::uint32_t day, Counter counter) {
  std::int64_t total = 0;
  for (std::size_t c = 0; c < kChannels; ++c) {
    for (CategoryId category = 0; category < kpis.categories(); ++category)
      total += kpis.at(day, static_cast<Channel>(c), category, counter);
  }
  return total;
}

}  // namespace retail
