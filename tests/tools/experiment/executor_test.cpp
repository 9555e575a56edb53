// Runs and sweeps on the kernel's executor: every asked-for replication collected once at its
// coordinates, results the same on any thread count, and the lowest-numbered failure named by its
// replication, arm and point whatever the scheduling.
#include "tools/experiment/executor.hpp"

#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <map>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/scenario/loader.hpp"
#include "tools/results/errors.hpp"

namespace {

using retail::Arm;
using sim::TaskAt;

const std::vector<Arm> kBoth = {Arm::status_quo, Arm::control_tower};

retail::Scenario stub(std::string name, bool with_rule) {
  retail::Scenario scenario;
  scenario.name = std::move(name);
  scenario.seed = 9;
  if (with_rule) scenario.control_tower.rules.push_back({});
  return scenario;
}

// A result whose table says which task made it: days = replication + 1, categories = the
// point's horizon (set by the test) + the arm.
retail::ReplicationResult marked(const retail::Scenario& scenario, std::uint64_t replication,
                                 Arm arm, unsigned = 1) {
  return {retail::KpiTable(static_cast<std::uint32_t>(replication + 1),
                           scenario.horizon_days + (arm == Arm::status_quo ? 0 : 1)),
          {},
          {},
          {}};
}

std::vector<std::uint64_t> all_tasks(std::uint64_t count) {
  std::vector<std::uint64_t> tasks(count);
  std::iota(tasks.begin(), tasks.end(), std::uint64_t{0});
  return tasks;
}

TEST(RunStudyTasks, CollectsEachAskedForTaskOnceAtItsCoordinates) {
  std::vector<retail::Scenario> points = {stub("a", true), stub("b", true), stub("c", true)};
  for (std::size_t p = 0; p < points.size(); ++p)
    points[p].horizon_days = static_cast<std::uint32_t>(10 * (p + 1));
  const omnisim::Study study{points, kBoth, {}, marked};
  // Every other task of 4 replications.
  std::vector<std::uint64_t> tasks;
  for (std::uint64_t task = 0; task < 4 * points.size() * kBoth.size(); task += 2)
    tasks.push_back(task);
  for (const unsigned threads : {1u, 3u}) {
    std::map<std::uint64_t, TaskAt> collected;
    const sim::RoundOutcome outcome = omnisim::run_study_tasks(
        study, tasks, threads,
        [&](std::uint64_t task, const TaskAt& at, retail::ReplicationResult result) {
          EXPECT_TRUE(collected.emplace(task, at).second) << "task " << task << " twice";
          EXPECT_EQ(at, study.numbering().at(task));
          EXPECT_EQ(result.kpis.days(), at.replication + 1);
          EXPECT_EQ(result.kpis.categories(), points[at.point].horizon_days + at.arm);
        });
    EXPECT_EQ(outcome.tasks, tasks.size());
    EXPECT_FALSE(outcome.stopped);
    ASSERT_EQ(collected.size(), tasks.size());
    for (const std::uint64_t task : tasks)
      EXPECT_EQ(collected.count(task), 1u) << task;
  }
}

TEST(RunStudyTasks, GivesTheSameResultsOnOneAndThreeThreads) {
  retail::Scenario base =
      retail::load_scenario(std::string(OMNISIM_SOURCE_DIR) + "/tests/data/small_with_rules.json",
                            {"horizon_days=7"})
          .scenario;
  retail::Scenario shorter = base;
  shorter.horizon_days = 4;
  const std::vector<retail::Scenario> points = {base, shorter};
  const omnisim::Study study{points, kBoth, {}, {}};
  const std::vector<std::uint64_t> tasks = all_tasks(3 * points.size() * kBoth.size());
  // What identifies a result (its bytes would not: the codec copies padding too).
  struct Outcome {
    std::vector<std::array<std::int64_t, retail::kCounters>> cells;
    std::vector<std::int64_t> open_orders;
    std::uint64_t events = 0;
    std::size_t decisions = 0;
    bool operator==(const Outcome&) const = default;
  };
  const auto run_on = [&](unsigned threads) {
    std::map<std::uint64_t, Outcome> outcomes;
    omnisim::run_study_tasks(study, tasks, threads,
                             [&](std::uint64_t task, const TaskAt&, retail::ReplicationResult r) {
                               outcomes[task] = {r.kpis.cells(), r.kpis.open_orders_by_day(),
                                                 r.stats.committed_events, r.decisions.size()};
                             });
    return outcomes;
  };
  const auto one = run_on(1);
  ASSERT_EQ(one.size(), tasks.size());
  EXPECT_GT(one.at(0).events, 0u);
  EXPECT_TRUE(one == run_on(3));
}

TEST(RunStudyTasks, ReportsTheLowestNumberedFailureNamingItsPoint) {
  const auto failing = [](const retail::Scenario& scenario, std::uint64_t i, Arm arm,
                          unsigned) -> retail::ReplicationResult {
    // Tasks 7 (replication 1, point 1, control tower) and 10 (replication 2, point 1, status
    // quo) fail; 7 is reported.
    const bool point_1 = scenario.horizon_days == 2;
    if (point_1 && (i == 2 || (i == 1 && arm == Arm::control_tower)))
      throw std::runtime_error("lost");
    return marked(scenario, i, arm);
  };
  std::vector<retail::Scenario> differing = {stub("grid", true), stub("grid", true)};
  differing[1].horizon_days = 2;
  const omnisim::Study study{
      differing, kBoth,
      [](std::uint64_t point) { return "grid point " + std::to_string(point) + " of 'grid'"; },
      failing};
  for (const unsigned threads : {1u, 2u, 4u}) {
    try {
      omnisim::run_study_tasks(study, all_tasks(4 * 2 * 2), threads,
                               [](std::uint64_t, const TaskAt&, retail::ReplicationResult) {});
      FAIL() << "expected ReplicationFailure";
    } catch (const omnisim::ReplicationFailure& e) {
      EXPECT_STREQ(e.what(),
                   "replication 1 in the control tower arm of grid point 1 of 'grid' failed: lost");
    }
  }
}

TEST(RunStudyTasks, NamesAPointByItsScenarioAndNoArmWithoutRules) {
  const std::vector<retail::Scenario> points = {stub("plain", false)};
  const omnisim::Study study{
      points,
      {Arm::status_quo},
      {},
      [](const retail::Scenario&, std::uint64_t i, Arm, unsigned) -> retail::ReplicationResult {
        if (i >= 3) throw std::runtime_error("delay below the lookahead");
        return {retail::KpiTable(1, 1), {}, {}, {}};
      }};
  try {
    omnisim::run_study_tasks(study, all_tasks(6), 2,
                             [](std::uint64_t, const TaskAt&, retail::ReplicationResult) {});
    FAIL() << "expected ReplicationFailure";
  } catch (const omnisim::ReplicationFailure& e) {
    EXPECT_STREQ(e.what(), "replication 3 of 'plain' (seed 9) failed: delay below the lookahead");
  }
}

TEST(RunStudyTasks, KeepsAScenarioErrorItsKind) {
  const std::vector<retail::Scenario> points = {stub("bad", false)};
  const omnisim::Study study{
      points,
      {Arm::status_quo},
      {},
      [](const retail::Scenario&, std::uint64_t, Arm, unsigned) -> retail::ReplicationResult {
        throw retail::ScenarioError("zone 'south' has no store");
      }};
  EXPECT_THROW(
      omnisim::run_study_tasks(study, all_tasks(2), 2,
                               [](std::uint64_t, const TaskAt&, retail::ReplicationResult) {}),
      retail::ScenarioError);
}

TEST(RunStudyTasks, StartsNothingOnceStopped) {
  const std::vector<retail::Scenario> points = {stub("s", false)};
  std::atomic<int> ran{0};
  const omnisim::Study study{
      points,
      {Arm::status_quo},
      {},
      [&ran](const retail::Scenario& scenario, std::uint64_t i, Arm arm, unsigned) {
        ++ran;
        return marked(scenario, i, arm);
      }};
  const std::atomic<bool> stop{true};
  const sim::RoundOutcome outcome = omnisim::run_study_tasks(
      study, all_tasks(5), 2, [](std::uint64_t, const TaskAt&, retail::ReplicationResult) {},
      &stop);
  EXPECT_TRUE(outcome.stopped);
  EXPECT_EQ(outcome.tasks, 5u);
  EXPECT_EQ(ran, 0);
}

}  // namespace
