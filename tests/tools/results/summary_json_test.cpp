// summary.json: undefined values are null (never a NaN printed as a number), and a metric
// undefined in some replications is summarised over the others; read back, the same summary
// (null as NaN), and a missing, unknown or mistyped key an error naming the file and key.
#include "tools/results/summary_json.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <sstream>

#include "tests/tools/metric_rows.hpp"
#include "tests/tools/scratch_dir.hpp"
#include "tools/experiment/arm_comparison.hpp"
#include "tools/results/errors.hpp"
#include "tools/results/metric_summary.hpp"

namespace {

namespace fs = std::filesystem;
using omnisim::testing::fresh_scratch_dir;
using omnisim::testing::replications;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(SummaryJson, NaNIsNull) {
  const sim::Summary summary{3, kNaN, kNaN, kNaN, kNaN, 0.95};
  const auto json = omnisim::summary_to_json(summary);
  EXPECT_TRUE(json["mean"].is_null());
  EXPECT_TRUE(json["ci_low"].is_null());
  EXPECT_EQ(json["n"], 3);
  EXPECT_EQ(json.dump().find("NaN"), std::string::npos);
}

TEST(SummaryJson, SpreadAndIntervalAreNullBelowTwoReplications) {
  const sim::Summary one = sim::summarize(Eigen::VectorXd::Constant(1, 4.5));
  const auto json = omnisim::summary_to_json(one);
  EXPECT_EQ(json["mean"], 4.5);
  EXPECT_TRUE(json["stddev"].is_null());
  EXPECT_TRUE(json["ci_low"].is_null());
  EXPECT_TRUE(json["ci_high"].is_null());
  EXPECT_EQ(json["n"], 1);
  EXPECT_EQ(json["confidence"], 0.95);
}

TEST(SummaryJson, DefinedIntervalIsNumbers) {
  Eigen::VectorXd samples(3);
  samples << 1.0, 2.0, 3.0;
  const auto json = omnisim::summary_to_json(sim::summarize(samples));
  EXPECT_EQ(json["mean"], 2.0);
  EXPECT_EQ(json["stddev"], 1.0);
  EXPECT_LT(json["ci_low"].get<double>(), 2.0);
  EXPECT_GT(json["ci_high"].get<double>(), 2.0);
}

TEST(MetricSummary, SkipsReplicationsWhereTheMetricIsUndefined) {
  const auto metrics = omnisim::summarize_metrics(replications({{0.9, 10}, {kNaN, 20}, {0.7, 30}}));
  ASSERT_EQ(metrics.size(), 2u);
  EXPECT_EQ(metrics[0].name, "otif");
  EXPECT_EQ(metrics[0].summary.n, 2u);
  EXPECT_DOUBLE_EQ(metrics[0].summary.mean, 0.8);
  EXPECT_EQ(metrics[1].summary.n, 3u);
  EXPECT_DOUBLE_EQ(metrics[1].summary.mean, 20.0);
}

TEST(MetricSummary, UndefinedEverywhereHasNZeroAndNullMean) {
  const auto metrics = omnisim::summarize_metrics(replications({{kNaN, 1}, {kNaN, 2}}));
  EXPECT_EQ(metrics[0].summary.n, 0u);
  const auto json = omnisim::summary_to_json(metrics[0].summary);
  EXPECT_TRUE(json["mean"].is_null());
  EXPECT_TRUE(json["stddev"].is_null());
  EXPECT_EQ(json["n"], 0);
}

TEST(MetricSummary, TableMarksUndefinedValues) {
  const auto metrics = omnisim::summarize_metrics(replications({{kNaN, 1234.5}, {0.5, 2000}}));
  std::ostringstream out;
  omnisim::print_metric_table(out, metrics, 2);
  EXPECT_THAT(out.str(), ::testing::HasSubstr("otif     0.5      n/a  (defined in 1 of 2"));
  EXPECT_THAT(out.str(), ::testing::HasSubstr("revenue  1617.25  ["));
}

retail::Scenario small_scenario() {
  retail::Scenario scenario;
  scenario.name = "small";
  scenario.seed = 7;
  scenario.replications = 2;
  scenario.horizon_days = 14;
  return scenario;
}

omnisim::RunSummary summary_of(const retail::Scenario& scenario,
                               std::vector<omnisim::ArmSummary> arms,
                               std::optional<std::vector<omnisim::MetricSummary>> difference,
                               std::vector<std::string> overrides = {}) {
  return {.version = "9.9.9",
          .scenario = omnisim::scenario_record(scenario, "small.json", std::move(overrides)),
          .arms = std::move(arms),
          .paired_difference = std::move(difference),
          .run = {"run-1", 1234, 0.5, 2, 1}};
}

TEST(SummaryJson, DocumentRecordsScenarioOverridesAndMetricsPerArm) {
  const auto metrics = omnisim::summarize_metrics(replications({{0.9, 10}, {kNaN, 20}}));
  const auto json =
      omnisim::to_json(summary_of(small_scenario(), {{retail::Arm::status_quo, metrics, {}}},
                                  std::nullopt, {"horizon_days=14"}));
  EXPECT_EQ(json["scenario"]["name"], "small");
  EXPECT_EQ(json["scenario"]["seed"], 7);
  EXPECT_EQ(json["scenario"]["overrides"], nlohmann::ordered_json::array({"horizon_days=14"}));
  EXPECT_EQ(json["scenario"]["control_tower_rules"], nlohmann::ordered_json::array());
  ASSERT_EQ(json["arms"].size(), 1u);
  const auto& arm = json["arms"]["status_quo"];
  EXPECT_EQ(arm["metrics"]["otif"]["n"], 1);
  EXPECT_TRUE(arm["metrics"]["otif"]["stddev"].is_null());
  EXPECT_EQ(arm["metrics"]["revenue"]["mean"], 15.0);
  EXPECT_EQ(arm["decisions"], nlohmann::ordered_json::object());
  EXPECT_TRUE(json["paired_difference"].is_null());
  EXPECT_EQ(json["run"]["events"], 1234);
  EXPECT_EQ(json["omnisim"]["version"], "9.9.9");
}

TEST(SummaryJson, BothArmsWithThePairedDifferenceAndWhatEachRuleDid) {
  retail::Scenario scenario = small_scenario();
  scenario.control_tower.rules.push_back({});
  scenario.control_tower.rules.back().name = "web-cancellations";
  const auto before = replications({{0.9, 10}, {0.8, 20}});
  const auto after = replications({{0.95, 10}, {kNaN, 26}});
  omnisim::RuleActivity quiet{"web-cancellations", "ops", 0, 0, 0, 0, kNaN, kNaN};
  omnisim::RuleActivity busy{"web-cancellations", "ops", 3, 1.5, 3, 2, 12.5, 13};
  const auto json = omnisim::to_json(
      summary_of(scenario,
                 {{retail::Arm::status_quo, omnisim::summarize_metrics(before), {quiet}},
                  {retail::Arm::control_tower, omnisim::summarize_metrics(after), {busy}}},
                 omnisim::paired_differences(before, after)));
  EXPECT_EQ(json["scenario"]["control_tower_rules"],
            nlohmann::ordered_json::array({"web-cancellations"}));
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items())
    keys.push_back(key);
  EXPECT_THAT(keys,
              ::testing::ElementsAre("omnisim", "scenario", "arms", "paired_difference", "run"));
  EXPECT_EQ(json["arms"]["control_tower"]["metrics"]["otif"]["n"], 1);
  // The pairs where both arms are defined: otif only in replication 0.
  EXPECT_EQ(json["paired_difference"]["otif"]["n"], 1);
  EXPECT_NEAR(json["paired_difference"]["otif"]["mean"].get<double>(), 0.05, 1e-12);
  EXPECT_TRUE(json["paired_difference"]["otif"]["ci_low"].is_null());
  EXPECT_EQ(json["paired_difference"]["revenue"]["mean"], 3.0);
  EXPECT_EQ(json["paired_difference"]["revenue"]["n"], 2);
  EXPECT_TRUE(json["paired_difference"]["revenue"]["ci_high"].is_number());
  const auto& quiet_json = json["arms"]["status_quo"]["decisions"]["web-cancellations"];
  EXPECT_EQ(quiet_json["firings"], 0);
  EXPECT_TRUE(quiet_json["mean_hours_to_decision"].is_null());
  const auto& busy_json = json["arms"]["control_tower"]["decisions"]["web-cancellations"];
  EXPECT_EQ(busy_json["owner"], "ops");
  EXPECT_EQ(busy_json["fired_per_replication"], 1.5);
  EXPECT_EQ(busy_json["executed"], 2);
  EXPECT_EQ(busy_json["mean_hours_to_execution"], 13.0);
  EXPECT_EQ(json.dump().find("NaN"), std::string::npos);
}

