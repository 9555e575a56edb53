// omnisim run with and without the control tower, end to end: both arms by default, one with
// --no-control-tower or --control-tower-only, several scenarios into one subdirectory each, and
// identical arms when a scenario has no rules.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/tools/cli_capture.hpp"
#include "tests/tools/scratch_dir.hpp"

namespace {

using omnisim::testing::lines;

namespace fs = std::filesystem;
using omnisim::testing::CliResult;
using omnisim::testing::fresh_scratch_dir;
using omnisim::testing::line_count;
using omnisim::testing::listing;
using omnisim::testing::omnisim_cli;
using omnisim::testing::read_file;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kSmall = std::string(OMNISIM_SOURCE_DIR) + "/scenarios/examples/small.json";
const std::string kWithRules =
    std::string(OMNISIM_SOURCE_DIR) + "/tests/data/small_with_rules.json";
// For the scenario with rules alone: a rule that fires whenever web orders were placed and a
// status quo that reviews weekly, so that both arms decide something.
const std::vector<std::string> kBusy = {kWithRules,
                                        "--set",
                                        "control_tower.rules.web-cancellations.comparator=\">=\"",
                                        "--set",
                                        "status_quo.first_review_day=7",
                                        "--set",
                                        "status_quo.review_every_days=7"};
const std::vector<std::string> kOutputs = {"decisions.csv",   "files.json",       "inventory.csv",
                                           "open_orders.csv", "replications.csv", "summary.json",
                                           "timeseries.csv"};
constexpr std::size_t kDays = 28;
constexpr std::size_t kChannels = 4;
constexpr std::size_t kCategories = 4;
const std::string kDecisionsHeader =
    "replication,arm,rule,owner,metric,scope,comparator,threshold,fired_at_hours,value_at_fire,"
    "decided_at_hours,executed_at_hours,actions,value_after\n";

// omnisim run ARGS... over four weeks into `out`.
CliResult run(std::vector<std::string> args, const fs::path& out) {
  args.insert(args.begin(), "run");
  for (const char* arg : {"--set", "horizon_days=28", "--out"})
    args.push_back(arg);
  args.push_back(out.string());
  return omnisim_cli(args);
}

// kBusy, then `args`.
std::vector<std::string> busy(const std::vector<std::string>& args) {
  std::vector<std::string> all = kBusy;
  all.insert(all.end(), args.begin(), args.end());
  return all;
}

// Column `column` (0-based, the CSV has no quoted commas before it) of every row but the header.
std::vector<std::string> column(const std::string& csv, std::size_t column) {
  std::vector<std::string> values;
  const auto rows = lines(csv);
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::istringstream row(rows[r]);
    std::string value;
    for (std::size_t c = 0; c <= column; ++c)
      std::getline(row, value, ',');
    values.push_back(value);
  }
  return values;
}

// Every row with its arm column (the second) taken out.
std::string without_arm(const std::string& csv) {
  std::string out;
  for (const auto& row : lines(csv)) {
    const std::size_t first = row.find(',');
    const std::size_t second = row.find(',', first + 1);
    out += row.substr(0, first) + row.substr(second) + "\n";
  }
  return out;
}

TEST(RunArms, BothArmsByDefaultWithTheirRowsSideBySide) {
  const fs::path out = fresh_scratch_dir() / "run";
  const CliResult result = run(busy({"--reps", "2"}), out);
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(listing(out), kOutputs);

  EXPECT_THAT(result.out, HasSubstr("2 replications of 28 days in each arm"));
  EXPECT_THAT(result.out, HasSubstr("metric                      status quo  control tower  "
                                    "difference [95 % CI]\n"));
  EXPECT_THAT(result.out, HasSubstr("Decisions, status quo"));
  EXPECT_THAT(result.out, HasSubstr("Decisions, control tower"));
  EXPECT_THAT(result.out, HasSubstr("  web-cancellations  ops"));
  for (const auto& line : lines(result.out)) {
    if (line.starts_with("to ")) continue;  // the output directory's path
    EXPECT_LE(line.size(), 100u) << line;
  }

  const std::string replications = read_file(out / "replications.csv");
  EXPECT_THAT(replications, StartsWith("replication,arm,availability_integrity,in_stock_rate,"));
  EXPECT_THAT(column(replications, 0), ElementsAre("0", "0", "1", "1"));
  EXPECT_THAT(column(replications, 1),
              ElementsAre("status_quo", "control_tower", "status_quo", "control_tower"));

  const std::string timeseries = read_file(out / "timeseries.csv");
  EXPECT_THAT(timeseries, StartsWith("replication,arm,day,channel,category,"));
  EXPECT_EQ(line_count(timeseries), 1 + 2 * 2 * kDays * kChannels * kCategories);
  const std::string inventory = read_file(out / "inventory.csv");
  EXPECT_THAT(inventory, StartsWith("replication,arm,day,category,units,value\n"));
  EXPECT_EQ(line_count(inventory), 1 + 2 * 2 * kDays * kCategories);
  EXPECT_THAT(lines(inventory)[1 + kDays * kCategories], StartsWith("0,control_tower,0,"));

  const std::string decisions = read_file(out / "decisions.csv");
  EXPECT_THAT(decisions, StartsWith(kDecisionsHeader));
  const auto arms = column(decisions, 1);
  EXPECT_GT(std::count(arms.begin(), arms.end(), "status_quo"), 0);
  EXPECT_GT(std::count(arms.begin(), arms.end(), "control_tower"), 0);
  EXPECT_THAT(decisions, HasSubstr(",web-cancellations,ops,cancellation_rate,channel=web,>=,0,"));

  const auto summary = nlohmann::json::parse(read_file(out / "summary.json"));
  EXPECT_EQ(summary["scenario"]["control_tower_rules"],
            nlohmann::json::array({"web-cancellations"}));
  ASSERT_TRUE(summary["arms"].contains("status_quo"));
  ASSERT_TRUE(summary["arms"].contains("control_tower"));
  const auto& paired = summary["paired_difference"];
  ASSERT_TRUE(paired.is_object());
  EXPECT_EQ(paired.size(), summary["arms"]["status_quo"]["metrics"].size());
  EXPECT_EQ(paired["revenue"]["n"], 2);
  EXPECT_TRUE(paired["revenue"]["mean"].is_number());
  const auto& fired = summary["arms"]["control_tower"]["decisions"]["web-cancellations"];
  EXPECT_GT(fired["firings"].get<int>(), 0);
  EXPECT_EQ(fired["owner"], "ops");
}

