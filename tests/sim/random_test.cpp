// Random streams: reproducible from their id, independent across ids, stable when agents are added.
#include "sim/random.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <vector>

#include "sim/world.hpp"

namespace {

std::vector<std::uint32_t> draw(sim::RandomStream stream, int n) {
  std::vector<std::uint32_t> out;
  for (int i = 0; i < n; ++i)
    out.push_back(stream());
  return out;
}

std::vector<double> draw_uniform(sim::RandomStream stream, int n) {
  std::vector<double> out;
  for (int i = 0; i < n; ++i)
    out.push_back(stream.uniform01());
  return out;
}

TEST(RandomStream, SameIdGivesTheSameSequence) {
  const sim::StreamId id{42, 3, sim::name_key("store-7"), 1};
  EXPECT_EQ(draw(sim::RandomStream(id), 1000), draw(sim::RandomStream(id), 1000));
}

TEST(RandomStream, EveryFieldOfTheIdChangesTheSequence) {
  const sim::StreamId base{42, 3, 11, 1};
  const auto reference = draw(sim::RandomStream(base), 100);
  for (const sim::StreamId other : {sim::StreamId{43, 3, 11, 1}, sim::StreamId{42, 4, 11, 1},
                                    sim::StreamId{42, 3, 12, 1}, sim::StreamId{42, 3, 11, 2}}) {
    EXPECT_NE(draw(sim::RandomStream(other), 100), reference);
  }
}

TEST(RandomStream, NeighbouringAgentsDoNotShareOutputs) {
  // 1,000 streams of adjacent agents: their first 256 words must not overlap beyond chance
  // (256,000 draws among 2^32 values: a few coincidences are expected, never a shared run).
  std::set<std::uint32_t> seen;
  std::size_t collisions = 0;
  for (std::uint64_t agent = 0; agent < 1000; ++agent) {
    for (const std::uint32_t word : draw(sim::RandomStream({1, 0, agent, 0}), 256)) {
      collisions += seen.insert(word).second ? 0 : 1;
    }
  }
  EXPECT_LT(collisions, 40u);  // expectation ~7.6
}

TEST(RandomStream, NeighbouringStreamsAreUncorrelated) {
  const int n = 100000;
  const auto a = draw_uniform(sim::RandomStream({5, 0, 0, 0}), n);
  const auto b = draw_uniform(sim::RandomStream({5, 0, 1, 0}), n);
  double sum_a = 0, sum_b = 0, sum_ab = 0, sum_aa = 0, sum_bb = 0;
  for (int i = 0; i < n; ++i) {
    sum_a += a[i];
    sum_b += b[i];
    sum_ab += a[i] * b[i];
    sum_aa += a[i] * a[i];
    sum_bb += b[i] * b[i];
  }
  const double cov = sum_ab / n - (sum_a / n) * (sum_b / n);
  const double corr = cov / std::sqrt((sum_aa / n - std::pow(sum_a / n, 2)) *
                                      (sum_bb / n - std::pow(sum_b / n, 2)));
  EXPECT_LT(std::abs(corr), 4.0 / std::sqrt(n));  // 4 standard errors
  EXPECT_NEAR(sum_a / n, 0.5, 4 * std::sqrt(1.0 / 12 / n));
}

TEST(RandomStream, Uniform01StaysInTheHalfOpenUnitInterval) {
  sim::RandomStream stream({9, 9, 9, 9});
  for (int i = 0; i < 100000; ++i) {
    const double u = stream.uniform01();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
  }
}

struct Idle {};
class IdleAgent final : public sim::Agent<Idle> {
 public:
  void handle(const sim::Event<Idle>&, sim::Context<Idle>&) override {}
};

TEST(RandomStream, AnAgentsStreamsDoNotMoveWhenOtherAgentsAreAdded) {
  sim::World<Idle> small(17, 2);
  small.add<IdleAgent>({"dc-1", sim::hours(1), 2});
  sim::World<Idle> larger(17, 2);
  larger.add<IdleAgent>({"store-1", sim::hours(1), 1});
  larger.add<IdleAgent>({"store-2", sim::hours(1), 1});
  const sim::AgentId dc =
      larger.add(sim::AgentSpec{"dc-1", sim::hours(1), 2}, std::make_unique<IdleAgent>());
  for (std::uint32_t purpose = 0; purpose < 2; ++purpose) {
    EXPECT_EQ(draw(small.stream(0, purpose), 50), draw(larger.stream(dc, purpose), 50));
  }
  EXPECT_NE(draw(larger.stream(dc, 0), 50), draw(larger.stream(dc, 1), 50));
  EXPECT_THROW(larger.stream(dc, 2), sim::SimulationError);
}

}  // namespace
