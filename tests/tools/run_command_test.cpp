// Running replications side by side: results at their index, spare threads shared out, and the
// lowest-numbered failure reported whatever the scheduling.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>

#include "models/scenario.hpp"
#include "sim/errors.hpp"
#include "tools/commands.hpp"
#include "tools/errors.hpp"

namespace {

retail::Scenario scenario_with(std::uint32_t replications) {
  retail::Scenario scenario;
  scenario.name = "stub";
  scenario.seed = 9;
  scenario.replications = replications;
  return scenario;
}

// A result whose table says which replication made it: replication i has i + 1 days.
retail::ReplicationResult marked(std::uint64_t replication) {
  return {retail::KpiTable(static_cast<std::uint32_t>(replication + 1), 1), {}, {}};
}

TEST(RunAllReplications, StoresEachResultAtItsIndex) {
  const auto results = omnisim::run_all_replications(
      scenario_with(7), 3, [](std::uint64_t i, unsigned) { return marked(i); });
  ASSERT_EQ(results.size(), 7u);
  for (std::size_t i = 0; i < results.size(); ++i)
    EXPECT_EQ(results[i].kpis.days(), i + 1);
}

TEST(RunAllReplications, GivesSpareThreadsToEachReplication) {
  for (const auto& [replications, threads, share] :
       std::vector<std::tuple<std::uint32_t, unsigned, unsigned>>{
           {1, 4, 4}, {2, 4, 2}, {3, 8, 2}, {4, 4, 1}, {9, 2, 1}}) {
    std::atomic<unsigned> seen{0};
    omnisim::run_all_replications(scenario_with(replications), threads,
                                  [&seen](std::uint64_t i, unsigned given) {
                                    seen = given;
                                    return marked(i);
                                  });
    EXPECT_EQ(seen, share) << replications << " replications on " << threads << " threads";
  }
}

TEST(RunAllReplications, ReportsTheLowestNumberedFailure) {
  const auto failing = [](std::uint64_t i, unsigned) -> retail::ReplicationResult {
    if (i == 5 || i == 3) throw sim::SimulationError("delay below the lookahead");
    return marked(i);
  };
  for (const unsigned threads : {1u, 2u, 4u}) {
    try {
      omnisim::run_all_replications(scenario_with(8), threads, failing);
      FAIL() << "expected ReplicationFailure";
    } catch (const omnisim::ReplicationFailure& e) {
      EXPECT_STREQ(e.what(), "replication 3 of 'stub' (seed 9) failed: delay below the lookahead");
    }
  }
}

TEST(RunAllReplications, PassesScenarioErrorsThrough) {
  const auto unbuildable = [](std::uint64_t, unsigned) -> retail::ReplicationResult {
    throw retail::ScenarioError("zone 'south' has no store");
  };
  EXPECT_THROW(omnisim::run_all_replications(scenario_with(2), 2, unbuildable),
               retail::ScenarioError);
}

}  // namespace
