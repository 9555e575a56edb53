// The value of a named spine metric, for tests that compare runs by metric name.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "models/kpi.hpp"

namespace retail {

inline double metric_value(const std::vector<Metric>& metrics, const std::string& name) {
  for (const auto& m : metrics)
    if (m.name == name) return m.value;
  ADD_FAILURE() << "no metric " << name;
  return 0;
}

}  // namespace retail