TEST(SummaryJson, RecordsARuleInFullByName) {
  retail::Scenario scenario = small_scenario();
  scenario.catalog.categories = {"tops", "shoes"};
  retail::Rule rule;
  rule.name = "shoe-stockouts";
  rule.owner = "merch";
  rule.metric = retail::MetricId::in_stock_rate;
  rule.scope.channel = retail::Channel::web;
  rule.scope.category = 1;
  rule.comparator = retail::Rule::Comparator::less_equal;
  rule.threshold = 0.9;
  rule.weekly = true;
  scenario.control_tower.rules.push_back(rule);
  scenario.status_quo.rules = {0};
  const auto json = omnisim::to_json(summary_of(scenario, {{}}, std::nullopt));
  const auto& recorded = json["scenario"]["control_tower"]["rules"][0];
  EXPECT_EQ(recorded["scope"], (nlohmann::ordered_json{{"channel", "web"}, {"category", "shoes"}}));
  EXPECT_EQ(recorded["metric"], "in_stock_rate");
  EXPECT_EQ(recorded["comparator"], "<=");
  EXPECT_EQ(recorded["cadence"], "weekly");
  EXPECT_EQ(recorded["actions"], nlohmann::ordered_json::array());
  EXPECT_EQ(json["scenario"]["status_quo"]["rules"],
            nlohmann::ordered_json::array({"shoe-stockouts"}));
}

