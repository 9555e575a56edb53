// omnisim sweep and merge end to end on the small example with a control-tower rule: the files,
// their independence of threads, resuming after a kill, shards, --reps auto and bad input.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "tests/tools/cli_capture.hpp"
#include "tests/tools/scratch_dir.hpp"
#include "tools/experiment/sweep_journal.hpp"
#include "tools/experiment/sweep_manifest.hpp"
#include "tools/experiment/sweep_plan.hpp"
#include "tools/results/output_files.hpp"

namespace omnisim {
namespace {

namespace fs = std::filesystem;
using testing::CliResult;
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
         read_journal(dir / ("shard-" + shard) / kJournal, retail::kMetrics).records)
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

TEST(SweepCommand, AMillionPointGridIsRefusedAtOnceWithAdvice) {
  const fs::path out = fresh_scratch_dir() / "out";
  const auto started = std::chrono::steady_clock::now();
  const auto result =
      omnisim_cli({"sweep", kScenario, "--grid", "customer_service.agents=1:100:1", "--grid",
                   "horizon_days=1:100:1", "--grid", "control_tower.rules.0.threshold=0.01:1:0.01",
                   "--out", out.string()});
  EXPECT_EQ(result.status, 2);
  EXPECT_NE(result.err.find("100 x 100 x 100 values make 1000000 grid points, more than the "
                            "10000 one sweep takes: use fewer values"),
            std::string::npos)
      << result.err;
  // Planning a million points took about 25 minutes; refusing them takes no time at all.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  EXPECT_FALSE(fs::exists(out));
}

TEST(SweepPlan, ReportsEachPointAsItIsLoaded) {
  SweepRequest request;
  request.scenario = kScenario;
  request.grid = {"control_tower.rules.0.threshold=0,0.05,0.1", "horizon_days=14,28"};
  request.objective = "contribution_margin";
  std::vector<std::pair<std::size_t, std::size_t>> calls;
  const SweepPlan plan = plan_sweep(
      request, [&](std::size_t loaded, std::size_t points) { calls.emplace_back(loaded, points); });
  ASSERT_EQ(plan.points.size(), 6u);
  ASSERT_EQ(calls.size(), 6u);
  for (std::size_t i = 0; i < calls.size(); ++i)
    EXPECT_EQ(calls[i], std::make_pair(i + 1, std::size_t{6}));
  // Each point is its own scenario: the horizon of the last axis alternates.
  EXPECT_EQ(plan.points[0].horizon_days, 14u);
  EXPECT_EQ(plan.points[5].horizon_days, 28u);
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
      // Axes the options set for every point: --seed would override one, --reps ignore the other.
      {"--grid", "seed=1,2"},
      {"--grid", "replications=2,4"},
      // 6 x 10000 points, refused from the axis sizes before a single point is loaded.
      {"--grid", "customer_service.agents=1:10000:1"},
  };
  for (const auto& more : bad) {
    const auto result = omnisim_cli(sweep_args(dir / "out", more));
    EXPECT_EQ(result.status, 2) << more[0] << " " << more[1];
    EXPECT_FALSE(result.err.empty());
    EXPECT_FALSE(fs::exists(dir / "out")) << more[0] << " " << more[1];
  }
}

// The sweep with the journal of `dir`'s complete study rewritten by `edit` (its lines, sorted).
CliResult resume_with_journal(const fs::path& dir,
                              const std::function<void(std::vector<std::string>&)>& edit,
                              std::vector<std::string> more = {}) {
  std::vector<std::string> journal = lines(read_file(dir / kJournal));
  edit(journal);
  std::ofstream file(dir / kJournal, std::ios::trunc);
  for (const std::string& line : journal)
    file << line << '\n';
  file.close();
  more.push_back("--resume");
  return omnisim_cli(sweep_args(dir, more));
}

// `line` with its field `field` (0 point, 1 replication, 2 arm) set to `value`.
std::string with_field(const std::string& line, std::size_t field, const std::string& value) {
  std::size_t start = 0;
  for (std::size_t f = 0; f < field; ++f)
    start = line.find(',', start) + 1;
  return line.substr(0, start) + value + line.substr(line.find(',', start));
}

