// A sweep's directory as rank 0 keeps it: a fresh study only in a missing or empty directory (or
// with --force, its old study files gone), every collected task journalled at once, and --resume
// taking up exactly the tasks an earlier attempt journalled, refusing a different study.
#include "tools/experiment/sweep_state.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "models/metrics/catalogue.hpp"
#include "tests/tools/scratch_dir.hpp"
#include "tools/experiment/sweep_study.hpp"
#include "tools/results/errors.hpp"

namespace {

namespace fs = std::filesystem;
using omnisim::SweepPlan;
using omnisim::SweepState;
using omnisim::SweepStatus;
using omnisim::TaskRecord;
using omnisim::testing::fresh_scratch_dir;
using omnisim::testing::read_file;
using retail::Arm;

SweepPlan two_points() {
  SweepPlan plan;
  plan.points.resize(2);
  plan.arms = {Arm::status_quo, Arm::control_tower};
  plan.replications = 3;
  const auto spine = retail::spine_metric_ids();
  plan.metrics.assign(spine.begin(), spine.end());
  plan.definition = {{"scenario", "study.json"}, {"grid", {"demand.scale=1,2"}}, {"reps", 3}};
  return plan;
}

TaskRecord record(const SweepPlan& plan, std::uint64_t point, std::uint64_t replication, Arm arm) {
  return {point, replication, arm, std::vector<double>(plan.metrics.size(), 1.5)};
}

void write(const fs::path& file, const std::string& text) {
  std::ofstream(file) << text;
}

TEST(SweepState, AFreshStudyJournalsEachTaskAsItIsCollected) {
  const SweepPlan plan = two_points();
  const fs::path out = fresh_scratch_dir() / "study";  // missing: made
  SweepState state(plan, out, false, false);
  EXPECT_EQ(state.done_count(), 0u);
  const TaskRecord late = record(plan, 1, 2, Arm::control_tower);   // task 11
  const TaskRecord early = record(plan, 0, 0, Arm::control_tower);  // task 1
  state.collect(late);
  EXPECT_EQ(read_file(out / omnisim::kJournalFile), omnisim::journal_line(late));
  state.collect(early);
  EXPECT_TRUE(state.done(11));
  EXPECT_TRUE(state.done(1));
  EXPECT_FALSE(state.done(0));
  EXPECT_EQ(state.records(), (std::vector<TaskRecord>{early, late}));  // in task order
  EXPECT_EQ(state.carried_over(), 0u);
  state.save(SweepStatus::interrupted);
  const omnisim::Manifest manifest = omnisim::read_manifest(out);
  EXPECT_EQ(manifest.status, SweepStatus::interrupted);
  EXPECT_EQ(manifest.tasks_done, 2u);
  EXPECT_EQ(manifest.definition, plan.definition);
}

TEST(SweepState, RefusesADirectoryThatIsNotEmptyWithoutForce) {
  const SweepPlan plan = two_points();
  const fs::path out = fresh_scratch_dir();
  write(out / "notes.txt", "mine");
  try {
    SweepState state(plan, out, false, false);
    ADD_FAILURE() << "a non-empty directory was taken";
  } catch (const omnisim::UsageError& error) {
    EXPECT_NE(std::string(error.what()).find("is not empty"), std::string::npos) << error.what();
  }
  EXPECT_EQ(read_file(out / "notes.txt"), "mine");
}

TEST(SweepState, RefusesToStartOverAStudyWithoutForceAndWithForceRemovesItsFiles) {
  const SweepPlan plan = two_points();
  const fs::path out = fresh_scratch_dir();
  {
    SweepState state(plan, out, false, false);
    state.collect(record(plan, 0, 0, Arm::status_quo));
    state.save(SweepStatus::interrupted);
  }
  write(out / omnisim::kSweepCsv, "stale");
  try {
    SweepState state(plan, out, false, false);
    ADD_FAILURE() << "a study was started over without --force";
  } catch (const omnisim::UsageError& error) {
    EXPECT_NE(std::string(error.what()).find("add --resume"), std::string::npos) << error.what();
  }
  SweepState again(plan, out, false, true);
  EXPECT_EQ(again.done_count(), 0u);
  EXPECT_FALSE(fs::exists(out / omnisim::kSweepCsv));
  EXPECT_FALSE(fs::exists(out / "manifest.json"));
  EXPECT_EQ(read_file(out / omnisim::kJournalFile), "");
}

TEST(SweepState, ResumeTakesUpWhatTheJournalHolds) {
  const SweepPlan plan = two_points();
  const fs::path out = fresh_scratch_dir();
  {
    SweepState state(plan, out, false, false);
    state.collect(record(plan, 0, 0, Arm::status_quo));
    state.collect(record(plan, 1, 1, Arm::control_tower));
    state.save(SweepStatus::interrupted);
  }
  SweepState resumed(plan, out, true, false);
  EXPECT_EQ(resumed.done_count(), 2u);
  EXPECT_EQ(resumed.carried_over(), 2u);
  EXPECT_TRUE(resumed.done(0));
  EXPECT_TRUE(resumed.done(plan.numbering().task(1, 1, 1)));
  resumed.collect(record(plan, 0, 0, Arm::control_tower));
  EXPECT_EQ(resumed.done_count(), 3u);
  EXPECT_EQ(resumed.carried_over(), 2u);
}

TEST(SweepState, ResumeRefusesAnotherStudyNamingTheDifference) {
  SweepPlan plan = two_points();
  const fs::path out = fresh_scratch_dir();
  {
    SweepState state(plan, out, false, false);
    state.save(SweepStatus::interrupted);
  }
  plan.definition["reps"] = 4;
  try {
    SweepState resumed(plan, out, true, false);
    ADD_FAILURE() << "a study with other options was resumed";
  } catch (const std::exception& error) {
    EXPECT_NE(std::string(error.what()).find("reps"), std::string::npos) << error.what();
  }
}

TEST(SweepState, ResumeRefusesADirectoryWithoutAStudy) {
  const fs::path out = fresh_scratch_dir();
  EXPECT_ANY_THROW(SweepState(two_points(), out, true, false));
  EXPECT_FALSE(fs::exists(out / omnisim::kStudyLockFile));
}

}  // namespace
