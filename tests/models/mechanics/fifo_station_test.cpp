// A service station: at most `servers` jobs in service, the rest wait first come, first served;
// a waiting job can be withdrawn by its ticket.
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
  EXPECT_TRUE(station.arrive(order(1), 10).started.has_value());
  EXPECT_TRUE(station.arrive(order(2), 11).started.has_value());
  EXPECT_FALSE(station.arrive(order(3), 12).started.has_value());
  EXPECT_EQ(station.in_system(), 3);
  EXPECT_EQ(station.waiting(), 1);
}

TEST(FifoStation, QueuedJobsStartInArrivalOrderWithTheirArrivalTime) {
  FifoStation<OrderLine> station(1);
  ASSERT_TRUE(station.arrive(order(1), 0).started);
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

TEST(FifoStation, AWithdrawnJobLeavesTheQueueAndTheOthersKeepTheirOrder) {
  FifoStation<OrderLine> station(1);
  ASSERT_TRUE(station.arrive(order(1), 0).started);
  const auto second = station.arrive(order(2), 5).ticket;
  const auto third = station.arrive(order(3), 6).ticket;
  const auto fourth = station.arrive(order(4), 7).ticket;
  const auto withdrawn = station.withdraw(third);
  ASSERT_TRUE(withdrawn);
  EXPECT_EQ(withdrawn->item.id, 3u);
  EXPECT_EQ(withdrawn->arrived, 6);
  EXPECT_FALSE(station.withdraw(third)) << "withdrawn once only";
  EXPECT_EQ(station.waiting(), 2);
  EXPECT_EQ(station.in_system(), 3);
  EXPECT_EQ(station.finish()->item.id, 2u);
  EXPECT_FALSE(station.withdraw(second)) << "already in service";
  const auto last = station.finish();
  ASSERT_TRUE(last);
  EXPECT_EQ(last->item.id, 4u);
  EXPECT_EQ(last->arrived, 7);
  EXPECT_FALSE(station.withdraw(fourth));
  EXPECT_EQ(station.in_system(), 1);
  EXPECT_THROW(station.withdraw(fourth + 1), std::logic_error) << "never issued";
}

TEST(FifoStation, WithdrawingTheFrontLetsTheNextJobStart) {
  FifoStation<OrderLine> station(1);
  ASSERT_TRUE(station.arrive(order(1), 0).started);
  const auto second = station.arrive(order(2), 1).ticket;
  station.arrive(order(3), 2);
  ASSERT_TRUE(station.withdraw(second));
  EXPECT_EQ(station.finish()->item.id, 3u);
  EXPECT_FALSE(station.finish());
  EXPECT_EQ(station.in_system(), 0);
  // Tickets keep counting after the queue empties.
  ASSERT_TRUE(station.arrive(order(4), 3).started);
  const auto fifth = station.arrive(order(5), 4).ticket;
  EXPECT_GT(fifth, second);
  EXPECT_EQ(station.withdraw(fifth)->item.id, 5u);
  EXPECT_EQ(station.waiting(), 0);
  EXPECT_FALSE(station.finish());
}

}  // namespace
}  // namespace retail