TEST(SweepCommand, AJournalHoldingTasksTheStudyLacksIsRefusedNamingTheLine) {
  const fs::path out = fresh_scratch_dir() / "sweep";
  ASSERT_EQ(omnisim_cli(sweep_args(out)).status, 0);
  const std::string journal = (out / kJournal).string();
  // The sorted journal starts with point 0, replication 0, status quo.
  const auto beyond_reps = resume_with_journal(
      out, [](auto& lines) { lines.push_back(with_field(lines.front(), 1, "3")); });
  EXPECT_EQ(beyond_reps.status, 2);
  EXPECT_NE(beyond_reps.err.find(journal +
                                 ":37: replication 3 of grid point 0 in the status quo arm, but "
                                 "the study runs 3 replications per point"),
            std::string::npos)
      << beyond_reps.err;
  const auto beyond_grid = resume_with_journal(out, [](auto& lines) {
    lines.pop_back();
    lines.insert(lines.begin() + 1, with_field(lines.front(), 0, "6"));
  });
  EXPECT_EQ(beyond_grid.status, 2);
  EXPECT_NE(beyond_grid.err.find(journal + ":2: grid point 6, but the study has 6 points"),
            std::string::npos)
      << beyond_grid.err;
  // Nothing was run or written: the journal is as edited.
  const std::vector<std::string> left = lines(read_file(out / kJournal));
  EXPECT_EQ(left.size(), 37u);
  EXPECT_EQ(left[1].rfind("6,0,status_quo,", 0), 0u);
}

TEST(SweepCommand, AShardsJournalHoldingAnotherShardsTaskIsRefused) {
  const fs::path dir = fresh_scratch_dir();
  ASSERT_EQ(omnisim_cli(sweep_args(dir / "shard-0", {"--shard", "0/3"})).status, 0);
  ASSERT_EQ(omnisim_cli(sweep_args(dir / "shard-1", {"--shard", "1/3"})).status, 0);
  const std::string other = lines(read_file(dir / "shard-1" / kJournal)).front();
  const auto result = resume_with_journal(
      dir / "shard-0", [&other](auto& lines) { lines.push_back(other); }, {"--shard", "0/3"});
  EXPECT_EQ(result.status, 2);
  EXPECT_NE(result.err.find(kJournal + ":13: replication 1 of grid point 0 in the status quo arm, "
                                       "which is not in shard 0/3"),
            std::string::npos)
      << result.err;
}

TEST(SweepCommand, ASecondOmnisimOnTheStudyIsRefusedAtOnce) {
  const fs::path out = fresh_scratch_dir() / "sweep";
  ASSERT_EQ(omnisim_cli(sweep_args(out)).status, 0);
  const std::string journal = read_file(out / kJournal);
  {
    // What a sweep still running (or a merge reading it) holds, here taken by this process.
    const StudyLock other(out);
    const std::string refused = "another omnisim is working on '" + out.string() + "' (pid " +
                                std::to_string(::getpid()) + ")";
    for (const std::string option : {"--resume", "--force"}) {
      const auto result = omnisim_cli(sweep_args(out, {option}));
      EXPECT_EQ(result.status, 2) << option;
      EXPECT_NE(result.err.find(refused), std::string::npos) << option << ": " << result.err;
    }
    EXPECT_EQ(read_file(out / kJournal), journal);
  }
  EXPECT_EQ(omnisim_cli(sweep_args(out, {"--resume"})).status, 0);
  EXPECT_FALSE(fs::exists(out / kStudyLockFile));
}

TEST(SweepCommand, AnOutputDirectoryThatCannotBeMadeIsNamed) {
  const fs::path file = fresh_scratch_dir() / "file";
  std::ofstream(file) << "not a directory";
  const auto result = omnisim_cli(sweep_args(file / "sweep"));
  // Bad input, found before any work.
  EXPECT_EQ(result.status, 2);
  EXPECT_NE(result.err.find("cannot create output directory '" + (file / "sweep").string() +
                            "': '" + file.string() + "' is not a directory"),
            std::string::npos)
      << result.err;
}

