// summary.json: undefined values are null (never a NaN printed as a number), and a metric
// undefined in some replications is summarised over the others.
#include "tools/summary_json.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>
#include <sstream>

#include "tools/metric_summary.hpp"

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<std::vector<retail::Metric>> replications(
    const std::vector<std::pair<double, double>>& values) {
  std::vector<std::vector<retail::Metric>> out;
  for (const auto& [otif, revenue] : values)
    out.push_back({{"otif", otif}, {"revenue", revenue}});
  return out;
}

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

TEST(SummaryJson, DocumentRecordsScenarioOverridesAndMetrics) {
  retail::Scenario scenario;
  scenario.name = "small";
  scenario.seed = 7;
  scenario.replications = 2;
  scenario.horizon_days = 14;
  omnisim::RunRecord run{"small.json", {"horizon_days=14"}, 1234, 0.5, 2};
  const auto metrics = omnisim::summarize_metrics(replications({{0.9, 10}, {kNaN, 20}}));
  const auto json = omnisim::make_summary_json(scenario, run, metrics);
  EXPECT_EQ(json["scenario"]["name"], "small");
  EXPECT_EQ(json["scenario"]["seed"], 7);
  EXPECT_EQ(json["scenario"]["overrides"], nlohmann::ordered_json::array({"horizon_days=14"}));
  EXPECT_EQ(json["metrics"]["otif"]["n"], 1);
  EXPECT_TRUE(json["metrics"]["otif"]["stddev"].is_null());
  EXPECT_EQ(json["metrics"]["revenue"]["mean"], 15.0);
  EXPECT_EQ(json["run"]["events"], 1234);
  EXPECT_TRUE(json["omnisim"]["version"].is_string());
}

}  // namespace
