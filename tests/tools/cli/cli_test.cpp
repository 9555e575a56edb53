// The omnisim command line end to end on the example scenario: outputs, exit statuses, nothing
// written on bad input, and results independent of the thread count.
#include "tools/cli/cli.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/tools/cli_capture.hpp"
#include "tests/tools/scratch_dir.hpp"

namespace {

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
// Four weeks instead of eight keep the end-to-end tests quick (the promotion starts on day 18).
const std::string kShort = "horizon_days=28";

TEST(CliValidate, SummarisesTheExampleScenario) {
  const CliResult result = omnisim_cli({"validate", kSmall});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(
      result.out,
      HasSubstr("20 SKUs in 4 categories, 3 zones, 5 stores, 1 DC, 2 carriers, 0 control-tower "
                "rules"));
  EXPECT_THAT(result.out, ::testing::EndsWith("\nok\n"));
  EXPECT_EQ(result.err, "");
}

TEST(CliValidate, AppliesOverrides) {
  const CliResult result = omnisim_cli({"validate", kSmall, "--set", kShort});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("a horizon of 28 days"));
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

struct BadNumber {
  std::vector<std::string> args;  // after "omnisim COMMAND SCENARIO"
  std::string message;            // after "omnisim: error: "
};

const std::string kSeedRange = "expected an integer from 0 to 18446744073709551615";

// The command, its arguments and --out DIR: a run, a sweep over the horizon (--reps 2 unless
// `more` says), or a merge.
std::vector<std::string> command_line(const std::string& command, const fs::path& out,
                                      const std::vector<std::string>& more) {
  std::vector<std::string> args = {command};
  if (command == "merge") {
    args.push_back(out.string() + "-shard");
  } else {
    args.push_back(kSmall);
  }
  if (command == "sweep") {
    for (const char* arg : {"--grid", "horizon_days=14,28"})
      args.emplace_back(arg);
    if (std::find(more.begin(), more.end(), "--reps") == more.end()) {
      args.emplace_back("--reps");
      args.emplace_back("2");
    }
  }
  args.insert(args.end(), more.begin(), more.end());
  args.emplace_back("--out");
  args.push_back(out.string());
  return args;
}

void expect_refused_before_anything_is_written(const std::string& command,
                                               const std::vector<BadNumber>& cases) {
  const fs::path dir = fresh_scratch_dir();
  for (const BadNumber& bad : cases) {
    const std::string what = command + " " + ::testing::PrintToString(bad.args);
    const CliResult result = omnisim_cli(command_line(command, dir / "out", bad.args));
    EXPECT_EQ(result.status, 2) << what;
    EXPECT_THAT(result.err, StartsWith("omnisim: error: " + bad.message + "\n")) << what;
    EXPECT_EQ(result.out, "") << what;
    EXPECT_TRUE(listing(dir).empty()) << what;
  }
}

TEST(CliNumbers, RunRefusesNumbersOutOfRangeBeforeAnythingIsWritten) {
  expect_refused_before_anything_is_written(
      "run",
      {{{"--threads", "2147483648"},
        "--threads: expected an integer from 0 to 4096, got '2147483648'"},
       {{"--threads", "4294967296"},
        "--threads: expected an integer from 0 to 4096, got '4294967296'"},
       {{"--threads", "4097"}, "--threads: expected an integer from 0 to 4096, got '4097'"},
       {{"--threads", "-1"}, "--threads: expected an integer from 0 to 4096, got '-1'"},
       {{"--seed", "-1"}, "--seed: " + kSeedRange + ", got '-1'"},
       {{"--seed", "18446744073709551616"},
        "--seed: " + kSeedRange + ", got '18446744073709551616'"},
       {{"--seed", "1e23"}, "--seed: " + kSeedRange + ", got '1e23'"},
       {{"--seed", "7.5"}, "--seed: " + kSeedRange + ", got '7.5'"},
       {{"--reps", "0"}, "--reps: expected an integer from 1 to 1000000, got '0'"},
       {{"--reps", "4294967297"},
        "--reps: expected an integer from 1 to 1000000, got '4294967297'"},
       {{"--memory-limit", "0"},
        "--memory-limit: expected a size of at least 1 byte, in bytes or with K, M, G or T (such "
        "as 512M or 4G), got '0'"}});
}

TEST(CliNumbers, SweepRefusesNumbersOutOfRangeBeforeAnythingIsWritten) {
  expect_refused_before_anything_is_written(
      "sweep",
      {{{"--threads", "2147483648"},
        "--threads: expected an integer from 0 to 4096, got '2147483648'"},
       {{"--seed", "-1"}, "--seed: " + kSeedRange + ", got '-1'"},
       {{"--seed", "18446744073709551616"},
        "--seed: " + kSeedRange + ", got '18446744073709551616'"},
       {{"--seed", "1e23"}, "--seed: " + kSeedRange + ", got '1e23'"},
       {{"--reps", "auto", "--ci-width", "nan"},
        "--ci-width: expected a finite number greater than 0, got 'nan'"},
       {{"--reps", "auto", "--ci-width", "inf"},
        "--ci-width: expected a finite number greater than 0, got 'inf'"},
       {{"--reps", "auto", "--ci-width", "400", "--min-reps", "50", "--max-reps", "20"},
        "--min-reps 50 is above --max-reps 20: every point gets --min-reps replications first and "
        "at most --max-reps in all"},
       {{"--reps", "auto", "--ci-width", "400", "--max-reps", "5"},
        "--min-reps 10 (the default) is above --max-reps 5: every point gets --min-reps "
        "replications first and at most --max-reps in all"},
       {{"--min-reps", "5"}, "--min-reps only applies with --reps auto"},
       {{"--reps", "auto", "--ci-width", "400", "--min-reps", "1"},
        "--min-reps: expected an integer from 2 to 1000000, got '1'"},
       {{"--top", "0"}, "--top: expected an integer from 1 to 10000, got '0'"},
       {{"--top", "-3"}, "--top: expected an integer from 1 to 10000, got '-3'"},
       {{"--shard", "3/3"},
        "--shard: expected I/N, two integers with 0 <= I < N <= 1000000 (such as 0/4, the first "
        "of four shards), got '3/3'"},
       {{"--memory-limit", "nan"},
        "--memory-limit: expected a size of at least 1 byte, in bytes or with K, M, G or T (such "
        "as 512M or 4G), got 'nan'"}});
}

TEST(CliNumbers, MergeRefusesATopOfZero) {
  expect_refused_before_anything_is_written(
      "merge", {{{"--top", "0"}, "--top: expected an integer from 1 to 10000, got '0'"}});
}

TEST(CliNumbers, SetHoldsTheSeedToTheSameRangeAsTheOption) {
  const std::string range = "(expected an integer between 0 and 18446744073709551615";
  for (const char* value :
       {"-1", "18446744073709551616", "1e23", "7.5", "12345678901234567891.0"}) {
    const CliResult result =
        omnisim_cli({"validate", kSmall, "--set", std::string("seed=") + value});
    EXPECT_EQ(result.status, 2) << value;
    EXPECT_THAT(result.err, HasSubstr("/seed: ")) << value;
    EXPECT_THAT(result.err, HasSubstr(range)) << value;
  }
  EXPECT_EQ(omnisim_cli({"validate", kSmall, "--set", "seed=18446744073709551615"}).status, 0);
}

// A name as an attacker would write it: a window title (OSC 0), red text (CSI as C1), a
// right-to-left override, in JSON escapes as --set takes them.
const std::string kHostileName = R"("\u001b]0;pwned\u0007evil \u009b31mred \u202egnp.exe")";