// ---- reading it back ----

// A summary with every kind of value: both arms, undefined numbers, a rule of each scope.
omnisim::RunSummary full_summary() {
  const auto before = replications({{0.9, 10}, {0.8, 20}, {kNaN, 30}});
  const auto after = replications({{0.95, 12}, {kNaN, 26}, {0.7, 31}});
  omnisim::RunSummary summary = summary_of(
      small_scenario(),
      {{retail::Arm::status_quo,
        omnisim::summarize_metrics(before),
        {{"web-otif", "ops", 0, 0, 0, 0, kNaN, kNaN}, {"north", "dc", 1, 0.5, 1, 0, 3.25, kNaN}}},
       {retail::Arm::control_tower,
        omnisim::summarize_metrics(after),
        {{"web-otif", "ops", 3, 1.5, 3, 2, 12.5, 13}, {"north", "dc", 0, 0, 0, 0, kNaN, kNaN}}}},
      omnisim::paired_differences(before, after), {"seed=3", "horizon_days=14"});
  omnisim::RuleRecord web{.name = "web-otif",
                          .owner = "ops",
                          .metric = "otif",
                          .scope = {"web", "tops", std::nullopt, std::nullopt},
                          .scope_text = "channel=web category=tops",
                          .window_days = 3,
                          .comparator = "<",
                          .threshold = 0.95,
                          .sustained_for_hours = 12,
                          .timebox_hours = 24,
                          .decision_hours = "uniform(2, 24)",
                          .weekly = false,
                          .cooldown_hours = kNaN,
                          .actions = {"expedite(web) after 2h", "notify(ops) after 0h"}};
  omnisim::RuleRecord north = web;
  north.name = "north";
  north.owner = "dc";
  north.scope = {std::nullopt, std::nullopt, "north", "dc-east/2"};
  north.weekly = true;
  north.actions.clear();
  summary.scenario.description = "A \"quoted\" description ~ with / slashes";
  summary.scenario.control_tower = {6, 0, 10, {web, north}};
  summary.scenario.status_quo = {21, 7, 10, 0, "uniform(24, 72)", {"north"}};
  return summary;
}

