// Time is an exact integer tick; helpers convert and format it.
#include "sim/time.hpp"

#include <gtest/gtest.h>

namespace {

TEST(Time, UnitsAreExactMultiplesOfTheTick) {
  EXPECT_EQ(sim::seconds(1), sim::kTicksPerSecond);
  EXPECT_EQ(sim::hours(1), 3600 * sim::seconds(1));
  EXPECT_EQ(sim::days(1), 24 * sim::hours(1));
  EXPECT_EQ(sim::hours(1.5), sim::minutes(90));
  EXPECT_DOUBLE_EQ(sim::to_days(sim::days(3.25)), 3.25);
  EXPECT_DOUBLE_EQ(sim::to_hours(sim::minutes(45)), 0.75);
}

TEST(Time, ConversionRoundsToTheNearestTick) {
  EXPECT_EQ(sim::seconds(0.0000004), 0);
  EXPECT_EQ(sim::seconds(0.0000006), 1);
}

TEST(Time, SaturatingAddStopsAtNever) {
  EXPECT_EQ(sim::saturating_add(5, 7), 12);
  EXPECT_EQ(sim::saturating_add(sim::kNever - 1, 7), sim::kNever);
  EXPECT_EQ(sim::saturating_add(3, sim::kNever), sim::kNever);
}

TEST(Time, FormatsDaysHoursAndMicroseconds) {
  EXPECT_EQ(sim::format_time(sim::days(2) + sim::hours(3) + sim::minutes(15) + sim::seconds(0.25)),
            "2d 03:15:00.250000");
  EXPECT_EQ(sim::format_time(-sim::seconds(1)), "-0d 00:00:01.000000");
  EXPECT_EQ(sim::format_time(sim::kNever), "never");
  EXPECT_EQ(sim::format_duration(sim::seconds(0.5)), "0.500000 s");
}

}  // namespace