// Runs `action` in `dir`, then goes back.
template <typename Action>
auto in_directory(const fs::path& dir, Action action) {
  const fs::path before = fs::current_path();
  fs::current_path(dir);
  struct Back {
    fs::path to;
    ~Back() { fs::current_path(to); }
  } back{before};
  return action();
}

// The scenario as a relative path, each command run from its own directory: the manifest records
// it relative to the study, so that merge and --resume find it from anywhere.
TEST(SweepCommand, TheScenarioIsFoundFromWhereverTheStudyIsResumedOrMerged) {
  const fs::path dir = fresh_scratch_dir();
  fs::create_directories(dir / "elsewhere");
  const std::string scenario = fs::relative(kScenario, dir).string();
  const auto relative_args = [](const std::string& scenario, const fs::path& out,
                                std::vector<std::string> more = {}) {
    std::vector<std::string> args = sweep_args(out, std::move(more));
    args[1] = scenario;
    return args;
  };
  ASSERT_EQ(omnisim_cli(sweep_args(dir / "whole")).status, 0);
  in_directory(dir, [&] {
    for (const std::string shard : {"0", "1", "2"}) {
      const auto result =
          omnisim_cli(relative_args(scenario, "shard-" + shard, {"--shard", shard + "/3"}));
      ASSERT_EQ(result.status, 0) << result.err;
    }
  });
  const std::string recorded =
      "\"scenario\": \"" + fs::relative(kScenario, dir / "shard-0").string();
  EXPECT_NE(read_file(dir / "shard-0/manifest.json").find(recorded), std::string::npos);
  const auto merged = in_directory(dir / "elsewhere", [] {
    return omnisim_cli({"merge", "../shard-0", "../shard-1", "../shard-2", "--out", "../merged"});
  });
  ASSERT_EQ(merged.status, 0) << merged.err;
  for (const std::string name : {"sweep.csv", "replications.csv", "replications.journal"})
    EXPECT_EQ(read_file(dir / "merged" / name), read_file(dir / "whole" / name)) << name;
  EXPECT_NE(read_file(dir / "merged/manifest.json").find(recorded), std::string::npos);

  // Resumed from elsewhere, naming the same file by another path.
  const auto resumed = in_directory(dir / "elsewhere", [&] {
    return omnisim_cli(relative_args(kScenario, "../shard-1", {"--shard", "1/3", "--resume"}));
  });
  EXPECT_EQ(resumed.status, 0) << resumed.err;
}

// An older omnisim recorded the scenario as given, relative to where the sweep started: from
// there, its studies still resume and merge.
TEST(SweepCommand, AManifestWithTheScenarioAsGivenStillWorksFromWhereItWasStarted) {
  const fs::path dir = fresh_scratch_dir();
  const std::string scenario = fs::relative(kScenario, dir).string();
  for (const std::string shard : {"0", "1"}) {
    const fs::path out = dir / ("shard-" + shard);
    ASSERT_EQ(omnisim_cli(sweep_args(out, {"--shard", shard + "/2"})).status, 0);
    Manifest manifest = read_manifest(out);
    manifest.definition["scenario"] = scenario;
    write_manifest(out, manifest);
  }
  const auto merged = in_directory(dir, [] {
    return omnisim_cli({"merge", "shard-0", "shard-1", "--out", "merged"});
  });
  EXPECT_EQ(merged.status, 0) << merged.err;
  const auto resumed = in_directory(dir, [&scenario] {
    std::vector<std::string> args = sweep_args("shard-1", {"--shard", "1/2", "--resume"});
    args[1] = scenario;
    return omnisim_cli(args);
  });
  EXPECT_EQ(resumed.status, 0) << resumed.err;
}

