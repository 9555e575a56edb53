// The parallel engine gives bit-identical results to the sequential engine, for any thread count
// and any partition of agents, and refuses the same causality violations.
#include "sim/parallel_engine.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>
#include <utility>
#include <vector>

#include "phold.hpp"
#include "sim/sequential_engine.hpp"

namespace {

// Everything observable about a PHOLD run: each LP's count and digest, and the run's totals.
struct PholdOutcome {
  std::vector<std::uint64_t> received;
  std::vector<std::uint64_t> digests;
  std::uint64_t committed;
  std::uint64_t pending;
  // The events left for later, as the engine lets a model visit them, in the total order.
  std::vector<std::tuple<sim::Time, std::uint64_t, sim::AgentId>> left;
  bool operator==(const PholdOutcome&) const = default;
};

phold::Config small_phold() {
  phold::Config config;
  config.lps = 300;
  config.events_per_lp = 2;
  return config;
}

const sim::Time kPholdEnd = 150 * sim::kTicksPerSecond;

template <class MakeEngine>
PholdOutcome run_phold(std::uint64_t seed, MakeEngine make_engine) {
  sim::World<phold::Msg> world(seed, 0);
  const auto lps = phold::build(world, small_phold());
  auto engine = make_engine(world);
  const sim::RunStats stats = engine.run_until(kPholdEnd);
  PholdOutcome out{{}, {}, stats.committed_events, stats.pending_events, {}};
  engine.for_each_pending([&](const sim::Event<phold::Msg>& e) {
    out.left.emplace_back(e.time, e.tie_break, e.target);
  });
  std::sort(out.left.begin(), out.left.end());
  EXPECT_EQ(out.left.size(), stats.pending_events);
  for (const auto* lp : lps) {
    out.received.push_back(lp->received());
    out.digests.push_back(lp->digest());
  }
  return out;
}

PholdOutcome sequential_phold(std::uint64_t seed) {
  return run_phold(seed, [](auto& world) { return sim::SequentialEngine<phold::Msg>(world); });
}

PholdOutcome parallel_phold(std::uint64_t seed, sim::ParallelOptions options) {
  return run_phold(seed,
                   [&](auto& world) { return sim::ParallelEngine<phold::Msg>(world, options); });
}

class ParallelPhold : public testing::TestWithParam<unsigned> {};

TEST_P(ParallelPhold, MatchesTheSequentialEngineExactly) {
  const PholdOutcome reference = sequential_phold(11);
  ASSERT_GT(reference.committed, 10000u);
  EXPECT_EQ(parallel_phold(11, {GetParam(), {}}), reference);
}

INSTANTIATE_TEST_SUITE_P(Threads, ParallelPhold, testing::Values(1u, 2u, 3u, 8u));

TEST(ParallelEngine, AnyPartitionOfAgentsGivesTheSameResult) {
  const PholdOutcome reference = sequential_phold(5);
  const std::uint32_t lps = small_phold().lps;
  sim::RandomStream rng({99, 0, 0, 0});
  for (const std::uint32_t partitions : {2u, 5u, 17u}) {
    std::vector<std::uint32_t> scattered(lps);
    for (auto& p : scattered)
      p = rng() % partitions;
    EXPECT_EQ(parallel_phold(5, {2, scattered}), reference) << partitions << " partitions";
  }
  // Everything in one partition, and one agent alone in its own.
  std::vector<std::uint32_t> lopsided(lps, 0);
  lopsided[lps / 2] = 1;
  EXPECT_EQ(parallel_phold(5, {2, lopsided}), reference);
}

TEST(ParallelEngine, DifferentSeedsGiveDifferentRuns) {
  EXPECT_NE(sequential_phold(1).digests, sequential_phold(2).digests);
}

// Many simultaneous events: every delay is a whole multiple of the lookahead, so most events
// share their time with many others and the order rests on the tie-break.
struct Token {
  std::uint32_t hops;
};

class Gossip final : public sim::Agent<Token> {
 public:
  Gossip(std::uint32_t agents, sim::Time step) : agents_(agents), step_(step) {}
  void start(sim::Context<Token>& ctx) override {
    for (int i = 0; i < 3; ++i)
      ctx.send((ctx.self() + 1 + i) % agents_, step_, Token{0});
  }
  void handle(const sim::Event<Token>& e, sim::Context<Token>& ctx) override {
    digest = sim::mix64(digest ^ static_cast<std::uint64_t>(e.time)) + e.tie_break + e.msg.hops;
    ++handled;
    if (e.msg.hops % 7 == 0) {
      ctx.schedule(0, Token{e.msg.hops + 1});  // a same-time event to itself, handled this window
      return;
    }
    const sim::AgentId to = ctx.rng()() % agents_;
    ctx.send(to, step_ * (1 + ctx.rng()() % 2), Token{e.msg.hops + 1});
  }
  std::uint64_t digest = 0;
  std::uint64_t handled = 0;

