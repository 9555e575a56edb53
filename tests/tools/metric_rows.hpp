// Replications' spine metrics as the table, summary and CSV code takes them, cut down to two
// metrics (otif, revenue) for tests.
#pragma once

#include <utility>
#include <vector>

#include "models/metrics/kpi.hpp"

namespace omnisim::testing {

// One row per (otif, revenue) pair, in order.
inline std::vector<std::vector<retail::Metric>> replications(
    const std::vector<std::pair<double, double>>& values) {
  std::vector<std::vector<retail::Metric>> out;
  for (const auto& [otif, revenue] : values)
    out.push_back({{retail::MetricId::otif, otif}, {retail::MetricId::revenue, revenue}});
  return out;
}

}  // namespace omnisim::testing