// Shards of a 6-point study with 3 replications, in dir/shard-0 .. dir/shard-2.
void run_shards(const fs::path& dir) {
  for (const std::string shard : {"0", "1", "2"}) {
    const auto result =
        omnisim_cli(sweep_args(dir / ("shard-" + shard), {"--shard", shard + "/3"}));
    ASSERT_EQ(result.status, 0) << result.err;
  }
}

CliResult merge(const fs::path& dir, const std::vector<std::string>& shards,
                const std::string& out = "merged", std::vector<std::string> more = {}) {
  std::vector<std::string> args = {"merge"};
  for (const std::string& shard : shards)
    args.push_back((dir / shard).string());
  args.push_back("--out");
  args.push_back((dir / out).string());
  args.insert(args.end(), more.begin(), more.end());
  return omnisim_cli(args);
}

void expect_refused(const CliResult& result, const std::string& message) {
  EXPECT_EQ(result.status, 2) << result.err;
  EXPECT_NE(result.err.find(message), std::string::npos) << result.err;
}

TEST(MergeCommand, RefusesShardsThatAreNotTheSlicesOfOneStudy) {
  const fs::path dir = fresh_scratch_dir();
  run_shards(dir);
  const std::vector<std::string> all = {"shard-0", "shard-1", "shard-2"};
  expect_refused(merge(dir, {"shard-0", "shard-1", "shard-1", "shard-2"}),
                 "merge: shard 1/3 is given twice");

  std::vector<std::string> other_study = sweep_args(dir / "other-1", {"--shard", "1/3"});
  other_study[3] = "control_tower.rules.0.threshold=0,0.1";
  ASSERT_EQ(omnisim_cli(other_study).status, 0);
  expect_refused(merge(dir, {"shard-0", "other-1", "shard-2"}),
                 "merge: shard '" + (dir / "other-1").string() +
                     "' was started with a different /grid/0/values");

  expect_refused(merge(dir, all, "shard-1", {"--force"}),
                 "merge: --out '" + (dir / "shard-1").string() + "' is the shard");
  {
    const StudyLock resuming(dir / "shard-2");
    expect_refused(merge(dir, all),
                   "another omnisim is working on '" + (dir / "shard-2").string() + "'");
  }
  fs::copy_file(dir / "shard-1" / kJournal, dir / "shard-2" / kJournal,
                fs::copy_options::overwrite_existing);
  expect_refused(merge(dir, all), (dir / "shard-2" / kJournal).string() +
                                      ":1: replication 1 of grid point 0 in the status quo arm, "
                                      "which is not in shard 2/3");
  EXPECT_FALSE(fs::exists(dir / "merged"));
}

TEST(MergeCommand, ATamperedManifestIsRefusedNamingTheFileAndTheKey) {
  const fs::path dir = fresh_scratch_dir();
  run_shards(dir);
  const std::vector<std::string> all = {"shard-0", "shard-1", "shard-2"};
  const auto tamper = [&dir](const std::string& pointer, const nlohmann::json& value) {
    for (const std::string shard : {"0", "1", "2"}) {
      const fs::path out = dir / ("shard-" + shard);
      Manifest manifest = read_manifest(out);
      manifest.definition[nlohmann::json::json_pointer(pointer)] = value;
      write_manifest(out, manifest);
    }
  };
  const std::string manifest = (dir / "shard-0" / "manifest.json").string();
  tamper("/seed", "abc");
  expect_refused(merge(dir, all),
                 manifest + ": /definition/seed: expected an unsigned integer, got \"abc\"");
  tamper("/seed", 7);
  tamper("/grid/1/values", {12, 48});
  expect_refused(merge(dir, all),
                 manifest + ": /definition/grid/1/values/0: expected a string, got 12");
  tamper("/shard/index", -1);
  expect_refused(
      merge(dir, all),
      manifest +
          ": /definition/shard/index: expected an unsigned integer up to 4294967295, got -1");
  std::ofstream(dir / "shard-0" / "manifest.json") << "{\"format\": ";
  expect_refused(merge(dir, all), manifest + ": not JSON");
  EXPECT_FALSE(fs::exists(dir / "merged"));
}

}  // namespace
}  // namespace omnisim