// What a terminal would obey: ESC, BEL, C1 CSI, U+202E.
void expect_nothing_a_terminal_obeys(const std::string& text) {
  for (const std::string& control : {std::string("\x1b"), std::string("\x07"),
                                     std::string("\xc2\x9b"), std::string("\xe2\x80\xae")})
    EXPECT_EQ(text.find(control), std::string::npos) << ::testing::PrintToString(text);
}

TEST(CliTerminalText, NamesAreShownWithTheirControlsSpelledOut) {
  const CliResult validated = omnisim_cli({"validate", kSmall, "--set", "name=" + kHostileName});
  EXPECT_EQ(validated.status, 0) << validated.err;
  EXPECT_THAT(validated.out,
              HasSubstr(R"(Scenario '\x1B]0;pwned\x07evil \u009B31mred \u202Egnp.exe')"));
  expect_nothing_a_terminal_obeys(validated.out);

  // The run's tables: the decision summary names the rule and its owner.
  const std::string rules = std::string(OMNISIM_SOURCE_DIR) + "/tests/data/small_with_rules.json";
  const fs::path out = fresh_scratch_dir() / "out";
  const CliResult run =
      omnisim_cli({"run", rules, "--reps", "1", "--set", kShort, "--set", "name=" + kHostileName,
                   "--set", "control_tower.rules.0.name=" + kHostileName, "--set",
                   "control_tower.rules.0.owner=" + kHostileName, "--out", out.string()});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("\\x1B]0;pwned\\x07evil"));
  expect_nothing_a_terminal_obeys(run.out);
  expect_nothing_a_terminal_obeys(run.err);
}

