// The integral over time of a level that changes in steps (staff on duty, jobs waiting, stock at
// cost): level x time, exact between changes, in level-ticks.
#pragma once

#include <cstdint>
#include <stdexcept>

#include "sim/time.hpp"

namespace retail {

class StepIntegral {
 public:
  // The level is `level` from `now` on.
  void set(double level, sim::Time now) {
    total_ = total(now);
    level_ = level;
    since_ = now;
  }
  // Level x ticks from the start until `now` (not before the last change).
  double total(sim::Time now) const {
    if (now < since_) throw std::logic_error("a level's integral is asked for before its change");
    return total_ + level_ * static_cast<double>(now - since_);
  }
  double level() const { return level_; }

 private:
  double level_ = 0;
  double total_ = 0;
  sim::Time since_ = 0;
};

}  // namespace retail
