// The ten-line kernel example of README.md, kept compiling and checked here.
#include <gtest/gtest.h>

#include "sim/parallel_engine.hpp"
#include "sim/sequential_engine.hpp"

namespace {

struct Ping {
  int hops;
};
class Echo final : public sim::Agent<Ping> {
 public:
  void start(sim::Context<Ping>& ctx) override { ctx.schedule(0, Ping{0}); }
  void handle(const sim::Event<Ping>& e, sim::Context<Ping>& ctx) override {
    last_hops = e.msg.hops;
    ctx.send(1 - ctx.self(), sim::hours(1) + sim::minutes(ctx.rng()() % 60), Ping{e.msg.hops + 1});
  }
  int last_hops = -1;
};

struct Outcome {
  int left_hops;
  int right_hops;
  std::uint64_t committed;
  bool operator==(const Outcome&) const = default;
};

template <class Run>
Outcome bounce(Run run) {
  sim::World<Ping> world(42, 0);
  auto& left = world.add<Echo>({"left", sim::hours(1)});
  auto& right = world.add<Echo>({"right", sim::hours(1)});
  const sim::RunStats stats = run(world);
  return {left.last_hops, right.last_hops, stats.committed_events};
}

TEST(ReadmeExample, TwoAgentsBounceAWeekOfPings) {
  const Outcome parallel = bounce([](sim::World<Ping>& world) {
    return sim::ParallelEngine<Ping>(world, {.threads = 2}).run_until(sim::days(7));
  });
  // Two chains of pings (one started by each agent), each hop taking 1 to 2 hours: a week holds
  // 84 to 168 hops per chain.
  EXPECT_GE(parallel.left_hops, 84);
  EXPECT_LE(parallel.left_hops, 168);
  EXPECT_GE(parallel.right_hops, 84);
  EXPECT_GE(parallel.committed, 2u * 85u);
  EXPECT_LE(parallel.committed, 2u * 169u);
  const Outcome sequential = bounce([](sim::World<Ping>& world) {
    return sim::SequentialEngine<Ping>(world).run_until(sim::days(7));
  });
  EXPECT_EQ(parallel, sequential);
}

}  // namespace