std::string text(const omnisim::RunSummary& summary) {
  return omnisim::summary_json_text(summary);
}

TEST(ReadRunSummary, ReadsBackWhatWasWritten) {
  const omnisim::RunSummary summary = full_summary();
  const omnisim::RunSummary back = omnisim::from_json(omnisim::to_json(summary), "summary.json");
  EXPECT_EQ(text(back), text(summary));
  EXPECT_EQ(back.version, "9.9.9");
  EXPECT_EQ(back.scenario.overrides, summary.scenario.overrides);
  EXPECT_EQ(back.scenario.control_tower.rules[1].scope.node, "dc-east/2");
  EXPECT_FALSE(back.scenario.control_tower.rules[1].scope.channel.has_value());
  EXPECT_TRUE(back.scenario.control_tower.rules[1].weekly);
  EXPECT_TRUE(std::isnan(back.scenario.control_tower.rules[0].cooldown_hours));
  ASSERT_EQ(back.arms.size(), 2u);
  EXPECT_EQ(back.arms[1].arm, retail::Arm::control_tower);
  EXPECT_EQ(back.arms[1].decisions[0].rule, "web-otif");
  EXPECT_EQ(back.arms[1].decisions[0].mean_hours_to_execution, 13);
  EXPECT_TRUE(std::isnan(back.arms[0].decisions[0].mean_hours_to_decision));
  // Written as null, read back as NaN: otif is defined in two replications of each arm but
  // paired in one only, which has no interval.
  ASSERT_TRUE(back.paired_difference.has_value());
  const sim::Summary& otif = back.paired_difference->at(0).summary;
  EXPECT_EQ(otif.n, 1u);
  EXPECT_TRUE(std::isnan(otif.ci_low));
  EXPECT_TRUE(std::isnan(otif.stddev));
  EXPECT_EQ(back.run.committed_events, 1234u);
  EXPECT_EQ(back.run.run_id, "run-1");
}

TEST(ReadRunSummary, ReadsAFileBackToTheSameBytes) {
  const fs::path file = fresh_scratch_dir() / "summary.json";
  const std::string written = text(full_summary());
  std::ofstream(file, std::ios::binary) << written;
  EXPECT_EQ(text(omnisim::read_run_summary(file)), written);
}