 private:
  std::uint32_t agents_;
  sim::Time step_;
};

template <class MakeEngine>
std::vector<std::uint64_t> run_gossip(MakeEngine make_engine) {
  const std::uint32_t agents = 64;
  sim::World<Token> world(21, 4);
  std::vector<Gossip*> all;
  for (std::uint32_t i = 0; i < agents; ++i) {
    all.push_back(
        &world.add<Gossip>({sim::numbered_name("g", i), sim::hours(1)}, agents, sim::hours(1)));
  }
  auto engine = make_engine(world);
  engine.run_until(sim::days(20));
  std::vector<std::uint64_t> out;
  for (const auto* g : all) {
    out.push_back(g->digest);
    out.push_back(g->handled);
  }
  return out;
}

TEST(ParallelEngine, ManySimultaneousEventsAreHandledInTheSameOrder) {
  const auto reference =
      run_gossip([](auto& world) { return sim::SequentialEngine<Token>(world); });
  for (const unsigned threads : {1u, 2u, 3u, 8u}) {
    EXPECT_EQ(run_gossip([&](auto& world) {
                return sim::ParallelEngine<Token>(world, {threads, {}});
              }),
              reference)
        << threads << " threads";
  }
}

TEST(ParallelEngine, RunUntilInStepsEqualsOneRun) {
  sim::World<phold::Msg> stepped(8, 0);
  const auto lps = phold::build(stepped, small_phold());
  sim::ParallelEngine<phold::Msg> engine(stepped, {2, {}});
  engine.run_until(kPholdEnd / 3);
  const sim::RunStats stats = engine.run_until(kPholdEnd);
  std::vector<std::uint64_t> digests;
  for (const auto* lp : lps)
    digests.push_back(lp->digest());
  const PholdOutcome reference = sequential_phold(8);
  EXPECT_EQ(digests, reference.digests);
  EXPECT_EQ(stats.committed_events, reference.committed);
}

// Sends one message with half its declared minimum delay.
class Impatient final : public sim::Agent<Token> {
 public:
  void start(sim::Context<Token>& ctx) override { ctx.schedule(sim::hours(5), Token{0}); }
  void handle(const sim::Event<Token>&, sim::Context<Token>& ctx) override {
    ctx.send(0, sim::minutes(30), Token{1});
  }
};

class Quiet final : public sim::Agent<Token> {
 public:
  void handle(const sim::Event<Token>&, sim::Context<Token>&) override {}
};

TEST(ParallelEngine, RejectsAMessageBelowTheLookaheadFromAnyThread) {
  sim::World<Token> world(1, 0);
  world.add<Quiet>({"receiver"});
  world.add<Impatient>({"sender", sim::hours(1)});
  sim::ParallelEngine<Token> engine(world, {2, {}});
  try {
    engine.run_until(sim::days(1));
    FAIL() << "a message below the lookahead was accepted";
  } catch (const sim::SimulationError& e) {
    EXPECT_THAT(e.what(), testing::HasSubstr("'sender' (#1) sent a message to 'receiver' (#0)"));
    EXPECT_THAT(e.what(), testing::HasSubstr("0d 05:00:00.000000"));
  }
}

// At start, before any window, messages may be due at once: an agent that can only ever send an
// hour ahead still tells the others what happens in the first hour.
class EarlyTeller final : public sim::Agent<Token> {
 public:
  explicit EarlyTeller(sim::AgentId to) : to_(to) {}
  void start(sim::Context<Token>& ctx) override {
    ctx.send(to_, 0, Token{0});
    ctx.send(to_, sim::minutes(20), Token{1});
  }
  void handle(const sim::Event<Token>&, sim::Context<Token>&) override {}

 private:
  sim::AgentId to_;
};

class Listener final : public sim::Agent<Token> {
 public:
  void handle(const sim::Event<Token>& e, sim::Context<Token>&) override {
    heard.push_back({e.time, e.msg.hops});
  }
  std::vector<std::pair<sim::Time, std::uint32_t>> heard;
};

TEST(ParallelEngine, AMessageSentAtStartMayArriveWithinTheLookahead) {
  for (const unsigned threads : {0u, 1u, 2u}) {
    sim::World<Token> world(1, 0);
    auto& listener = world.add<Listener>({"listener"});
    world.add<EarlyTeller>({"teller", sim::hours(1)}, 0);
    const std::vector<std::pair<sim::Time, std::uint32_t>> expected = {{0, 0},
                                                                       {sim::minutes(20), 1}};
    if (threads == 0) {
      sim::SequentialEngine<Token>(world).run_until(sim::days(1));
    } else {
      // One agent per partition: the messages cross partitions.
      sim::ParallelEngine<Token>(world, {threads, {0, threads - 1}}).run_until(sim::days(1));
    }
    EXPECT_EQ(listener.heard, expected) << threads << " threads (0: sequential)";
  }
}

TEST(ParallelEngine, RejectsAPartitionMapThatDoesNotCoverTheWorld) {
  sim::World<Token> world(1, 0);
  world.add<Quiet>({"a"});
  world.add<Quiet>({"b"});
  EXPECT_THROW((sim::ParallelEngine<Token>(world, {2, {0}})), sim::SimulationError);
}

TEST(ParallelEngine, BlockPartitionIsContiguousAndBalanced) {
  const auto blocks = sim::block_partition(10, 3);
  EXPECT_EQ(blocks, (std::vector<std::uint32_t>{0, 0, 0, 0, 1, 1, 1, 2, 2, 2}));
}

TEST(ParallelEngine, WeightedBlocksBalanceTheWeight) {
  // One heavy agent at the end gets a block of its own.
  EXPECT_EQ(sim::weighted_block_partition({1, 1, 1, 1, 4}, 2),
            (std::vector<std::uint32_t>{0, 0, 0, 0, 1}));
  EXPECT_EQ(sim::weighted_block_partition({2, 2, 2, 2}, 2),
            (std::vector<std::uint32_t>{0, 0, 1, 1}));
  // No weight at all: plain blocks.
  EXPECT_EQ(sim::weighted_block_partition({0, 0, 0, 0}, 2),
            (std::vector<std::uint32_t>{0, 0, 1, 1}));
}

}  // namespace
