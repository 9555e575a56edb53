// Simulation time: an integer count of microsecond ticks, so event order is exact.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace sim {

// Time and durations share one type: ticks since the start of the run.
using Time = std::int64_t;

inline constexpr Time kTicksPerSecond = 1'000'000;
inline constexpr Time kTicksPerMinute = 60 * kTicksPerSecond;
inline constexpr Time kTicksPerHour = 60 * kTicksPerMinute;
inline constexpr Time kTicksPerDay = 24 * kTicksPerHour;

// "Never": later than any event a run can hold.
inline constexpr Time kNever = std::numeric_limits<Time>::max();

// Conversions from real-valued durations round to the nearest tick.
inline Time seconds(double s) {
  return static_cast<Time>(std::llround(s * kTicksPerSecond));
}
inline Time minutes(double m) {
  return static_cast<Time>(std::llround(m * kTicksPerMinute));
}
inline Time hours(double h) {
  return static_cast<Time>(std::llround(h * kTicksPerHour));
}
inline Time days(double d) {
  return static_cast<Time>(std::llround(d * kTicksPerDay));
}

constexpr double to_seconds(Time t) {
  return static_cast<double>(t) / kTicksPerSecond;
}
constexpr double to_hours(Time t) {
  return static_cast<double>(t) / kTicksPerHour;
}
constexpr double to_days(Time t) {
  return static_cast<double>(t) / kTicksPerDay;
}

// a + b, clamped to kNever instead of overflowing (windows that end "never").
constexpr Time saturating_add(Time a, Time b) {
  return a > kNever - b ? kNever : a + b;
}

// Human-readable time for error messages, e.g. "2d 03:15:00.250000" or "never".
std::string format_time(Time t);

// Human-readable duration in seconds, e.g. "0.500000 s".
std::string format_duration(Time d);

}  // namespace sim