// What from_json says of the document written from full_summary() after `edit`.
std::string error_after(const std::function<void(nlohmann::ordered_json&)>& edit) {
  nlohmann::ordered_json document = omnisim::to_json(full_summary());
  edit(document);
  try {
    omnisim::from_json(document, "results/x/summary.json");
  } catch (const omnisim::SummaryFormatError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(ReadRunSummary, AMissingKeyIsNamedWithTheFile) {
  EXPECT_EQ(error_after([](auto& d) { d["run"].erase("events"); }),
            "results/x/summary.json: /run/events: missing");
  EXPECT_EQ(error_after([](auto& d) { d["scenario"].erase("status_quo"); }),
            "results/x/summary.json: /scenario/status_quo: missing");
  EXPECT_EQ(
      error_after([](auto& d) { d["scenario"]["control_tower"]["rules"][1].erase("cadence"); }),
      "results/x/summary.json: /scenario/control_tower/rules/1/cadence: missing");
  EXPECT_EQ(error_after([](auto& d) { d["arms"]["status_quo"]["metrics"]["otif"].erase("n"); }),
            "results/x/summary.json: /arms/status_quo/metrics/otif/n: missing");
  EXPECT_EQ(error_after([](auto& d) { d.erase("paired_difference"); }),
            "results/x/summary.json: /paired_difference: missing");
}

TEST(ReadRunSummary, AWrongTypeIsNamedWithWhatWasFound) {
  EXPECT_EQ(
      error_after([](auto& d) { d["arms"]["control_tower"]["metrics"]["otif"]["mean"] = "abc"; }),
      "results/x/summary.json: /arms/control_tower/metrics/otif/mean: expected a number or "
      "null, got \"abc\"");
  EXPECT_EQ(error_after([](auto& d) { d["scenario"]["seed"] = -1; }),
            "results/x/summary.json: /scenario/seed: expected a non-negative integer, got -1");
  EXPECT_EQ(error_after([](auto& d) { d["scenario"]["horizon_days"] = 14.5; }),
            "results/x/summary.json: /scenario/horizon_days: expected a non-negative integer, "
            "got 14.5");
  EXPECT_EQ(error_after([](auto& d) { d["scenario"]["replications"] = 1ULL << 40; }),
            "results/x/summary.json: /scenario/replications: expected an integer up to "
            "4294967295, got 1099511627776");
  EXPECT_EQ(error_after([](auto& d) { d["scenario"]["overrides"][1] = nullptr; }),
            "results/x/summary.json: /scenario/overrides/1: expected a string, got null");
  EXPECT_EQ(error_after([](auto& d) { d["run"] = nlohmann::ordered_json::array(); }),
            "results/x/summary.json: /run: expected an object, got an array");
  EXPECT_EQ(
      error_after([](auto& d) { d["scenario"]["control_tower"]["rules"][0]["cadence"] = "daily"; }),
      "results/x/summary.json: /scenario/control_tower/rules/0/cadence: expected "
      "\"weekly\" or \"immediate\", got \"daily\"");
}

TEST(ReadRunSummary, RefusesKeysItDoesNotWriteArmsItDoesNotKnowAndArmsThatDisagree) {
  EXPECT_EQ(error_after([](auto& d) { d["run"]["colour"] = "red"; }),
            "results/x/summary.json: /run/colour: unknown key");
  EXPECT_EQ(
      error_after([](auto& d) { d["scenario"]["control_tower"]["rules"][0]["scope"]["a/b"] = 1; }),
      "results/x/summary.json: /scenario/control_tower/rules/0/scope/a~1b: unknown key");
  EXPECT_EQ(error_after([](auto& d) { d["arms"]["third"] = d["arms"]["status_quo"]; }),
            "results/x/summary.json: /arms/third: unknown arm (expected \"status_quo\" or "
            "\"control_tower\")");
  EXPECT_EQ(error_after([](auto& d) { d["arms"] = nlohmann::ordered_json::object(); }),
            "results/x/summary.json: /arms: no arm (expected \"status_quo\" or \"control_tower\" "
            "or both)");
  EXPECT_EQ(error_after([](auto& d) { d["scenario"]["control_tower_rules"][0] = "other"; }),
            "results/x/summary.json: /scenario/control_tower_rules: not the names of "
            "/scenario/control_tower/rules");
  EXPECT_EQ(error_after([](auto& d) { d["paired_difference"] = nullptr; }),
            "results/x/summary.json: /paired_difference: expected the metrics when both arms ran");
  EXPECT_EQ(error_after([](auto& d) { d["paired_difference"].erase("otif"); }),
            "results/x/summary.json: /paired_difference: not the metrics of the arms");
  EXPECT_EQ(error_after([](auto& d) { d["arms"]["control_tower"]["metrics"].erase("otif"); }),
            "results/x/summary.json: /arms/control_tower/metrics: not the metrics of the first "
            "arm");
  EXPECT_EQ(error_after([](auto& d) { d["arms"].erase("control_tower"); }),
            "results/x/summary.json: /paired_difference: expected null when one arm ran");
  EXPECT_EQ(error_after([](auto& d) { d = 3; }),
            "results/x/summary.json: /: expected an object, got 3");
}

std::string read_error(const fs::path& file) {
  try {
    omnisim::read_run_summary(file);
  } catch (const omnisim::SummaryFormatError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(ReadRunSummary, AFileThatIsNotJsonOrNotThereIsNamed) {
  const fs::path dir = fresh_scratch_dir();
  std::ofstream(dir / "summary.json") << "{\"omnisim\": ";
  EXPECT_THAT(read_error(dir / "summary.json"),
              ::testing::StartsWith((dir / "summary.json").string() + ": not valid JSON: "));
  EXPECT_EQ(read_error(dir / "missing.json"), (dir / "missing.json").string() + ": cannot be read");
}

}  // namespace