TEST(RunArms, NoControlTowerWritesOnlyTheStatusQuo) {
  const fs::path out = fresh_scratch_dir() / "run";
  const CliResult result = run(busy({"--reps", "2", "--no-control-tower"}), out);
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(listing(out), kOutputs);
  EXPECT_THAT(result.out, HasSubstr("in the status quo arm only"));
  EXPECT_THAT(result.out, HasSubstr("95% CI"));
  EXPECT_THAT(result.out, ::testing::Not(HasSubstr("Decisions, control tower")));
  EXPECT_THAT(column(read_file(out / "replications.csv"), 1),
              ElementsAre("status_quo", "status_quo"));
  for (const auto& arm : column(read_file(out / "timeseries.csv"), 1))
    ASSERT_EQ(arm, "status_quo");
  for (const auto& arm : column(read_file(out / "decisions.csv"), 1))
    ASSERT_EQ(arm, "status_quo");
  const auto summary = nlohmann::json::parse(read_file(out / "summary.json"));
  EXPECT_EQ(summary["arms"].size(), 1u);
  EXPECT_TRUE(summary["arms"].contains("status_quo"));
  EXPECT_TRUE(summary["paired_difference"].is_null());
}

TEST(RunArms, ControlTowerOnlyWritesOnlyTheControlTower) {
  const fs::path out = fresh_scratch_dir() / "run";
  const CliResult result = run(busy({"--reps", "2", "--control-tower-only"}), out);
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("in the control tower arm only"));
  EXPECT_THAT(column(read_file(out / "replications.csv"), 1),
              ElementsAre("control_tower", "control_tower"));
  for (const auto& arm : column(read_file(out / "inventory.csv"), 1))
    ASSERT_EQ(arm, "control_tower");
  const auto decisions = column(read_file(out / "decisions.csv"), 1);
  EXPECT_FALSE(decisions.empty());
  for (const auto& arm : decisions)
    ASSERT_EQ(arm, "control_tower");
  const auto summary = nlohmann::json::parse(read_file(out / "summary.json"));
  EXPECT_EQ(summary["arms"].size(), 1u);
  EXPECT_TRUE(summary["arms"].contains("control_tower"));
}

TEST(RunArms, OneArmOnlyTheSameAsThatArmOfBoth) {
  const fs::path dir = fresh_scratch_dir();
  ASSERT_EQ(run(busy({"--reps", "2"}), dir / "both").status, 0);
  ASSERT_EQ(run(busy({"--reps", "2", "--control-tower-only"}), dir / "ct").status, 0);
  std::string control_tower_rows;
  for (const auto& row : lines(read_file(dir / "both" / "replications.csv")))
    if (row.find(",status_quo,") == std::string::npos) control_tower_rows += row + "\n";
  EXPECT_EQ(control_tower_rows, read_file(dir / "ct" / "replications.csv"));
}

TEST(RunArms, TheTwoOneArmOptionsTogetherAreBadInput) {
  const fs::path dir = fresh_scratch_dir();
  const CliResult result =
      run(busy({"--reps", "1", "--no-control-tower", "--control-tower-only"}), dir / "run");
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, StartsWith("omnisim: error: "));
  EXPECT_THAT(result.err, HasSubstr("excludes"));
  EXPECT_TRUE(listing(dir).empty());
}

