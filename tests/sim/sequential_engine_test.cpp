// The sequential engine: total event order, tie-breaking, and refusal of causality violations.
#include "sim/sequential_engine.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <tuple>
#include <vector>

namespace {

struct Note {
  int tag;
};
using Ctx = sim::Context<Note>;

struct Seen {
  sim::Time time;
  sim::AgentId sender;
  std::uint64_t sequence;
  int tag;
  bool operator==(const Seen&) const = default;
};

// Records every event it handles, in handling order.
class Sink final : public sim::Agent<Note> {
 public:
  void handle(const sim::Event<Note>& e, Ctx&) override {
    seen.push_back({e.time, e.sender(), e.sequence(), e.msg.tag});
  }
  std::vector<Seen> seen;
};

// Sends a scripted list of (when, to, delay, tag) messages: each `when` is reached by
// scheduling itself first, so the order of sending differs from the order of arrival.
class Scripted final : public sim::Agent<Note> {
 public:
  struct Send {
    sim::Time when;
    sim::AgentId to;
    sim::Time delay;
    int tag;
  };
  explicit Scripted(std::vector<Send> script) : script_(std::move(script)) {}
  void start(Ctx& ctx) override {
    for (std::size_t i = 0; i < script_.size(); ++i) {
      ctx.schedule(script_[i].when, Note{static_cast<int>(i)});
    }
  }
  void handle(const sim::Event<Note>& e, Ctx& ctx) override {
    const Send& s = script_[static_cast<std::size_t>(e.msg.tag)];
    ctx.send(s.to, s.delay, Note{s.tag});
  }

 private:
  std::vector<Send> script_;
};

const sim::Time kHour = sim::hours(1);

TEST(SequentialEngine, SimultaneousEventsAreOrderedBySenderThenSequenceNotArrival) {
  sim::World<Note> world(1, 0);
  // Agent 1 sends at t=0 for t=3h; agent 0 sends later (t=2h) for the same t=3h, twice.
  world.add<Scripted>({"a0", kHour}, std::vector<Scripted::Send>{{2 * kHour, 2, kHour, 10},
                                                                 {2 * kHour, 2, kHour, 11}});
  world.add<Scripted>({"a1", kHour}, std::vector<Scripted::Send>{{0, 2, 3 * kHour, 20}});
  auto& sink = world.add<Sink>({"sink"});
  sim::SequentialEngine<Note> engine(world);
  const auto stats = engine.run_until(sim::days(1));

  ASSERT_EQ(sink.seen.size(), 3u);
  std::vector<int> tags;
  for (const auto& s : sink.seen)
    tags.push_back(s.tag);
  EXPECT_EQ(tags, (std::vector<int>{10, 11, 20}));
  for (const auto& s : sink.seen)
    EXPECT_EQ(s.time, 3 * kHour);
  EXPECT_EQ(sink.seen[0].sender, 0u);
  EXPECT_LT(sink.seen[0].sequence, sink.seen[1].sequence);
  EXPECT_EQ(stats.committed_events, 6u);  // 3 self-scheduled + 3 delivered
  EXPECT_EQ(stats.pending_events, 0u);
}

// Forwards each event to a random agent after a random delay and logs handling times.
class Forwarder final : public sim::Agent<Note> {
 public:
  Forwarder(sim::AgentId agents, std::vector<sim::Time>* log) : agents_(agents), log_(log) {}
  void start(Ctx& ctx) override { ctx.send(ctx.self(), kHour, Note{0}); }
  void handle(const sim::Event<Note>& e, Ctx& ctx) override {
    EXPECT_EQ(e.time, ctx.now());
    log_->push_back(ctx.now());
    const auto to = static_cast<sim::AgentId>(ctx.rng()() % agents_);
    ctx.send(to, kHour + static_cast<sim::Time>(ctx.rng()() % 5) * kHour, Note{e.msg.tag + 1});
  }