TEST(CliTerminalText, ErrorsQuotingNamesSpellOutTheirControls) {
  const CliResult unknown =
      omnisim_cli({"validate", kSmall, "--set", "network.stores.bo\x1b[2Jgus.zone=north"});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_THAT(unknown.err, HasSubstr(R"(no element named "bo\x1B[2Jgus")"));
  expect_nothing_a_terminal_obeys(unknown.err);

  const CliResult missing = omnisim_cli({"validate", "no/such/\xe2\x80\xaenosj.json"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_THAT(missing.err, HasSubstr("no/such/\\u202Enosj.json"));
  expect_nothing_a_terminal_obeys(missing.err);
}

TEST(CliHelp, ListsCommandsWithExamplesAndOptionDefaults) {
  const CliResult top = omnisim_cli({"--help"});
  EXPECT_EQ(top.status, 0);
  EXPECT_THAT(top.out, HasSubstr("validate"));
  EXPECT_THAT(top.out, HasSubstr("omnisim validate scenarios/examples/small.json"));
  EXPECT_THAT(top.out, HasSubstr("omnisim run scenarios/examples/small.json"));
  EXPECT_THAT(top.out,
              HasSubstr("omnisim run scenarios/half_live_promo.json "
                        "scenarios/ads_into_stockouts.json scenarios/returns_spiral.json --out "
                        "results"));
  EXPECT_THAT(top.out, HasSubstr("--no-control-tower"));

  const CliResult run = omnisim_cli({"run", "--help"});
  EXPECT_EQ(run.status, 0);
  for (const char* option : {"--reps", "--seed", "--threads", "--set", "--out", "--force",
                             "--no-control-tower", "--control-tower-only"})
    EXPECT_THAT(run.out, HasSubstr(option));
  EXPECT_THAT(run.out, HasSubstr("Default: 0"));
  EXPECT_THAT(run.out, HasSubstr("Default: the scenario's \"replications\""));
}

TEST(CliRun, WritesEveryOutputFileForAScenarioWithoutRules) {
  const fs::path out = fresh_scratch_dir() / "run";
  const CliResult result = omnisim_cli(
      {"run", kSmall, "--reps", "2", "--seed", "7", "--set", kShort, "--out", out.string()});
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(listing(out),
              ElementsAre("decisions.csv", "files.json", "inventory.csv", "open_orders.csv",
                          "replications.csv", "summary.json", "timeseries.csv"));
  EXPECT_THAT(result.out, HasSubstr("95% CI"));
  EXPECT_THAT(result.out, HasSubstr("availability_integrity"));
  EXPECT_THAT(result.out, HasSubstr("no control-tower rules"));

  const auto summary = nlohmann::json::parse(read_file(out / "summary.json"));
  EXPECT_EQ(summary["scenario"]["name"], "small example");
  EXPECT_EQ(summary["scenario"]["replications"], 2);
  EXPECT_EQ(summary["scenario"]["seed"], 7);
  EXPECT_EQ(summary["scenario"]["horizon_days"], 28);
  EXPECT_EQ(summary["scenario"]["overrides"], nlohmann::json::array({kShort}));
  EXPECT_GT(summary["run"]["events"].get<std::uint64_t>(), 0u);
  // Without rules the arms are the same world, so one ran.
  ASSERT_EQ(summary["arms"].size(), 1u);
  const auto& metrics = summary["arms"]["status_quo"]["metrics"];
  ASSERT_TRUE(metrics.contains("revenue"));
  for (const auto& [name, metric] : metrics.items()) {
    EXPECT_LE(metric["n"].get<int>(), 2) << name;
    EXPECT_EQ(metric["confidence"], 0.95) << name;
  }
  EXPECT_EQ(metrics["revenue"]["n"], 2);
  EXPECT_TRUE(metrics["revenue"]["ci_low"].is_number());
  EXPECT_TRUE(summary["paired_difference"].is_null());

  constexpr std::size_t kCategories = 4;
  constexpr std::size_t kChannels = 4;
  const std::string timeseries = read_file(out / "timeseries.csv");
  EXPECT_THAT(timeseries, StartsWith("replication,arm,day,channel,category,"));
  EXPECT_EQ(line_count(timeseries), 1 + 2 * 28 * kChannels * kCategories);
  const std::string inventory = read_file(out / "inventory.csv");
  EXPECT_THAT(inventory,
              StartsWith("replication,arm,day,category,units,value\n0,status_quo,0,apparel,"));
  EXPECT_EQ(line_count(inventory), 1 + 2 * 28 * kCategories);
  const std::string open_orders = read_file(out / "open_orders.csv");
  EXPECT_THAT(open_orders, StartsWith("replication,arm,day,open_orders\n0,status_quo,0,"));
  EXPECT_EQ(line_count(open_orders), 1 + 2 * 28);
  const std::string replications = read_file(out / "replications.csv");
  EXPECT_THAT(replications, StartsWith("replication,arm,availability_integrity,"));
  EXPECT_EQ(line_count(replications), 1 + 2);
  EXPECT_EQ(line_count(read_file(out / "decisions.csv")), 1);
}

TEST(CliRun, WritesTheNodeFilesWhenTheScenarioKeepsNodeDays) {
  const fs::path out = fresh_scratch_dir() / "run";
  const CliResult result = omnisim_cli({"run", kSmall, "--reps", "2", "--set", kShort, "--set",
                                        "kpi.node_days=true", "--out", out.string()});
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(listing(out), ElementsAre("decisions.csv", "files.json", "inventory.csv", "nodes.csv",
                                        "open_orders.csv", "replenishment.csv", "replications.csv",
                                        "summary.json", "timeseries.csv"));
  EXPECT_THAT(result.out, HasSubstr("decisions.csv, nodes.csv, replenishment.csv\nto "));
  // small.json: one DC and five stores, four categories, 28 days, two replications.
  constexpr std::size_t kNodes = 6;
  const std::string nodes = read_file(out / "nodes.csv");
  EXPECT_THAT(nodes, StartsWith("replication,arm,day,node,on_hand,on_order,backordered,"));
  EXPECT_EQ(line_count(nodes), 1 + 2 * 28 * kNodes);
  EXPECT_EQ(line_count(read_file(out / "replenishment.csv")), 1 + 2 * 28 * kNodes * 4);
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
  const std::vector<std::string> args = {"run",   kSmall, "--reps", "1",
                                         "--set", kShort, "--out",  dir.string()};
  ASSERT_EQ(omnisim_cli(args).status, 0);
  const std::string first = read_file(dir / "files.json");
  const CliResult refused = omnisim_cli(args);
  EXPECT_EQ(refused.status, 2);
  EXPECT_THAT(refused.err, HasSubstr("--force"));
  EXPECT_EQ(read_file(dir / "files.json"), first);

  std::vector<std::string> forced = args;
  forced.push_back("--force");
  const CliResult result = omnisim_cli(forced);
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(listing(dir),
              ElementsAre("decisions.csv", "files.json", "inventory.csv", "open_orders.csv",
                          "replications.csv", "summary.json", "timeseries.csv"));
  EXPECT_NE(read_file(dir / "files.json"), first);
}

TEST(CliRun, ForceNeverRemovesFilesOmnisimDidNotWrite) {
  const fs::path dir = fresh_scratch_dir();
  std::ofstream(dir / "notes.txt") << "mine\n";
  const CliResult refused = omnisim_cli(
      {"run", kSmall, "--reps", "1", "--set", kShort, "--out", dir.string(), "--force"});
  EXPECT_EQ(refused.status, 2);
  EXPECT_THAT(refused.err, HasSubstr("holds files omnisim did not write there (notes.txt)"));
  EXPECT_EQ(refused.out, "");
  EXPECT_THAT(listing(dir), ElementsAre("notes.txt"));
}

// Every output but the run record (run id, wall time, thread count) must be byte-identical.
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
  auto summary_a = nlohmann::json::parse(read_file(outs[0] / "summary.json"));
  auto summary_b = nlohmann::json::parse(read_file(outs[1] / "summary.json"));
  for (auto* summary : {&summary_a, &summary_b}) {
    (*summary)["run"].erase("run_id");
    (*summary)["run"].erase("wall_seconds");
    (*summary)["run"].erase("threads");
  }
  EXPECT_EQ(summary_a.dump(), summary_b.dump());
  for (const char* file :
       {"replications.csv", "timeseries.csv", "inventory.csv", "open_orders.csv", "decisions.csv"})
    EXPECT_EQ(read_file(outs[0] / file), read_file(outs[1] / file)) << file;
}

TEST(CliRun, ReplicationsSideBySideGiveTheSameResults) {
  expect_same_results({"run", kSmall, "--reps", "2", "--set", kShort}, "1", "2");
}

TEST(CliRun, AReplicationOnTheParallelEngineGivesTheSameResults) {
  // One replication and two threads: the spare thread goes to the engine inside it.
  expect_same_results({"run", kSmall, "--reps", "1", "--set", kShort}, "1", "2");
}

TEST(CliRun, BothArmsGiveTheSameResultsOnAnyThreadCount) {
  // Two replications x two arms on one, two and three threads (a spare thread per run at 3 is
  // not enough: each gets one); the rule is made to fire so that decisions.csv has rows.
  const std::string with_rules =
      std::string(OMNISIM_SOURCE_DIR) + "/tests/data/small_with_rules.json";
  const std::vector<std::string> common = {
      "run",    with_rules,
      "--reps", "2",
      "--set",  kShort,
      "--set",  "control_tower.rules.web-cancellations.comparator=\">=\"",
      "--set",  "status_quo.first_review_day=7"};
  expect_same_results(common, "1", "2");
  expect_same_results(common, "1", "3");
}

TEST(CliRun, OneReplicationOfBothArmsOnTheParallelEngineGivesTheSameResults) {
  // One replication, two arms, four threads: each arm's run gets two.
  const std::string with_rules =
      std::string(OMNISIM_SOURCE_DIR) + "/tests/data/small_with_rules.json";
  expect_same_results({"run", with_rules, "--reps", "1", "--set", kShort}, "1", "4");
}

}  // namespace