TEST(RunArms, WithoutRulesTheArmsAreTheSameWorld) {
  const fs::path dir = fresh_scratch_dir();
  const CliResult status_quo = run({kSmall, "--reps", "2", "--no-control-tower"}, dir / "sq");
  ASSERT_EQ(status_quo.status, 0) << status_quo.err;
  const CliResult control_tower = run({kSmall, "--reps", "2", "--control-tower-only"}, dir / "ct");
  ASSERT_EQ(control_tower.status, 0) << control_tower.err;
  EXPECT_THAT(status_quo.out, HasSubstr("no control-tower rules"));
  for (const char* file : {"replications.csv", "timeseries.csv", "inventory.csv"}) {
    const std::string ct = read_file(dir / "ct" / file);
    EXPECT_THAT(column(ct, 1), ::testing::Each("control_tower")) << file;
    EXPECT_EQ(without_arm(read_file(dir / "sq" / file)), without_arm(ct)) << file;
  }
  EXPECT_EQ(read_file(dir / "ct" / "decisions.csv"), kDecisionsHeader);
}

TEST(RunArms, SeveralScenariosWriteOneSubdirectoryEach) {
  const fs::path out = fresh_scratch_dir() / "results";
  const CliResult result = run({kWithRules, kSmall, "--reps", "1"}, out);
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(listing(out), ElementsAre("small", "small_with_rules"));
  EXPECT_EQ(listing(out / "small"), kOutputs);
  EXPECT_EQ(listing(out / "small_with_rules"), kOutputs);
  // Tables one after the other, in command-line order, each headed by its scenario.
  const std::size_t first = result.out.find("Scenario 'small example with a control-tower rule' (" +
                                            kWithRules + ", 1 of 2):\n");
  const std::size_t second =
      result.out.find("Scenario 'small example' (" + kSmall + ", 2 of 2):\n");
  ASSERT_NE(first, std::string::npos) << result.out;
  ASSERT_NE(second, std::string::npos) << result.out;
  EXPECT_LT(first, second);
  EXPECT_LT(result.out.find("difference [95 % CI]"), second);
  EXPECT_GT(result.out.find("95% CI"), second);
  EXPECT_THAT(result.out, HasSubstr("to " + (out / "small").string() + "\n"));
  const auto summary = nlohmann::json::parse(read_file(out / "small" / "summary.json"));
  EXPECT_EQ(summary["scenario"]["name"], "small example");
  EXPECT_EQ(summary["scenario"]["file"], kSmall);
}

TEST(RunArms, SeveralScenariosAreAllCheckedBeforeAnyRuns) {
  const fs::path dir = fresh_scratch_dir();
  const fs::path bad = dir / "bad.json";
  std::ofstream(bad) << "{\"extends\": " << nlohmann::json(kSmall).dump()
                     << ", \"no_such_field\": 1}";
  const CliResult result = run({kSmall, bad.string(), "--reps", "1"}, dir / "results");
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, HasSubstr("no_such_field"));
  EXPECT_EQ(result.out, "");
  EXPECT_FALSE(fs::exists(dir / "results"));
}

TEST(RunArms, SeveralScenariosWithTheSameFileNameAreBadInput) {
  const fs::path dir = fresh_scratch_dir();
  fs::create_directories(dir / "other");
  fs::copy_file(kSmall, dir / "other" / "small.json");
  // A copy in another directory: the same file name, so the same subdirectory.
  const CliResult result =
      run({kSmall, (dir / "other" / "small.json").string(), "--reps", "1"}, dir / "results");
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, HasSubstr("would both write to"));
  EXPECT_FALSE(fs::exists(dir / "results"));
}

TEST(RunArms, SeveralScenariosRefuseANonEmptySubdirectoryUnlessForced) {
  const fs::path out = fresh_scratch_dir() / "results";
  ASSERT_EQ(run({kSmall, "--reps", "1"}, out / "small").status, 0);
  const CliResult refused = run({kWithRules, kSmall, "--reps", "1"}, out);
  EXPECT_EQ(refused.status, 2);
  EXPECT_THAT(refused.err, HasSubstr("--force"));
  EXPECT_THAT(listing(out), ElementsAre("small"));

  const CliResult forced = run({kWithRules, kSmall, "--reps", "1", "--force"}, out);
  ASSERT_EQ(forced.status, 0) << forced.err;
  EXPECT_THAT(listing(out), ElementsAre("small", "small_with_rules"));
}

TEST(RunArms, SeveralScenariosNeverRemoveTheUsersFilesEvenWithForce) {
  const fs::path out = fresh_scratch_dir() / "results";
  fs::create_directories(out / "small");
  std::ofstream(out / "small" / "notes.txt") << "mine\n";
  const CliResult forced = run({kWithRules, kSmall, "--reps", "1", "--force"}, out);
  EXPECT_EQ(forced.status, 2);
  EXPECT_THAT(forced.err, HasSubstr("holds files omnisim did not write there (notes.txt)"));
  // Checked before any runs: nothing written for the first scenario either.
  EXPECT_THAT(listing(out), ElementsAre("small"));
  EXPECT_THAT(listing(out / "small"), ElementsAre("notes.txt"));
}

}  // namespace