 private:
  sim::AgentId agents_;
  std::vector<sim::Time>* log_;
};

TEST(SequentialEngine, NeverHandlesAnEventBeforeAnEarlierOne) {
  sim::World<Note> world(3, 0);
  std::vector<sim::Time> log;
  for (int i = 0; i < 50; ++i)
    world.add<Forwarder>({sim::numbered_name("f", i), kHour}, 50u, &log);
  sim::SequentialEngine<Note> engine(world);
  engine.run_until(sim::days(30));
  ASSERT_GT(log.size(), 1000u);
  EXPECT_TRUE(std::is_sorted(log.begin(), log.end()));
}

TEST(SequentialEngine, RunUntilStopsBeforeTheEndAndContinuesLater) {
  sim::World<Note> world(3, 0);
  std::vector<sim::Time> log;
  for (int i = 0; i < 5; ++i)
    world.add<Forwarder>({sim::numbered_name("f", i), kHour}, 5u, &log);
  sim::SequentialEngine<Note> engine(world);
  const auto first = engine.run_until(sim::days(1));
  for (const sim::Time t : log)
    EXPECT_LT(t, sim::days(1));
  EXPECT_EQ(first.pending_events, 5u);  // one event per forwarder in flight
  const std::size_t handled = log.size();
  const auto second = engine.run_until(sim::days(2));
  EXPECT_GT(log.size(), handled);
  EXPECT_EQ(second.committed_events, log.size());
}

TEST(SequentialEngine, RejectsAMessageBelowTheSendersLookaheadNamingWhoWhenAndHowMuch) {
  sim::World<Note> world(1, 0);
  world.add<Scripted>({"store-3", kHour},
                      std::vector<Scripted::Send>{{2 * kHour, 1, kHour / 2, 0}});
  world.add<Sink>({"dc-1"});
  sim::SequentialEngine<Note> engine(world);
  try {
    engine.run_until(sim::days(1));
    FAIL() << "a message below the lookahead was accepted";
  } catch (const sim::SimulationError& e) {
    using testing::HasSubstr;
    EXPECT_THAT(e.what(), HasSubstr("'store-3' (#0)"));
    EXPECT_THAT(e.what(), HasSubstr("'dc-1' (#1)"));
    EXPECT_THAT(e.what(), HasSubstr("0d 02:00:00.000000"));
    EXPECT_THAT(e.what(), HasSubstr("delay 1800.000000 s"));
    EXPECT_THAT(e.what(), HasSubstr("3600.000000 s"));
  }
}

class PastScheduler final : public sim::Agent<Note> {
 public:
  void start(Ctx& ctx) override { ctx.schedule(-1, Note{0}); }
  void handle(const sim::Event<Note>&, Ctx&) override {}
};

TEST(SequentialEngine, RejectsAnEventScheduledIntoThePast) {
  sim::World<Note> world(1, 0);
  world.add<PastScheduler>({"clock"});
  EXPECT_THROW(sim::SequentialEngine<Note>{world}, sim::SimulationError);
}

TEST(SequentialEngine, RejectsAMessageToAnUnknownAgent) {
  sim::World<Note> world(1, 0);
  world.add<Scripted>({"a", kHour}, std::vector<Scripted::Send>{{0, 7, kHour, 0}});
  sim::SequentialEngine<Note> engine(world);
  EXPECT_THROW(engine.run_until(sim::days(1)), sim::SimulationError);
}

TEST(World, RejectsDuplicateNamesAndNonPositiveLookahead) {
  sim::World<Note> world(1, 0);
  world.add<Sink>({"x"});
  EXPECT_THROW(world.add<Sink>({"x"}), sim::SimulationError);
  EXPECT_THROW(world.add<Sink>({"y", 0}), sim::SimulationError);
  EXPECT_THROW(world.add<Sink>({"z", kHour, 0}), sim::SimulationError);
  // A rejected agent leaves nothing behind: its name is still free.
  EXPECT_EQ(world.add(sim::AgentSpec{"z", kHour, 1}, std::make_unique<Sink>()), 1u);
}

TEST(World, LookaheadIsTheSmallestDeclaredSendDelay) {
  sim::World<Note> world(1, 0);
  EXPECT_EQ(world.lookahead(), sim::kNever);
  world.add<Sink>({"a", 3 * kHour});
  world.add<Sink>({"b", kHour});
  world.add<Sink>({"c"});
  EXPECT_EQ(world.lookahead(), kHour);
}

}  // namespace
