// A sweep's schedule: every point's tasks at the plan's count (this shard's slice only), the ones
// not done in task order, and --reps auto raising only the points whose objective interval is
// too wide, at most doubling per round and never beyond the maximum.
#include "tools/experiment/sweep_schedule.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <vector>

#include "models/metrics/catalogue.hpp"

namespace {

using omnisim::SweepPlan;
using omnisim::SweepSchedule;
using omnisim::TaskRecord;
using retail::Arm;

SweepPlan plan_of(std::size_t points, std::vector<Arm> arms) {
  SweepPlan plan;
  plan.points.resize(points);
  plan.arms = std::move(arms);
  plan.replications = 3;
  const auto spine = retail::spine_metric_ids();
  plan.metrics.assign(spine.begin(), spine.end());
  plan.objective.metric = retail::MetricId::contribution_margin;
  return plan;
}

std::vector<std::uint64_t> numbers(std::uint64_t from, std::uint64_t to) {
  std::vector<std::uint64_t> out(to - from);
  std::iota(out.begin(), out.end(), from);
  return out;
}

// Replications from .. to-1 of `point` in every arm, the objective `value(i)`, the rest 0.
void add_records(const SweepPlan& plan, std::vector<TaskRecord>& records, std::uint64_t point,
                 std::uint64_t from, std::uint64_t to, double (*value)(std::uint64_t)) {
  const auto objective = static_cast<std::size_t>(
      std::find(plan.metrics.begin(), plan.metrics.end(), plan.objective.metric) -
      plan.metrics.begin());
  for (std::uint64_t i = from; i < to; ++i) {
    for (const Arm arm : plan.arms) {
      TaskRecord record{point, i, arm, std::vector<double>(plan.metrics.size(), 0.0)};
      record.metrics[objective] = value(i);
      records.push_back(record);
    }
  }
}

TEST(SweepSchedule, RunsThePlansCountOfEveryPointInTaskOrder) {
  const SweepPlan plan = plan_of(2, {Arm::status_quo, Arm::control_tower});
  SweepSchedule schedule(plan);
  EXPECT_EQ(schedule.counts(), (std::vector<std::uint64_t>{3, 3}));
  EXPECT_EQ(schedule.planned_tasks(), 12u);
  EXPECT_EQ(schedule.missing([](std::uint64_t) { return false; }), numbers(0, 12));
  EXPECT_EQ(schedule.missing([](std::uint64_t task) { return task % 2 == 0; }),
            (std::vector<std::uint64_t>{1, 3, 5, 7, 9, 11}));
  EXPECT_TRUE(schedule.missing([](std::uint64_t) { return true; }).empty());
  // A fixed count is never extended.
  std::vector<TaskRecord> records;
  add_records(plan, records, 0, 0, 3, [](std::uint64_t i) { return 1000.0 * i; });
  add_records(plan, records, 1, 0, 3, [](std::uint64_t i) { return 1000.0 * i; });
  EXPECT_FALSE(schedule.extend(records));
  EXPECT_EQ(schedule.counts(), (std::vector<std::uint64_t>{3, 3}));
}

TEST(SweepSchedule, OfAShardHoldsOnlyItsBlockOfTasks) {
  SweepPlan plan = plan_of(2, {Arm::status_quo, Arm::control_tower});
  plan.shard = omnisim::Shard{1, 2};
  const SweepSchedule second(plan);
  EXPECT_EQ(second.planned_tasks(), 6u);
  EXPECT_EQ(second.missing([](std::uint64_t) { return false; }), numbers(6, 12));
  plan.shard = omnisim::Shard{0, 5};
  const SweepSchedule first_of_five(plan);
  EXPECT_EQ(first_of_five.missing([](std::uint64_t) { return false; }), numbers(0, 2));
}

TEST(SweepSchedule, AutoRaisesOnlyTooWideIntervalsAtMostDoublingUpToTheMaximum) {
  SweepPlan plan = plan_of(2, {Arm::status_quo});
  plan.auto_replications = omnisim::AutoReplications{1.0, 2, 5};
  SweepSchedule schedule(plan);
  EXPECT_EQ(schedule.counts(), (std::vector<std::uint64_t>{2, 2}));
  std::vector<TaskRecord> records;
  // Point 0 varies a lot (its interval is far wider than 1); point 1 not at all.
  const auto wide = [](std::uint64_t i) { return i % 2 == 0 ? 0.0 : 100.0; };
  const auto steady = [](std::uint64_t) { return 7.0; };
  add_records(plan, records, 0, 0, 2, wide);
  add_records(plan, records, 1, 0, 2, steady);
  ASSERT_TRUE(schedule.extend(records));
  EXPECT_EQ(schedule.counts(), (std::vector<std::uint64_t>{4, 2}));  // doubled, no more
  EXPECT_EQ(schedule.missing([&](std::uint64_t task) { return task < 4; }),
            (std::vector<std::uint64_t>{4, 6}));  // point 0's replications 2 and 3
  add_records(plan, records, 0, 2, 4, wide);
  ASSERT_TRUE(schedule.extend(records));
  EXPECT_EQ(schedule.counts(), (std::vector<std::uint64_t>{5, 2}));  // the maximum
  add_records(plan, records, 0, 4, 5, wide);
  EXPECT_FALSE(schedule.extend(records));
  EXPECT_EQ(schedule.counts(), (std::vector<std::uint64_t>{5, 2}));
}

TEST(SweepSchedule, AutoAimsAtTheCountThatMeetsTheWidth) {
  SweepPlan plan = plan_of(1, {Arm::status_quo});
  // Ten replications alternating 0 and 1: s = 0.527, the 95 % interval 2 * 2.262 * s / sqrt(10)
  // = 0.754 wide. Asking for 0.7 needs ceil(10 * (0.754 / 0.7)^2) = 12 replications.
  plan.auto_replications = omnisim::AutoReplications{0.7, 10, 1000};
  SweepSchedule schedule(plan);
  std::vector<TaskRecord> records;
  add_records(plan, records, 0, 0, 10, [](std::uint64_t i) { return i % 2 == 0 ? 0.0 : 1.0; });
  ASSERT_TRUE(schedule.extend(records));
  EXPECT_EQ(schedule.counts(), (std::vector<std::uint64_t>{12}));
}

}  // namespace
