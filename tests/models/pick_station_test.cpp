// The pick station: at most `pickers` orders in progress, the rest wait first come, first served.
#include "models/pick_station.hpp"

#include <gtest/gtest.h>

namespace retail {
namespace {

OrderLine order(std::uint64_t id) {
  OrderLine line;
  line.id = id;
  return line;
}

TEST(PickStation, StartsAtOnceWhileAPickerIsFree) {
  PickStation station(2);
  EXPECT_TRUE(station.arrive(order(1), 10).has_value());
  EXPECT_TRUE(station.arrive(order(2), 11).has_value());
  EXPECT_FALSE(station.arrive(order(3), 12).has_value());
  EXPECT_EQ(station.in_system(), 3);
}

TEST(PickStation, QueuedOrdersStartInArrivalOrderWithTheirArrivalTime) {
  PickStation station(1);
  ASSERT_TRUE(station.arrive(order(1), 0));
  station.arrive(order(2), 5);
  station.arrive(order(3), 7);
  const auto second = station.finish();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->line.id, 2u);
  EXPECT_EQ(second->arrived, 5);
  EXPECT_EQ(station.finish()->line.id, 3u);
  EXPECT_FALSE(station.finish());
  EXPECT_EQ(station.in_system(), 0);
  EXPECT_THROW(station.finish(), std::logic_error);
}

}  // namespace
}  // namespace retail
