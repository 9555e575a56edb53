// Formatting of simulation times for messages a user reads.
#include "sim/time.hpp"

#include <cstdio>
#include <cstdlib>

namespace sim {

std::string format_time(Time t) {
  if (t == kNever) return "never";
  const char* sign = t < 0 ? "-" : "";
  const auto magnitude = static_cast<std::uint64_t>(t < 0 ? -(t + 1) + 1 : t);
  const auto ticks_per_day = static_cast<std::uint64_t>(kTicksPerDay);
  const std::uint64_t day = magnitude / ticks_per_day;
  std::uint64_t rest = magnitude % ticks_per_day;
  const std::uint64_t hour = rest / kTicksPerHour;
  rest %= kTicksPerHour;
  const std::uint64_t minute = rest / kTicksPerMinute;
  rest %= kTicksPerMinute;
  const std::uint64_t second = rest / kTicksPerSecond;
  const std::uint64_t micro = rest % kTicksPerSecond;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s%llud %02llu:%02llu:%02llu.%06llu", sign,
                static_cast<unsigned long long>(day), static_cast<unsigned long long>(hour),
                static_cast<unsigned long long>(minute), static_cast<unsigned long long>(second),
                static_cast<unsigned long long>(micro));
  return buffer;
}

std::string format_duration(Time d) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.6f s", to_seconds(d));
  return buffer;
}

}  // namespace sim
