// The experiment executor in one process (tests run without mpirun): one numbering of (point,
// replication, arm) tasks that a run shares as the one-point case, every asked-for task collected
// once at its coordinates with what ran there, rank 0's own results kept as they are (never
// encoded), the stop flag, and the lowest-numbered failure thrown with its kind.
#include "sim/experiment.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using sim::TaskAt;
using sim::TaskNumbering;

class BadInput : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
const sim::ErrorKinds kinds = sim::ErrorKinds().add<BadInput>();

std::vector<std::uint64_t> all_tasks(std::uint64_t count) {
  std::vector<std::uint64_t> tasks(count);
  std::iota(tasks.begin(), tasks.end(), std::uint64_t{0});
  return tasks;
}

// A result that cannot be copied, only moved: rank 0 must hand over the very object it ran.
using Result = std::unique_ptr<TaskAt>;

// Fails the test whenever a result is turned into bytes or back: one process has no other rank.
sim::ResultCodec<Result> refusing_codec() {
  return {[](const Result&) -> std::string {
            ADD_FAILURE() << "rank 0 encoded its own result";
            return {};
          },
          [](const std::string&) -> Result {
            ADD_FAILURE() << "rank 0 decoded its own result";
            return nullptr;
          }};
}

TEST(TaskNumbering, NumbersEveryTaskOnceAndBack) {
  for (const auto& [points, arms] :
       std::vector<std::pair<std::uint64_t, std::size_t>>{{1, 1}, {1, 2}, {3, 1}, {4, 2}}) {
    const TaskNumbering numbering(points, arms);
    const std::uint64_t replications = 5;
    std::set<std::uint64_t> seen;
    for (std::uint64_t i = 0; i < replications; ++i) {
      for (std::uint64_t p = 0; p < points; ++p) {
        for (std::size_t a = 0; a < arms; ++a) {
          const std::uint64_t task = numbering.task(p, i, a);
          EXPECT_EQ(numbering.at(task), (TaskAt{p, i, a}));
          seen.insert(task);
        }
      }
    }
    // 0 .. N-1, each once.
    ASSERT_EQ(seen.size(), points * replications * arms);
    EXPECT_EQ(*seen.rbegin(), seen.size() - 1);
  }
}

TEST(TaskNumbering, IsReplicationMajor) {
  // Every point and arm of replication i comes before any of replication i + 1.
  const TaskNumbering numbering(3, 2);
  EXPECT_EQ(numbering.task(2, 0, 1), 5u);
  EXPECT_EQ(numbering.task(0, 1, 0), 6u);
}

TEST(TaskNumbering, OfOnePointIsTheRunsNumbering) {
  // A run's task k is replication k / arms in arm k % arms, as its journal's records are named.
  for (const std::size_t arms : {std::size_t{1}, std::size_t{2}}) {
    const TaskNumbering numbering(1, arms);
    for (std::uint64_t k = 0; k < 20; ++k) {
      EXPECT_EQ(numbering.at(k), (TaskAt{0, k / arms, k % arms}));
      EXPECT_EQ(numbering.task(0, k / arms, k % arms), k);
    }
  }
}

TEST(RunExperiment, CollectsEachAskedForTaskOnceWithTheResultRunAtItsCoordinates) {
  const TaskNumbering numbering(3, 2);
  // Every third task of 4 replications, out of order.
  std::vector<std::uint64_t> tasks;
  for (std::uint64_t task = 0; task < 4 * 3 * 2; task += 3)
    tasks.insert(tasks.begin(), task);
  for (const unsigned threads : {1u, 3u}) {
    std::map<std::uint64_t, TaskAt> collected;
    const sim::RoundOutcome outcome = sim::run_experiment<Result>(
        numbering, tasks, threads,
        [](const TaskAt& at, unsigned) { return std::make_unique<TaskAt>(at); }, refusing_codec(),
        [&](std::uint64_t task, const TaskAt& at, Result result) {
          EXPECT_TRUE(collected.emplace(task, at).second) << "task " << task << " twice";
          EXPECT_EQ(at, numbering.at(task));
          ASSERT_NE(result, nullptr);
          EXPECT_EQ(*result, at) << "task " << task << " was handed another task's result";
        },
        kinds);
    EXPECT_EQ(outcome.tasks, tasks.size());
    EXPECT_FALSE(outcome.stopped);
    ASSERT_EQ(collected.size(), tasks.size());
    for (const std::uint64_t task : tasks)
      EXPECT_EQ(collected.count(task), 1u) << task;
  }
}

TEST(RunExperiment, ThrowsTheLowestNumberedFailureWithItsKind) {
  const TaskNumbering numbering(2, 2);
  for (const unsigned threads : {1u, 2u, 4u}) {
    try {
      sim::run_experiment<Result>(
          numbering, all_tasks(12), threads,
          [](const TaskAt& at, unsigned) -> Result {
            // Tasks 7 and 9 (point 1, arm 1, replication 1; point 0, arm 1, replication 2) fail.
            if (at.arm == 1 && (at.replication == 2 || (at.replication == 1 && at.point == 1)))
              throw BadInput("task at point " + std::to_string(at.point));
            return std::make_unique<TaskAt>(at);
          },
          refusing_codec(), [](std::uint64_t, const TaskAt&, Result) {}, kinds);
      ADD_FAILURE() << "no failure on " << threads << " threads";
    } catch (const sim::TaskFailure& failure) {
      EXPECT_EQ(failure.task(), 7u) << threads << " threads";
      EXPECT_STREQ(failure.what(), "task at point 1");
      EXPECT_EQ(failure.kind(), kinds.kind_of<BadInput>());
    }
  }
}

TEST(RunExperiment, StartsNothingOnceStoppedAndSaysSo) {
  std::atomic<int> ran{0};
  const std::atomic<bool> stop{true};
  const sim::RoundOutcome outcome = sim::run_experiment<Result>(
      TaskNumbering(1, 1), all_tasks(5), 2,
      [&ran](const TaskAt& at, unsigned) {
        ++ran;
        return std::make_unique<TaskAt>(at);
      },
      refusing_codec(), [](std::uint64_t, const TaskAt&, Result) {}, kinds, &stop);
  EXPECT_TRUE(outcome.stopped);
  EXPECT_EQ(outcome.tasks, 5u);
  EXPECT_EQ(ran, 0);
}

TEST(BroadcastTasks, IsTheIdentityInOneProcess) {
  const std::vector<std::uint64_t> tasks = {9, 0, 18446744073709551615u, 4};
  EXPECT_EQ(sim::broadcast_tasks(tasks), tasks);
  EXPECT_TRUE(sim::broadcast_tasks({}).empty());
}

}  // namespace
