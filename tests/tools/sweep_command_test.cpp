// omnisim sweep and merge end to end on the small example with a control-tower rule: the files,
// their independence of threads, resuming after a kill, shards, --reps auto and bad input.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "tests/tools/cli_capture.hpp"
#include "tests/tools/scratch_dir.hpp"
#include "tools/output_files.hpp"
#include "tools/sweep_journal.hpp"
#include "tools/sweep_plan.hpp"

namespace omnisim {
namespace {

namespace fs = std::filesystem;
using testing::fresh_scratch_dir;
using testing::lines;
using testing::omnisim_cli;
using testing::read_file;

const std::string kScenario = std::string(OMNISIM_SOURCE_DIR) + "/tests/data/small_with_rules.json";
const std::string kJournal = "replications.journal";
const std::vector<std::string> kStudyFiles = {"manifest.json", "replications.csv", kJournal,
                                              "sweep.csv"};

// A 2 x 3 grid over the rule's threshold and timebox.
std::vector<std::string> sweep_args(const fs::path& out, std::vector<std::string> more = {}) {
  std::vector<std::string> args = {"sweep",     kScenario,
                                   "--grid",    "control_tower.rules.0.threshold=0,0.05",
                                   "--grid",    "control_tower.rules.0.timebox_hours=12:48:18",
                                   "--reps",    "3",
                                   "--threads", "2",
                                   "--out",     out.string()};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

void expect_same_study(const fs::path& a, const fs::path& b) {
  for (const std::string& name : kStudyFiles) {
    EXPECT_FALSE(read_file(a / name).empty()) << name;
    EXPECT_EQ(read_file(a / name), read_file(b / name)) << name;
  }
}

TEST(SweepCommand, WritesEveryPointAndArmAndRanksThePoints) {
  const fs::path out = fresh_scratch_dir() / "sweep";
  const auto result = omnisim_cli(sweep_args(out));
  ASSERT_EQ(result.status, 0) << result.err;
  // 6 points x (status quo, control tower, difference), and 6 x 3 replications x 2 arms.
  EXPECT_EQ(lines(read_file(out / "sweep.csv")).size(), 1u + 6 * 3);
  EXPECT_EQ(lines(read_file(out / "replications.csv")).size(), 1u + 6 * 3 * 2);
  EXPECT_EQ(lines(read_file(out / "replications.journal")).size(), 6u * 3 * 2);
  EXPECT_EQ(read_file(out / "sweep.csv")
                .rfind("point,control_tower.rules.0.threshold,control_tower.rules.0.timebox_hours,"
                       "arm,replications,",
                       0),
            0u);
  EXPECT_NE(result.out.find("Points ranked by contribution_margin"), std::string::npos);
  EXPECT_NE(result.out.find("vs best (paired)"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Sensitivity of contribution_margin"), std::string::npos);
  EXPECT_NE(read_file(out / "manifest.json").find("\"complete\""), std::string::npos);
  EXPECT_FALSE(fs::exists(out / "report.html"));
}

TEST(SweepCommand, TheHeadingGivesTheRangeOfAGridOverTheHorizon) {
  const fs::path dir = fresh_scratch_dir();
  const auto fixed = omnisim_cli(sweep_args(dir / "fixed"));
  ASSERT_EQ(fixed.status, 0) << fixed.err;
  EXPECT_NE(fixed.out.find("3 replications of 56 days per point in each arm"), std::string::npos)
      << fixed.out;
  const auto varied = omnisim_cli({"sweep", kScenario, "--grid", "horizon_days=28,14", "--reps",
                                   "2", "--out", (dir / "varied").string()});
  ASSERT_EQ(varied.status, 0) << varied.err;
  EXPECT_NE(varied.out.find("2 replications of 14 to 28 days per point in each arm"),
            std::string::npos)
      << varied.out;
}

TEST(SweepCommand, ReportWritesTheSweepReport) {
  const fs::path out = fresh_scratch_dir() / "sweep";
  const auto result = omnisim_cli(sweep_args(out, {"--report"}));
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_NE(read_file(out / "report.html").find("Objective over the grid"), std::string::npos);
  const auto shard =
      omnisim_cli(sweep_args(out.parent_path() / "shard", {"--report", "--shard", "0/2"}));
  EXPECT_EQ(shard.status, 2);
  EXPECT_FALSE(fs::exists(out.parent_path() / "shard"));
}

TEST(SweepCommand, FilesDoNotDependOnTheThreadCount) {
  const fs::path dir = fresh_scratch_dir();
  ASSERT_EQ(omnisim_cli(sweep_args(dir / "two")).status, 0);
  std::vector<std::string> one_thread = sweep_args(dir / "one");
  one_thread[9] = "1";
  ASSERT_EQ(omnisim_cli(one_thread).status, 0);
  expect_same_study(dir / "two", dir / "one");
}

// What a SIGKILL leaves: part of the journal, the last line torn, the manifest still "running",
// no tables. --resume must finish with the files of an uninterrupted run.
TEST(SweepCommand, ResumeAfterAKillGivesTheFilesOfAnUninterruptedRun) {
  const fs::path dir = fresh_scratch_dir();
  ASSERT_EQ(omnisim_cli(sweep_args(dir / "whole")).status, 0);
  ASSERT_EQ(omnisim_cli(sweep_args(dir / "killed")).status, 0);
  const std::vector<std::string> journal = lines(read_file(dir / "killed/replications.journal"));
  {
    // Seven complete lines, from the end of the sorted journal so the gaps are not a prefix, and
    // half of an eighth.
    std::ofstream file(dir / "killed/replications.journal", std::ios::trunc);
    for (std::size_t i = journal.size() - 7; i < journal.size(); ++i)
      file << journal[i] << '\n';
    file << journal[3].substr(0, journal[3].size() / 2);
  }
  fs::remove(dir / "killed/sweep.csv");
  fs::remove(dir / "killed/replications.csv");

  const auto resumed = omnisim_cli(sweep_args(dir / "killed", {"--resume"}));
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  EXPECT_NE(resumed.out.find("(7 from before --resume)"), std::string::npos) << resumed.out;
  expect_same_study(dir / "whole", dir / "killed");
}

TEST(SweepCommand, ResumeRefusesADifferentStudy) {
  const fs::path out = fresh_scratch_dir() / "sweep";
  ASSERT_EQ(omnisim_cli(sweep_args(out)).status, 0);
  std::vector<std::string> args = sweep_args(out, {"--resume"});
  args[3] = "control_tower.rules.0.threshold=0,0.1";
  const auto result = omnisim_cli(args);
  EXPECT_EQ(result.status, 2);
  EXPECT_NE(result.err.find("/grid/0/values"), std::string::npos) << result.err;
}

TEST(SweepCommand, RefusesToOverwriteASweepWithoutResumeOrForce) {
  const fs::path out = fresh_scratch_dir() / "sweep";
  ASSERT_EQ(omnisim_cli(sweep_args(out)).status, 0);
  const auto again = omnisim_cli(sweep_args(out));
  EXPECT_EQ(again.status, 2);
  EXPECT_NE(again.err.find("--resume"), std::string::npos) << again.err;
  EXPECT_EQ(omnisim_cli(sweep_args(out, {"--force"})).status, 0);
}

TEST(SweepCommand, ShardsMergeIntoTheFilesOfOneRun) {
  const fs::path dir = fresh_scratch_dir();
  ASSERT_EQ(omnisim_cli(sweep_args(dir / "whole")).status, 0);
  for (const std::string shard : {"0", "1", "2"}) {
    const auto result =
        omnisim_cli(sweep_args(dir / ("shard-" + shard), {"--shard", shard + "/3"}));
    ASSERT_EQ(result.status, 0) << result.err;
    EXPECT_FALSE(fs::exists(dir / ("shard-" + shard) / "sweep.csv"));
    // A third of 6 points x 3 replications x 2 arms: one replication of every point and arm, so
    // that shards take about as long as each other however much the points' costs differ.
    std::set<std::pair<std::uint64_t, retail::Arm>> points_and_arms;
    for (const TaskRecord& record :
         read_journal(dir / ("shard-" + shard) / kJournal, spine_metric_names().size()).records)
      points_and_arms.emplace(record.point, record.arm);
    EXPECT_EQ(points_and_arms.size(), 6u * 2) << "shard " << shard;
  }
  const auto missing = omnisim_cli({"merge", (dir / "shard-0").string(), (dir / "shard-2").string(),
                                    "--out", (dir / "merged").string()});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("shards 1 of 3 are missing"), std::string::npos) << missing.err;
  EXPECT_FALSE(fs::exists(dir / "merged"));

  const auto merged = omnisim_cli({"merge", (dir / "shard-2").string(), (dir / "shard-0").string(),
                                   (dir / "shard-1").string(), "--out", (dir / "merged").string()});
  ASSERT_EQ(merged.status, 0) << merged.err;
  expect_same_study(dir / "whole", dir / "merged");

  // Written as one set, which a second merge with --force replaces whole (report.html too).
  EXPECT_NO_THROW(omnisim::verify_output_set(
      dir / "merged", {"sweep.csv", "replications.csv", "replications.journal", "manifest.json"}));
  std::ofstream(dir / "merged" / "report.html") << "of the earlier merge";
  const auto again =
      omnisim_cli({"merge", (dir / "shard-0").string(), (dir / "shard-1").string(),
                   (dir / "shard-2").string(), "--out", (dir / "merged").string(), "--force"});
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_FALSE(fs::exists(dir / "merged" / "report.html"));
  expect_same_study(dir / "whole", dir / "merged");
}

TEST(SweepCommand, AutoReplicationsStopWhenTheIntervalIsNarrowEnough) {
  const fs::path dir = fresh_scratch_dir();
  std::vector<std::string> args = sweep_args(dir / "two");
  args[7] = "auto";
  const std::vector<std::string> rule = {"--ci-width", "400",        "--min-reps",
                                         "3",          "--max-reps", "12"};
  args.insert(args.end(), rule.begin(), rule.end());
  const auto result = omnisim_cli(args);
  ASSERT_EQ(result.status, 0) << result.err;
  // Every point either met the width or reached the maximum; the counts are in sweep.csv.
  const std::vector<std::string> rows = lines(read_file(dir / "two/sweep.csv"));
  ASSERT_EQ(rows.size(), 1u + 6 * 3);
  args[9] = "1";
  args[11] = (dir / "one").string();
  ASSERT_EQ(omnisim_cli(args).status, 0);
  expect_same_study(dir / "two", dir / "one");
}

TEST(SweepCommand, BadInputWritesNothing) {
  const fs::path dir = fresh_scratch_dir();
  std::vector<std::string> auto_without_width = sweep_args(dir / "out");
  auto_without_width[7] = "auto";
  const auto result = omnisim_cli(auto_without_width);
  EXPECT_EQ(result.status, 2);
  EXPECT_NE(result.err.find("--ci-width"), std::string::npos) << result.err;
  const std::vector<std::vector<std::string>> bad = {
      {"--shard", "3/3"},
      {"--objective", "contribution_marge"},
      {"--constraint", "otif=0.95"},
      {"--grid", "control_tower.rules.0.threshold=0:1:0"},
      {"--grid", "control_tower.rules.0.timebox_hours=-5"},
  };
  for (const auto& more : bad) {
    const auto result = omnisim_cli(sweep_args(dir / "out", more));
    EXPECT_EQ(result.status, 2) << more[0] << " " << more[1];
    EXPECT_FALSE(result.err.empty());
    EXPECT_FALSE(fs::exists(dir / "out")) << more[0] << " " << more[1];
  }
}

}  // namespace
}  // namespace omnisim
