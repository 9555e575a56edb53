// The pending-event set pops events in the total order, whatever the order they were pushed in.
#include "sim/event_queue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <vector>

#include "sim/random.hpp"

namespace {

struct Payload {
  int id;
};
using Event = sim::Event<Payload>;

TEST(EventQueue, PopsInTimeThenSenderThenSequenceOrder) {
  sim::EventQueue<Payload> queue;
  queue.push({10, sim::make_tie_break(2, 0), 0, {1}});
  queue.push({10, sim::make_tie_break(1, 5), 0, {2}});
  queue.push({5, sim::make_tie_break(9, 0), 0, {3}});
  queue.push({10, sim::make_tie_break(1, 4), 0, {4}});
  queue.push({-3, sim::make_tie_break(0, 0), 0, {5}});
  std::vector<int> order;
  while (!queue.empty())
    order.push_back(queue.pop().msg.id);
  EXPECT_EQ(order, (std::vector<int>{5, 3, 4, 2, 1}));
}

// Payloads that live in the heap itself, and payloads (not trivially copyable) kept behind handles.
struct HeavyPayload {
  int id;
  std::vector<int> cargo;
};
template <class P>
class EventQueueStorage : public ::testing::Test {};
using Payloads = ::testing::Types<Payload, HeavyPayload>;
TYPED_TEST_SUITE(EventQueueStorage, Payloads);

// The reference's earliest event in the total order.
template <class E>
typename std::vector<E>::iterator earliest_of(std::vector<E>& reference) {
  return std::min_element(reference.begin(), reference.end(),
                          [](const E& a, const E& b) { return sim::precedes(a, b); });
}

// Visiting the queue sees exactly the reference's events.
template <class Queue, class E>
void expect_visits_exactly(const Queue& queue, const std::vector<E>& reference) {
  std::vector<int> visited;
  queue.for_each([&](const E& e) { visited.push_back(e.msg.id); });
  std::vector<int> expected;
  for (const auto& e : reference)
    expected.push_back(e.msg.id);
  std::sort(visited.begin(), visited.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(visited, expected);
}

TYPED_TEST(EventQueueStorage, MatchesASortedReferenceUnderRandomPushesAndPops) {
  using E = sim::Event<TypeParam>;
  sim::RandomStream rng(sim::StreamId{7, 0, 0, 0});
  sim::EventQueue<TypeParam> queue;
  std::vector<E> reference;
  std::uint64_t sequence = 0;
  for (int step = 0; step < 20000; ++step) {
    if (reference.empty() || rng() % 3 != 0) {
      // Few distinct times, so many ties fall to the tie-break.
      E e{static_cast<sim::Time>(rng() % 50),
          sim::make_tie_break(rng() % 4, sequence++),
          static_cast<sim::AgentId>(rng() % 1000),
          {}};
      e.msg.id = step;
      queue.push(E(e));
      reference.push_back(e);
    } else {
      const auto earliest = earliest_of(reference);
      ASSERT_EQ(queue.next_time(), earliest->time);
      ASSERT_EQ(queue.next_target(), earliest->target);
      queue.prefetch_next();
      const E popped = queue.pop();
      EXPECT_EQ(popped.msg.id, earliest->msg.id);
      reference.erase(earliest);
    }
    ASSERT_EQ(queue.size(), reference.size());
  }
  expect_visits_exactly(queue, reference);
}

// A model's mix of delays: within the hour, days ahead (buckets), and years ahead (beyond the
// bucket ring), with pops between, as time moves forward: the order is still the total order and
// the queue empties only with the last event.
TYPED_TEST(EventQueueStorage, KeepsTheOrderOfEventsBucketedHoursToYearsAhead) {
  using E = sim::Event<TypeParam>;
  sim::RandomStream rng(sim::StreamId{11, 0, 0, 0});
  sim::EventQueue<TypeParam> queue;
  std::vector<E> reference;
  std::uint64_t sequence = 0;
  sim::Time now = 0;
  const sim::Time delays[] = {sim::minutes(30), sim::days(3), sim::days(60), sim::days(2000)};
  for (int step = 0; step < 30000; ++step) {
    if (reference.empty() || rng() % 2 != 0) {
      const sim::Time delay = delays[rng() % 4];
      E e{now + static_cast<sim::Time>(rng() % static_cast<std::uint64_t>(delay)),
          sim::make_tie_break(rng() % 4, sequence++),
          0,
          {}};
      e.msg.id = step;
      queue.push(E(e));
      reference.push_back(e);
    } else {
      const auto earliest = earliest_of(reference);
      ASSERT_EQ(queue.next_time(), earliest->time) << "step " << step;
      const E popped = queue.pop();
      ASSERT_EQ(popped.msg.id, earliest->msg.id) << "step " << step;
      now = popped.time;
      reference.erase(earliest);
    }
    ASSERT_EQ(queue.size(), reference.size());
    ASSERT_EQ(queue.empty(), reference.empty());
  }
  expect_visits_exactly(queue, reference);
  std::sort(reference.begin(), reference.end(),
            [](const E& a, const E& b) { return sim::precedes(a, b); });
  for (const E& expected : reference)
    ASSERT_EQ(queue.pop().msg.id, expected.msg.id);
  EXPECT_TRUE(queue.empty());
  EXPECT_EQ(queue.next_time(), sim::kNever);
}

// Times at the ends of the range: negative times, and the last representable ones.
TEST(EventQueue, OrdersTimesAtTheEndsOfTheRange) {
  sim::EventQueue<Payload> queue;
  const sim::Time times[] = {sim::kNever - 1,
                             -sim::days(400),
                             0,
                             sim::kNever - sim::days(1),
                             std::numeric_limits<sim::Time>::min() + 1,
                             sim::days(1)};
  for (int i = 0; i < 6; ++i)
    queue.push({times[i], sim::make_tie_break(0, static_cast<std::uint64_t>(i)), 0, {i}});
  std::vector<int> order;
  while (!queue.empty())
    order.push_back(queue.pop().msg.id);
  EXPECT_EQ(order, (std::vector<int>{4, 1, 2, 5, 3, 0}));
}

TEST(EventQueue, EmptyQueueHasNoNextTime) {
  sim::EventQueue<Payload> queue;
  EXPECT_EQ(queue.next_time(), sim::kNever);
}

TEST(EventQueue, PendingEventsOfAnEmptyModelAreSmall) {
  // 10 million pending events must fit in well under 1 GiB, even with the vector's slack.
  struct Empty {};
  EXPECT_LE(sizeof(sim::Event<Empty>), 24u);
}

}  // namespace
