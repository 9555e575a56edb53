// A service station: at most `servers` jobs in service, the rest wait first come, first served.
#include "models/mechanics/fifo_station.hpp"

#include <gtest/gtest.h>

#include "models/agents/messages.hpp"

namespace retail {
namespace {

OrderLine order(std::uint64_t id) {
  OrderLine line;
  line.id = id;
  return line;
}

TEST(FifoStation, StartsAtOnceWhileAServerIsFree) {
  FifoStation<OrderLine> station(2);
  EXPECT_TRUE(station.arrive(order(1), 10).has_value());
  EXPECT_TRUE(station.arrive(order(2), 11).has_value());
  EXPECT_FALSE(station.arrive(order(3), 12).has_value());
  EXPECT_EQ(station.in_system(), 3);
}

TEST(FifoStation, QueuedJobsStartInArrivalOrderWithTheirArrivalTime) {
  FifoStation<OrderLine> station(1);
  ASSERT_TRUE(station.arrive(order(1), 0));
  station.arrive(order(2), 5);
  station.arrive(order(3), 7);
  const auto second = station.finish();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->item.id, 2u);
  EXPECT_EQ(second->arrived, 5);
  EXPECT_EQ(station.finish()->item.id, 3u);
  EXPECT_FALSE(station.finish());
  EXPECT_EQ(station.in_system(), 0);
  EXPECT_THROW(station.finish(), std::logic_error);
}

}  // namespace
}  // namespace retail
