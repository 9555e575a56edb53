// summary.json: undefined values are null (never a NaN printed as a number), and a metric
// undefined in some replications is summarised over the others.
#include "tools/results/summary_json.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>
#include <sstream>

#include "tests/tools/metric_rows.hpp"
#include "tools/experiment/arm_comparison.hpp"
#include "tools/results/metric_summary.hpp"

namespace {

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

TEST(SummaryJson, DocumentRecordsScenarioOverridesAndMetricsPerArm) {
  const retail::Scenario scenario = small_scenario();
  omnisim::RunRecord run{"small.json", {"horizon_days=14"}, 1234, 0.5, 2};
  const auto metrics = omnisim::summarize_metrics(replications({{0.9, 10}, {kNaN, 20}}));
  const auto json = omnisim::make_summary_json(
      scenario, run, {{retail::Arm::status_quo, metrics, {}}}, std::nullopt);
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
  EXPECT_TRUE(json["omnisim"]["version"].is_string());
}

TEST(SummaryJson, BothArmsWithThePairedDifferenceAndWhatEachRuleDid) {
  retail::Scenario scenario = small_scenario();
  scenario.control_tower.rules.push_back({});
  scenario.control_tower.rules.back().name = "web-cancellations";
  const auto before = replications({{0.9, 10}, {0.8, 20}});
  const auto after = replications({{0.95, 10}, {kNaN, 26}});
  omnisim::RuleActivity quiet{"web-cancellations", "ops", 0, 0, 0, 0, kNaN, kNaN};
  omnisim::RuleActivity busy{"web-cancellations", "ops", 3, 1.5, 3, 2, 12.5, 13};
  const auto json = omnisim::make_summary_json(
      scenario, {"small.json", {}, 1, 0.1, 1},
      {{retail::Arm::status_quo, omnisim::summarize_metrics(before), {quiet}},
       {retail::Arm::control_tower, omnisim::summarize_metrics(after), {busy}}},
      omnisim::paired_differences(before, after));
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

}  // namespace
