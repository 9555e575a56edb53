// The task farm in one process (tests run without mpirun): every task once, collected on the
// root one call at a time, spare threads shared out, the stop flag, and the failure lowest in the
// tasks' order thrown with its kind; the collective steps are the identity.
#include "sim/task_farm.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <numeric>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "sim/task_farm_local.hpp"
#include "sim/threads.hpp"

namespace {

using sim::run_task_farm;
using sim::TaskFailure;

// Two kinds of error a caller of the farm tells apart (bad input and a failed write, say).
class BadInput : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
class DiskFull : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
const sim::ErrorKinds kinds = sim::ErrorKinds().add<BadInput>().add<DiskFull>();

std::vector<std::uint64_t> first_tasks(std::uint64_t count) {
  std::vector<std::uint64_t> tasks(count);
  std::iota(tasks.begin(), tasks.end(), std::uint64_t{0});
  return tasks;
}

TEST(TaskFarm, WithoutMpirunThereIsOneProcess) {
  EXPECT_EQ(sim::process_rank(), 0);
  EXPECT_EQ(sim::process_count(), 1);
}

TEST(TaskFarm, RunsEveryTaskOnceAndCollectsItsResult) {
  const std::vector<std::uint64_t> tasks = {40, 3, 17, 8, 1000, 5, 6, 7, 11};
  for (const unsigned threads : {1u, 3u, 8u}) {
    std::mutex runs_mutex;
    std::map<std::uint64_t, int> runs;
    std::map<std::uint64_t, std::string> collected;
    sim::run_task_farm(
        tasks, threads,
        [&](std::uint64_t k, unsigned) {
          const std::lock_guard lock(runs_mutex);
          ++runs[k];
          return "result of " + std::to_string(k);
        },
        [&](std::uint64_t k, std::string bytes) {
          EXPECT_TRUE(collected.emplace(k, std::move(bytes)).second) << "collected twice: " << k;
        },
        kinds);
    ASSERT_EQ(runs.size(), tasks.size()) << threads << " threads";
    ASSERT_EQ(collected.size(), tasks.size()) << threads << " threads";
    for (const std::uint64_t k : tasks) {
      EXPECT_EQ(runs[k], 1) << "task " << k;
      EXPECT_EQ(collected[k], "result of " + std::to_string(k));
    }
  }
}

TEST(TaskFarm, CollectsOneResultAtATime) {
  std::atomic<int> inside{0};
  std::atomic<int> most_inside{0};
  std::atomic<int> calls{0};
  sim::run_task_farm(
      first_tasks(200), 4, [](std::uint64_t k, unsigned) { return std::to_string(k); },
      [&](std::uint64_t, std::string) {
        const int now = ++inside;
        int most = most_inside.load();
        while (now > most && !most_inside.compare_exchange_weak(most, now)) {
        }
        // Long enough for another worker to arrive if nothing kept it out.
        volatile std::uint64_t sink = 0;
        for (int i = 0; i < 20000; ++i)
          sink = sink + static_cast<std::uint64_t>(i);
        --inside;
        ++calls;
      },
      kinds);
  EXPECT_EQ(calls, 200);
  EXPECT_EQ(most_inside, 1);
}

TEST(TaskFarm, GivesSpareThreadsToEachTask) {
  for (const auto& [tasks, threads, share] :
       std::vector<std::tuple<std::uint64_t, unsigned, unsigned>>{
           {1, 4, 4}, {2, 4, 2}, {3, 8, 2}, {4, 4, 1}, {9, 2, 1}, {5, 0, 1}}) {
    std::mutex seen_mutex;
    std::vector<unsigned> seen;
    sim::run_task_farm(
        first_tasks(tasks), threads,
        [&](std::uint64_t, unsigned given) {
          const std::lock_guard lock(seen_mutex);
          seen.push_back(given);
          return std::string();
        },
        [](std::uint64_t, std::string) {}, kinds);
    EXPECT_THAT(seen, ::testing::Each(share)) << tasks << " tasks on " << threads << " threads";
    EXPECT_EQ(seen.size(), tasks);
  }
}

TEST(TaskFarm, RefusesMoreThreadsThanAnArenaCanHoldInsteadOfCrashing) {
  // 2^31 was cast to a negative int for the oneTBB arena, which crashed.
  for (const unsigned threads : {sim::kMaxThreads + 1, 2147483648u, 4294967295u}) {
    int runs = 0;
    EXPECT_THROW(sim::run_task_farm(
                     first_tasks(3), threads,
                     [&](std::uint64_t, unsigned) {
                       ++runs;
                       return std::string();
                     },
                     [](std::uint64_t, std::string) {}, kinds),
                 std::invalid_argument)
        << threads;
    EXPECT_EQ(runs, 0) << threads;
  }
}

TEST(TaskFarm, StartsNoTaskOnceStopped) {
  const std::atomic<bool> stopped{true};
  int runs = 0;
  int collected = 0;
  sim::run_task_farm(
      first_tasks(10), 2,
      [&](std::uint64_t, unsigned) {
        ++runs;
        return std::string();
      },
      [&](std::uint64_t, std::string) { ++collected; }, kinds, &stopped);
  EXPECT_EQ(runs, 0);
  EXPECT_EQ(collected, 0);
}

TEST(TaskFarm, FinishesAndCollectsTheTasksStartedBeforeTheStop) {
  std::atomic<bool> stop{false};
  int runs = 0;
  std::vector<std::uint64_t> collected;
  // One thread: the third task to run asks to stop, and it is the last to run.
  sim::run_task_farm(
      first_tasks(10), 1,
      [&](std::uint64_t k, unsigned) {
        if (++runs == 3) stop = true;
        return std::to_string(k);
      },
      [&](std::uint64_t k, std::string) { collected.push_back(k); }, kinds, &stop);
  EXPECT_EQ(runs, 3);
  EXPECT_EQ(collected.size(), 3u);
}

TEST(TaskFarm, ThrowsTheFailureLowestInTheTasksOrder) {
  // Task 12 comes before task 7 in the list, so it is the one reported.
  const std::vector<std::uint64_t> tasks = {0, 1, 2, 12, 3, 4, 7, 5, 6, 8, 9};
  for (const unsigned threads : {1u, 2u, 4u}) {
    std::vector<std::uint64_t> collected;
    try {
      sim::run_task_farm(
          tasks, threads,
          [](std::uint64_t k, unsigned) -> std::string {
            if (k == 7 || k == 12) throw std::runtime_error("task " + std::to_string(k) + " broke");
            return std::string();
          },
          [&](std::uint64_t k, std::string) { collected.push_back(k); }, kinds);
      FAIL() << "expected sim::TaskFailure";
    } catch (const sim::TaskFailure& e) {
      EXPECT_EQ(e.task(), 12u);
      EXPECT_STREQ(e.what(), "task 12 broke");
      EXPECT_EQ(e.kind(), 0) << "a std::runtime_error is none of the registered kinds";
    }
    EXPECT_THAT(collected, ::testing::Not(::testing::Contains(12u)));
    EXPECT_THAT(collected, ::testing::Not(::testing::Contains(7u)));
    // Every task before the failure ran and was collected.
    for (const std::uint64_t k : {0u, 1u, 2u})
      EXPECT_THAT(collected, ::testing::Contains(k)) << threads << " threads";
  }
}

TEST(TaskFarm, SaysWhichRegisteredKindTheFailureWas) {
  try {
    sim::run_task_farm(
        first_tasks(4), 2,
        [](std::uint64_t k, unsigned) -> std::string {
          if (k == 2) throw DiskFull("no space left on device");
          return std::string();
        },
        [](std::uint64_t, std::string) {}, kinds);
    FAIL() << "expected sim::TaskFailure";
  } catch (const sim::TaskFailure& e) {
    EXPECT_EQ(e.task(), 2u);
    EXPECT_STREQ(e.what(), "no space left on device");
    EXPECT_EQ(e.kind(), kinds.kind_of<DiskFull>());
    EXPECT_THROW(kinds.rethrow(e.kind(), e.what()), DiskFull);
  }
}

TEST(TaskFarm, ACollectThatThrowsFailsItsTask) {
  try {
    sim::run_task_farm(
        first_tasks(5), 2, [](std::uint64_t, unsigned) { return std::string("garbled"); },
        [](std::uint64_t k, std::string) {
          if (k == 3) throw std::runtime_error("cannot decode");
        },
        kinds);
    FAIL() << "expected sim::TaskFailure";
  } catch (const sim::TaskFailure& e) {
    EXPECT_EQ(e.task(), 3u);
    EXPECT_STREQ(e.what(), "cannot decode");
  }
}

TEST(TaskFarm, AnEmptyFarmRunsNothing) {
  sim::run_task_farm(
      {}, 4,
      [](std::uint64_t, unsigned) -> std::string {
        ADD_FAILURE() << "a task ran";
        return {};
      },
      [](std::uint64_t, std::string) { ADD_FAILURE() << "a result was collected"; }, kinds);
}

TEST(TaskFarm, CollectiveStepsAreTheIdentityInOneProcess) {
  EXPECT_EQ(sim::broadcast_from_root("rank 0's bytes"), "rank 0's bytes");
  EXPECT_TRUE(sim::any_rank(true));
  EXPECT_FALSE(sim::any_rank(false));
  int steps = 0;
  sim::on_every_rank([&] { ++steps; }, kinds);
  sim::on_root([&] { ++steps; }, kinds);
  EXPECT_EQ(steps, 2);
}

TEST(TaskFarm, CollectiveStepsRethrowTheSameException) {
  EXPECT_THROW(sim::on_every_rank([] { throw BadInput("bad --grid"); }, kinds), BadInput);
  EXPECT_THROW(sim::on_root([] { throw DiskFull("disk full"); }, kinds), DiskFull);
}

TEST(ErrorKinds, ClassifiesByTheFirstMatchingKindAndRebuildsIt) {
  EXPECT_EQ(kinds.classify(BadInput("x")), 1);
  EXPECT_EQ(kinds.classify(DiskFull("x")), 2);
  EXPECT_EQ(kinds.classify(std::logic_error("x")), 0);
  EXPECT_EQ(kinds.kind_of<std::logic_error>(), 0);
  // A kind nobody registered, or none, comes back as a std::runtime_error with its message.
  try {
    kinds.rethrow(0, "plain");
  } catch (const BadInput&) {
    FAIL() << "kind 0 is not BadInput";
  } catch (const DiskFull&) {
    FAIL() << "kind 0 is not DiskFull";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "plain");
  }
  EXPECT_THROW(kinds.rethrow(9, "unknown"), std::runtime_error);
  // A base added before a derived type takes it.
  const sim::ErrorKinds broad = sim::ErrorKinds().add<std::runtime_error>().add<BadInput>();
  EXPECT_EQ(broad.classify(BadInput("x")), 1);
}

}  // namespace

