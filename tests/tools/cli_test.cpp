// The omnisim command line end to end on the example scenario: outputs, exit statuses, nothing
// written on bad input, and results independent of the thread count.
#include "tools/cli.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_capture.hpp"
#include "scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using omnisim::testing::CliResult;
using omnisim::testing::fresh_scratch_dir;
using omnisim::testing::listing;
using omnisim::testing::omnisim_cli;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kSmall = std::string(OMNISIM_SOURCE_DIR) + "/scenarios/examples/small.json";
// Two weeks instead of eight keep the end-to-end tests quick.
const std::string kShort = "horizon_days=14";

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST(CliValidate, SummarisesTheExampleScenario) {
  const CliResult result = omnisim_cli({"validate", kSmall});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(result.out,
              HasSubstr("20 SKUs in 4 categories, 3 zones, 5 stores, 1 DC, 2 carriers"));
  EXPECT_THAT(result.out, ::testing::EndsWith("\nok\n"));
  EXPECT_EQ(result.err, "");
}

TEST(CliValidate, AppliesOverrides) {
  const CliResult result = omnisim_cli({"validate", kSmall, "--set", kShort});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("a horizon of 14 days"));
}

TEST(CliValidate, BadInputIsExitStatusTwo) {
  const CliResult bad_value = omnisim_cli({"validate", kSmall, "--set", "horizon_days=\"soon\""});
  EXPECT_EQ(bad_value.status, 2);
  EXPECT_THAT(bad_value.err, StartsWith("omnisim: error: "));
  EXPECT_THAT(bad_value.err, HasSubstr("horizon_days"));
  EXPECT_EQ(bad_value.out, "");

  const CliResult missing = omnisim_cli({"validate", "no/such/scenario.json"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_THAT(missing.err, StartsWith("omnisim: error: "));
}

TEST(CliUsage, ErrorsAreExitStatusTwoWithAHint) {
  for (const auto& args :
       std::vector<std::vector<std::string>>{{},
                                             {"simulate", kSmall},
                                             {"run", kSmall},
                                             {"run", kSmall, "--out", "x", "--reps", "0"},
                                             {"run", kSmall, "--out", "x", "--threads", "many"},
                                             {"run", kSmall, "--out", "x", "--no-such-option"}}) {
    const CliResult result = omnisim_cli(args);
    EXPECT_EQ(result.status, 2) << ::testing::PrintToString(args);
    EXPECT_THAT(result.err, StartsWith("omnisim: error: "));
    EXPECT_THAT(result.err, HasSubstr("--help' for usage."));
  }
}

TEST(CliHelp, ListsCommandsWithExamplesAndOptionDefaults) {
  const CliResult top = omnisim_cli({"--help"});
  EXPECT_EQ(top.status, 0);
  EXPECT_THAT(top.out, HasSubstr("validate"));
  EXPECT_THAT(top.out, HasSubstr("omnisim validate scenarios/examples/small.json"));
  EXPECT_THAT(top.out, HasSubstr("omnisim run scenarios/examples/small.json"));

  const CliResult run = omnisim_cli({"run", "--help"});
  EXPECT_EQ(run.status, 0);
  for (const char* option : {"--reps", "--seed", "--threads", "--set", "--out", "--force"})
    EXPECT_THAT(run.out, HasSubstr(option));
  EXPECT_THAT(run.out, HasSubstr("Default: 0"));
  EXPECT_THAT(run.out, HasSubstr("Default: the scenario's \"replications\""));
}

TEST(CliRun, WritesSummaryTimeseriesAndInventory) {
  const fs::path out = fresh_scratch_dir() / "run";
  const CliResult result = omnisim_cli(
      {"run", kSmall, "--reps", "2", "--seed", "7", "--set", kShort, "--out", out.string()});
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(listing(out), ElementsAre("inventory.csv", "summary.json", "timeseries.csv"));
  EXPECT_THAT(result.out, HasSubstr("95% CI"));
  EXPECT_THAT(result.out, HasSubstr("availability_integrity"));

  const auto summary = nlohmann::json::parse(read(out / "summary.json"));
  EXPECT_EQ(summary["scenario"]["name"], "small example");
  EXPECT_EQ(summary["scenario"]["replications"], 2);
  EXPECT_EQ(summary["scenario"]["seed"], 7);
  EXPECT_EQ(summary["scenario"]["horizon_days"], 14);
  EXPECT_EQ(summary["scenario"]["overrides"], nlohmann::json::array({kShort}));
  EXPECT_GT(summary["run"]["events"].get<std::uint64_t>(), 0u);
  ASSERT_TRUE(summary["metrics"].contains("revenue"));
  for (const auto& [name, metric] : summary["metrics"].items()) {
    EXPECT_LE(metric["n"].get<int>(), 2) << name;
    EXPECT_EQ(metric["confidence"], 0.95) << name;
  }
  EXPECT_EQ(summary["metrics"]["revenue"]["n"], 2);
  EXPECT_TRUE(summary["metrics"]["revenue"]["ci_low"].is_number());

  constexpr std::size_t kCategories = 4;
  constexpr std::size_t kChannels = 4;
  const std::string timeseries = read(out / "timeseries.csv");
  EXPECT_THAT(timeseries, StartsWith("replication,day,channel,category,"));
  EXPECT_EQ(line_count(timeseries), 1 + 2 * 14 * kChannels * kCategories);
  const std::string inventory = read(out / "inventory.csv");
  EXPECT_THAT(inventory, StartsWith("replication,day,category,units,value\n0,0,apparel,"));
  EXPECT_EQ(line_count(inventory), 1 + 2 * 14 * kCategories);
}

TEST(CliRun, BadInputWritesNothing) {
  const fs::path dir = fresh_scratch_dir();
  const CliResult result = omnisim_cli({"run", kSmall, "--reps", "2", "--set",
                                        "horizon_days=\"soon\"", "--out", (dir / "run").string()});
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, StartsWith("omnisim: error: "));
  EXPECT_FALSE(fs::exists(dir / "run"));
  EXPECT_TRUE(listing(dir).empty());
}

TEST(CliRun, RefusesANonEmptyOutputDirectoryUnlessForced) {
  const fs::path dir = fresh_scratch_dir();
  std::ofstream(dir / "notes.txt") << "mine\n";
  const std::vector<std::string> args = {"run",   kSmall, "--reps", "1",
                                         "--set", kShort, "--out",  dir.string()};
  const CliResult refused = omnisim_cli(args);
  EXPECT_EQ(refused.status, 2);
  EXPECT_THAT(refused.err, HasSubstr("--force"));
  EXPECT_THAT(listing(dir), ElementsAre("notes.txt"));

  std::vector<std::string> forced = args;
  forced.push_back("--force");
  const CliResult result = omnisim_cli(forced);
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(listing(dir),
              ElementsAre("inventory.csv", "notes.txt", "summary.json", "timeseries.csv"));
  EXPECT_EQ(read(dir / "notes.txt"), "mine\n");
}

// Every output but the run record (wall time, thread count) must be byte-identical.
void expect_same_results(const std::vector<std::string>& common, const std::string& threads_a,
                         const std::string& threads_b) {
  const fs::path dir = fresh_scratch_dir();
  std::vector<fs::path> outs;
  for (const auto& threads : {threads_a, threads_b}) {
    outs.push_back(dir / ("threads-" + threads));
    std::vector<std::string> args = common;
    for (const auto& arg :
         {std::string("--threads"), threads, std::string("--out"), outs.back().string()})
      args.push_back(arg);
    const CliResult result = omnisim_cli(args);
    ASSERT_EQ(result.status, 0) << result.err;
  }
  const auto summary_a = nlohmann::json::parse(read(outs[0] / "summary.json"));
  const auto summary_b = nlohmann::json::parse(read(outs[1] / "summary.json"));
  EXPECT_EQ(summary_a["metrics"].dump(), summary_b["metrics"].dump());
  EXPECT_EQ(summary_a["scenario"], summary_b["scenario"]);
  EXPECT_EQ(summary_a["run"]["events"], summary_b["run"]["events"]);
  EXPECT_EQ(read(outs[0] / "timeseries.csv"), read(outs[1] / "timeseries.csv"));
  EXPECT_EQ(read(outs[0] / "inventory.csv"), read(outs[1] / "inventory.csv"));
}

TEST(CliRun, ReplicationsSideBySideGiveTheSameResults) {
  expect_same_results({"run", kSmall, "--reps", "2", "--set", kShort}, "1", "2");
}

TEST(CliRun, AReplicationOnTheParallelEngineGivesTheSameResults) {
  // One replication and two threads: the spare thread goes to the engine inside it.
  expect_same_results({"run", kSmall, "--reps", "1", "--set", kShort}, "1", "2");
}

}  // namespace
