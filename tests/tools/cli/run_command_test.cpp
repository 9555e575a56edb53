// Running every replication of every arm side by side: results at their index and arm, spare
// threads shared out, and the lowest-numbered failure reported whatever the scheduling.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>

#include "models/scenario/loader.hpp"
#include "sim/errors.hpp"
#include "tools/cli/commands.hpp"
#include "tools/experiment/replication_runner.hpp"
#include "tools/results/errors.hpp"

namespace {

using retail::Arm;

const std::vector<Arm> kBoth = {Arm::status_quo, Arm::control_tower};
const std::vector<Arm> kOne = {Arm::status_quo};

retail::Scenario scenario_with(std::uint32_t replications, bool with_rule = false) {
  retail::Scenario scenario;
  scenario.name = "stub";
  scenario.seed = 9;
  scenario.replications = replications;
  if (with_rule) scenario.control_tower.rules.push_back({});
  return scenario;
}

// A result whose table says which run made it: replication i has i + 1 days, and the control
// tower's tables one category more than the status quo's.
retail::ReplicationResult marked(std::uint64_t replication, Arm arm) {
  return {
      retail::KpiTable(static_cast<std::uint32_t>(replication + 1), arm == Arm::status_quo ? 1 : 2),
      {},
      {},
      {}};
}

TEST(RunAllReplications, StoresEachResultAtItsArmAndIndex) {
  const auto results = omnisim::run_all_replications(
      scenario_with(7), kBoth, 3,
      [](const retail::Scenario&, std::uint64_t i, Arm arm, unsigned) { return marked(i, arm); });
  ASSERT_EQ(results.size(), 2u);
  for (std::size_t a = 0; a < 2; ++a) {
    ASSERT_EQ(results[a].size(), 7u);
    for (std::size_t i = 0; i < results[a].size(); ++i) {
      EXPECT_EQ(results[a][i].kpis.days(), i + 1);
      EXPECT_EQ(results[a][i].kpis.categories(), a + 1);
    }
  }
}

TEST(RunAllReplications, ReportsEachFinishedReplication) {
  std::atomic<int> done{0};
  omnisim::run_all_replications(
      scenario_with(5), kBoth, 4,
      [](const retail::Scenario&, std::uint64_t i, Arm arm, unsigned) { return marked(i, arm); },
      [&done] { ++done; });
  EXPECT_EQ(done, 10);
}

TEST(RunAllReplications, GivesSpareThreadsToEachReplicationOfEachArm) {
  for (const auto& [replications, arms, threads, share] :
       std::vector<std::tuple<std::uint32_t, std::vector<Arm>, unsigned, unsigned>>{
           {1, kOne, 4, 4},
           {2, kOne, 4, 2},
           {3, kOne, 8, 2},
           {4, kOne, 4, 1},
           {9, kOne, 2, 1},
           {1, kBoth, 4, 2},
           {2, kBoth, 8, 2},
           {3, kBoth, 4, 1}}) {
    std::atomic<unsigned> seen{0};
    omnisim::run_all_replications(
        scenario_with(replications), arms, threads,
        [&seen](const retail::Scenario&, std::uint64_t i, Arm arm, unsigned given) {
          seen = given;
          return marked(i, arm);
        });
    EXPECT_EQ(seen, share) << replications << " replications x " << arms.size() << " arms on "
                           << threads << " threads";
  }
}

TEST(RunAllReplications, ReportsTheLowestNumberedFailure) {
  const auto failing = [](const retail::Scenario&, std::uint64_t i, Arm arm,
                          unsigned) -> retail::ReplicationResult {
    if (i == 5 || i == 3) throw sim::SimulationError("delay below the lookahead");
    return marked(i, arm);
  };
  for (const unsigned threads : {1u, 2u, 4u}) {
    try {
      omnisim::run_all_replications(scenario_with(8), kOne, threads, failing);
      FAIL() << "expected ReplicationFailure";
    } catch (const omnisim::ReplicationFailure& e) {
      EXPECT_STREQ(e.what(), "replication 3 of 'stub' (seed 9) failed: delay below the lookahead");
    }
  }
}

TEST(RunAllReplications, NamesTheArmOfAFailureWhenTheScenarioHasRules) {
  // Replication 2 fails in the control-tower arm only, replication 4 in both: the lowest in
  // (replication, arm) order is replication 2's control-tower run.
  const auto failing = [](const retail::Scenario&, std::uint64_t i, Arm arm,
                          unsigned) -> retail::ReplicationResult {
    if (i == 4 || (i == 2 && arm == Arm::control_tower)) throw std::runtime_error("units lost");
    return marked(i, arm);
  };
  for (const unsigned threads : {1u, 3u}) {
    try {
      omnisim::run_all_replications(scenario_with(6, true), kBoth, threads, failing);
      FAIL() << "expected ReplicationFailure";
    } catch (const omnisim::ReplicationFailure& e) {
      EXPECT_STREQ(e.what(),
                   "replication 2 in the control tower arm of 'stub' (seed 9) failed: units lost");
    }
  }
}

TEST(RunAllReplications, PassesScenarioErrorsThrough) {
  const auto unbuildable = [](const retail::Scenario&, std::uint64_t, Arm,
                              unsigned) -> retail::ReplicationResult {
    throw retail::ScenarioError("zone 'south' has no store");
  };
  EXPECT_THROW(omnisim::run_all_replications(scenario_with(2), kBoth, 2, unbuildable),
               retail::ScenarioError);
}

TEST(ArmsToRun, BothUnlessOneIsAskedForOrThereAreNoRules) {
  using omnisim::ArmChoice;
  const retail::Scenario with_rule = scenario_with(1, true);
  const retail::Scenario without = scenario_with(1);
  EXPECT_EQ(omnisim::arms_to_run(with_rule, ArmChoice::both), kBoth);
  EXPECT_EQ(omnisim::arms_to_run(with_rule, ArmChoice::status_quo_only), kOne);
  EXPECT_EQ(omnisim::arms_to_run(with_rule, ArmChoice::control_tower_only),
            std::vector<Arm>{Arm::control_tower});
  EXPECT_EQ(omnisim::arms_to_run(without, ArmChoice::both), kOne);
  EXPECT_EQ(omnisim::arms_to_run(without, ArmChoice::control_tower_only),
            std::vector<Arm>{Arm::control_tower});
}

}  // namespace
