// A service station: at most `servers` jobs in service, the rest wait first come, first served;
// a waiting job can be withdrawn by its ticket; servers come on and go off duty; time on duty,
// busy and waiting is integrated.
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
  const auto second = station.finish(8);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->item.id, 2u);
  EXPECT_EQ(second->arrived, 5);
  EXPECT_EQ(station.finish(9)->item.id, 3u);
  EXPECT_FALSE(station.finish(10));
  EXPECT_EQ(station.in_system(), 0);
  EXPECT_THROW(station.finish(11), std::logic_error);
}

TEST(FifoStation, AWithdrawnJobLeavesTheQueueAndTheOthersKeepTheirOrder) {
  FifoStation<OrderLine> station(1);
  ASSERT_TRUE(station.arrive(order(1), 0).started);
  const auto second = station.arrive(order(2), 5).ticket;
  const auto third = station.arrive(order(3), 6).ticket;
  const auto fourth = station.arrive(order(4), 7).ticket;
  const auto withdrawn = station.withdraw(third, 8);
  ASSERT_TRUE(withdrawn);
  EXPECT_EQ(withdrawn->item.id, 3u);
  EXPECT_EQ(withdrawn->arrived, 6);
  EXPECT_FALSE(station.withdraw(third, 9)) << "withdrawn once only";
  EXPECT_EQ(station.waiting(), 2);
  EXPECT_EQ(station.in_system(), 3);
  EXPECT_EQ(station.finish(10)->item.id, 2u);
  EXPECT_FALSE(station.withdraw(second, 11)) << "already in service";
  const auto last = station.finish(12);
  ASSERT_TRUE(last);
  EXPECT_EQ(last->item.id, 4u);
  EXPECT_EQ(last->arrived, 7);
  EXPECT_FALSE(station.withdraw(fourth, 13));
  EXPECT_EQ(station.in_system(), 1);
  EXPECT_THROW(station.withdraw(fourth + 1, 14), std::logic_error) << "never issued";
}

TEST(FifoStation, WithdrawingTheFrontLetsTheNextJobStart) {
  FifoStation<OrderLine> station(1);
  ASSERT_TRUE(station.arrive(order(1), 0).started);
  const auto second = station.arrive(order(2), 1).ticket;
  station.arrive(order(3), 2);
  ASSERT_TRUE(station.withdraw(second, 3));
  EXPECT_EQ(station.finish(4)->item.id, 3u);
  EXPECT_FALSE(station.finish(5));
  EXPECT_EQ(station.in_system(), 0);
  // Tickets keep counting after the queue empties.
  ASSERT_TRUE(station.arrive(order(4), 6).started);
  const auto fifth = station.arrive(order(5), 7).ticket;
  EXPECT_GT(fifth, second);
  EXPECT_EQ(station.withdraw(fifth, 8)->item.id, 5u);
  EXPECT_EQ(station.waiting(), 0);
  EXPECT_FALSE(station.finish(9));
}

TEST(FifoStation, ServersComingOnDutyStartTheQueuedJobsInArrivalOrder) {
  FifoStation<OrderLine> station(1);
  ASSERT_TRUE(station.arrive(order(1), 0).started);
  station.arrive(order(2), 1);
  station.arrive(order(3), 2);
  station.arrive(order(4), 3);
  const auto started = station.set_servers(3, 4);
  ASSERT_EQ(started.size(), 2u);
  EXPECT_EQ(started[0].item.id, 2u);
  EXPECT_EQ(started[1].item.id, 3u);
  EXPECT_EQ(station.waiting(), 1);
  EXPECT_TRUE(station.set_servers(3, 5).empty()) << "every server on duty is busy";
}

TEST(FifoStation, AServerGoingOffDutyFinishesItsJobButStartsNoOther) {
  FifoStation<OrderLine> station(2);
  ASSERT_TRUE(station.arrive(order(1), 0).started);
  ASSERT_TRUE(station.arrive(order(2), 0).started);
  station.arrive(order(3), 1);
  EXPECT_TRUE(station.set_servers(1, 2).empty());
  EXPECT_FALSE(station.finish(3)) << "the server finishing first goes off duty";
  EXPECT_EQ(station.waiting(), 1);
  EXPECT_EQ(station.finish(4)->item.id, 3u) << "the one left on duty takes the next";
  // Nobody on duty: arrivals wait until someone comes on.
  EXPECT_FALSE(station.finish(5));
  station.set_servers(0, 6);
  EXPECT_FALSE(station.arrive(order(4), 7).started);
  EXPECT_EQ(station.set_servers(1, 8).size(), 1u);
}

TEST(FifoStation, IntegratesServersOnDutyBusyAndJobsWaitingOverTime) {
  FifoStation<OrderLine> station(2);
  station.arrive(order(1), 10);  // busy 1 from 10
  station.arrive(order(2), 20);  // busy 2 from 20
  station.arrive(order(3), 30);  // 1 waiting from 30
  station.set_servers(1, 40);    // 1 rostered, but 2 still busy: both paid
  station.finish(50);            // off duty: busy 1, 1 waiting
  station.finish(60);            // the job waiting since 30 starts: busy 1
  // On duty: 2 from 0 to 50 (one leaves the roster at 40 but works on until 50), then 1.
  // Busy: 1 from 10, 2 from 20, 1 from 50. Waiting: 1 from 30 to 60.
  EXPECT_DOUBLE_EQ(station.on_duty_ticks(70), 2 * 50 + 1 * 20);
  EXPECT_DOUBLE_EQ(station.busy_ticks(70), 1 * 10 + 2 * 30 + 1 * 20);
  EXPECT_DOUBLE_EQ(station.waiting_ticks(70), 30);
}

}  // namespace
}  // namespace retail
