// Who is on duty at a station: the roster's staff for the hour of the week, plus flexible staff
// called in for a while (the control tower's add_labour), whose time is kept for their premium.
#pragma once

#include <cstdint>

#include "models/mechanics/step_integral.hpp"
#include "models/scenario/scenario.hpp"
#include "sim/time.hpp"

namespace retail {

class Crew {
 public:
  explicit Crew(const Staffing& roster) : roster_(roster) {}

  std::uint32_t on_duty(sim::Time now) const {
    return roster_.at(hour_of_week(now)) + flexible_staff_;
  }
  // When the roster next changes the staff on duty after `now`; kNever if it never does.
  sim::Time next_change(sim::Time now) const {
    const auto hour = now / sim::kTicksPerHour;
    const std::uint32_t current = roster_.at(hour_of_week(now));
    for (sim::Time ahead = 1; ahead <= static_cast<sim::Time>(kHoursPerWeek); ++ahead) {
      const auto next = hour + ahead;
      if (roster_.at(static_cast<std::size_t>(next % kHoursPerWeek)) != current)
        return next * sim::kTicksPerHour;
    }
    return sim::kNever;
  }
  void call_in(std::uint32_t staff, sim::Time now) { set_flexible(flexible_staff_ + staff, now); }
  void release(std::uint32_t staff, sim::Time now) { set_flexible(flexible_staff_ - staff, now); }
  // Staff-ticks of flexible staff on duty from the start until `now`.
  double flexible_ticks(sim::Time now) const { return flexible_.total(now); }

 private:
  static std::size_t hour_of_week(sim::Time now) {
    return static_cast<std::size_t>(now / sim::kTicksPerHour) % kHoursPerWeek;
  }
  void set_flexible(std::uint32_t staff, sim::Time now) {
    flexible_staff_ = staff;
    flexible_.set(static_cast<double>(staff), now);
  }

  const Staffing& roster_;
  std::uint32_t flexible_staff_ = 0;
  StepIntegral flexible_;
};

}  // namespace retail