// A rank's share of a study ordered replication by replication (task = replication x points +
// point) must hold every point alike, so that ranks finish together even when some points cost
// far more than others. Dealing tasks out in turn would give each of 4 ranks a single point.
TEST(TaskFarmShare, EachRankGetsAContiguousBlockHoldingEveryPointAlike) {
  constexpr std::uint64_t kPoints = 4;
  constexpr std::uint64_t kReplications = 8;
  const std::vector<std::uint64_t> tasks = first_tasks(kPoints * kReplications);
  for (const int ranks : {2, 4}) {
    std::vector<std::uint64_t> all;
    for (int rank = 0; rank < ranks; ++rank) {
      std::mutex share_mutex;
      std::vector<std::uint64_t> share;
      const auto failure = sim::run_share(
          tasks, rank, ranks, 2, [](std::uint64_t k, unsigned) { return std::to_string(k); },
          [&](std::size_t position, std::string) {
            const std::lock_guard lock(share_mutex);
            share.push_back(tasks[position]);
          },
          kinds, nullptr);
      EXPECT_FALSE(failure);
      std::sort(share.begin(), share.end());
      ASSERT_EQ(share.size(), tasks.size() / static_cast<std::size_t>(ranks)) << rank;
      EXPECT_EQ(share.back() - share.front() + 1, share.size()) << "not contiguous: rank " << rank;
      std::map<std::uint64_t, std::size_t> per_point;
      for (const std::uint64_t task : share)
        ++per_point[task % kPoints];
      EXPECT_EQ(per_point.size(), kPoints) << "rank " << rank << " of " << ranks;
      for (const auto& [point, count] : per_point)
        EXPECT_EQ(count, share.size() / kPoints) << "point " << point << ", rank " << rank;
      all.insert(all.end(), share.begin(), share.end());
    }
    std::sort(all.begin(), all.end());
    EXPECT_EQ(all, tasks) << ranks << " ranks";
  }
}

// Shares differ by at most one task, whatever the counts.
TEST(TaskFarmShare, SharesDifferByAtMostOneTask) {
  for (const std::uint64_t count : {1u, 5u, 7u, 10u}) {
    const std::vector<std::uint64_t> tasks = first_tasks(count);
    std::size_t total = 0;
    for (int rank = 0; rank < 3; ++rank) {
      std::atomic<std::size_t> ran{0};
      sim::run_share(
          tasks, rank, 3, 1, [](std::uint64_t, unsigned) { return std::string(); },
          [&](std::size_t, std::string) { ++ran; }, kinds, nullptr);
      EXPECT_GE(ran.load(), count / 3) << count << " tasks, rank " << rank;
      EXPECT_LE(ran.load(), (count + 2) / 3) << count << " tasks, rank " << rank;
      total += ran.load();
    }
    EXPECT_EQ(total, count);
  }
}
