// Comparing the arms: paired differences over the replications defined in both, what each rule
// did, the console tables, replications.csv and decisions.csv, and the progress bar's text.
#include "tools/experiment/arm_comparison.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>
#include <sstream>

#include "sim/time.hpp"
#include "tests/tools/metric_rows.hpp"
#include "tests/tools/scratch_dir.hpp"
#include "tools/cli/progress_bar.hpp"
#include "tools/results/decisions_csv.hpp"
#include "tools/results/replications_csv.hpp"

namespace {

using omnisim::testing::replications;

using omnisim::testing::lines;

using retail::Arm;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

retail::Scenario scenario_with_rule() {
  retail::Scenario scenario;
  scenario.name = "stub";
  scenario.replications = 2;
  retail::Rule rule;
  rule.name = "web, cancellations";
  rule.owner = "ops";
  rule.metric = retail::MetricId::cancellation_rate;
  rule.scope.channel = retail::Channel::web;
  rule.comparator = retail::Rule::Comparator::greater_equal;
  rule.threshold = 0.02;
  retail::Action widen;
  widen.kind = retail::Action::Kind::widen_promise;
  widen.hours = 24;
  rule.actions.push_back(widen);
  scenario.control_tower.rules.push_back(rule);
  return scenario;
}

retail::DecisionRecord record(double fired_h, double decided_h, double executed_h,
                              double value_after = kNaN) {
  const auto at = [](double h) { return h < 0 ? retail::DecisionRecord::kNotYet : sim::hours(h); };
  return {0, sim::hours(fired_h), at(decided_h), at(executed_h), 0.03, value_after};
}

retail::ReplicationResult with_decisions(std::vector<retail::DecisionRecord> decisions) {
  return {retail::KpiTable(1, 1), {}, {}, std::move(decisions)};
}

TEST(PairedDifferences, AreTreatmentMinusBaselineOverReplicationsDefinedInBoth) {
  const auto baseline = replications({{0.9, 10}, {0.8, 20}, {kNaN, 30}});
  const auto treatment = replications({{0.95, 13}, {kNaN, 22}, {0.7, 34}});
  const auto differences = omnisim::paired_differences(baseline, treatment);
  ASSERT_EQ(differences.size(), 2u);
  EXPECT_EQ(differences[0].name, "otif");
  EXPECT_EQ(differences[0].summary.n, 1u);
  EXPECT_NEAR(differences[0].summary.mean, 0.05, 1e-12);
  EXPECT_FALSE(differences[0].summary.has_interval());
  EXPECT_EQ(differences[1].summary.n, 3u);
  EXPECT_DOUBLE_EQ(differences[1].summary.mean, 3.0);
  // Differences 3, 2, 4: the paired sd is 1, much tighter than either arm's spread.
  EXPECT_DOUBLE_EQ(differences[1].summary.stddev, 1.0);
  EXPECT_LT(differences[1].summary.ci_low, 3.0);
  EXPECT_GT(differences[1].summary.ci_low, 0.0);
}

TEST(PairedDifferences, UndefinedInEveryPairHasNZero) {
  const auto differences = omnisim::paired_differences(replications({{kNaN, 1}, {0.5, 2}}),
                                                       replications({{0.5, 1}, {kNaN, 2}}));
  EXPECT_EQ(differences[0].summary.n, 0u);
  EXPECT_TRUE(std::isnan(differences[0].summary.mean));
  EXPECT_EQ(differences[1].summary.mean, 0.0);
}

TEST(PairedDifferences, RefuseArmsOfDifferentShapes) {
  EXPECT_THROW(omnisim::paired_differences(replications({{1, 1}}), replications({})),
               std::logic_error);
  auto renamed = replications({{1, 1}});
  renamed[0][1].id = retail::MetricId::gross_margin;
  EXPECT_THROW(omnisim::paired_differences(replications({{1, 1}}), renamed), std::logic_error);
}

TEST(SummarizeDecisions, CountsFiringsAndAveragesOnlyTheTimesReached) {
  const retail::Scenario scenario = scenario_with_rule();
  const auto activity = omnisim::summarize_decisions(
      scenario, {with_decisions({record(10, 20, 22), record(100, 110, -1)}),
                 with_decisions({record(30, -1, -1)})});
  ASSERT_EQ(activity.size(), 1u);
  EXPECT_EQ(activity[0].rule, "web, cancellations");
  EXPECT_EQ(activity[0].owner, "ops");
  EXPECT_EQ(activity[0].firings, 3u);
  EXPECT_DOUBLE_EQ(activity[0].fired_per_replication, 1.5);
  EXPECT_EQ(activity[0].decided, 2u);
  EXPECT_EQ(activity[0].executed, 1u);
  EXPECT_DOUBLE_EQ(activity[0].mean_hours_to_decision, 10.0);
  EXPECT_DOUBLE_EQ(activity[0].mean_hours_to_execution, 12.0);

  const auto quiet = omnisim::summarize_decisions(scenario, {with_decisions({})});
  EXPECT_EQ(quiet[0].firings, 0u);
  EXPECT_TRUE(std::isnan(quiet[0].mean_hours_to_decision));
}

TEST(ComparisonTable, ShowsBothArmsAndTheSignedDifferenceWithItsInterval) {
  const auto baseline = replications({{0.9, 1000}, {0.8, 2000}});
  const auto treatment = replications({{kNaN, 1100}, {0.85, 2300}});
  std::ostringstream out;
  omnisim::print_comparison_table(out, omnisim::summarize_metrics(baseline),
                                  omnisim::summarize_metrics(treatment),
                                  omnisim::paired_differences(baseline, treatment), 2);
  const auto rows = lines(out.str());
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], "metric   status quo  control tower  difference [95 % CI]");
  EXPECT_EQ(rows[1], "otif     0.85        0.85           +0.05 *");
  EXPECT_THAT(rows[2],
              StartsWith("revenue  1500.00     1700.00        +200.00 [-1070.62, 1470.62]"));
  EXPECT_THAT(rows[3], StartsWith("* defined in fewer than all 2 replications"));
  for (const auto& row : rows)
    EXPECT_LE(row.size(), 100u) << row;
}

TEST(ComparisonTable, SaysNAWhereAMetricIsNeverDefined) {
  const auto never = replications({{kNaN, 1}, {kNaN, 1}});
  std::ostringstream out;
  omnisim::print_comparison_table(out, omnisim::summarize_metrics(never),
                                  omnisim::summarize_metrics(never),
                                  omnisim::paired_differences(never, never), 2);
  EXPECT_THAT(out.str(), HasSubstr("otif     n/a         n/a            n/a *\n"));
  EXPECT_THAT(out.str(), HasSubstr("revenue  1           1              0 [0, 0]\n"));
}

TEST(DecisionSummary, ListsEachRuleWithItsOwnerFiringsAndDelays) {
  const retail::Scenario scenario = scenario_with_rule();
  std::ostringstream out;
  omnisim::print_decision_summary(
      out, Arm::control_tower,
      omnisim::summarize_decisions(scenario,
                                   {with_decisions({record(10, 20, 22)}), with_decisions({})}));
  EXPECT_EQ(out.str(),
            "Decisions, control tower (fired: mean times per replication; mean hours from "
            "firing):\n"
            "  rule                owner  fired  to decision  to execution\n"
            "  web, cancellations  ops    0.5    10           12\n");
}

TEST(DecisionsCsv, OneRowPerFiringWithEmptyFieldsForTimesNotReached) {
  const retail::Scenario scenario = scenario_with_rule();
  const auto first = with_decisions({record(1.5, 25.25, -1)});
  const auto second = with_decisions({record(48, 60, 60.5, 0.01)});
  std::ostringstream out;
  omnisim::write_decisions_csv(out, scenario,
                               {{0, Arm::status_quo, &first}, {0, Arm::control_tower, &second}});
  EXPECT_EQ(out.str(),
            "replication,arm,rule,owner,metric,scope,comparator,threshold,fired_at_hours,"
            "value_at_fire,decided_at_hours,executed_at_hours,actions,value_after\n"
            "0,status_quo,\"web, cancellations\",ops,cancellation_rate,channel=web,>=,0.02,1.5,"
            "0.03,25.25,,\"widen_promise(all zones, +24h)\",\n"
            "0,control_tower,\"web, cancellations\",ops,cancellation_rate,channel=web,>=,0.02,48,"
            "0.03,60,60.5,\"widen_promise(all zones, +24h)\",0.01\n");
}

TEST(DecisionsCsv, IsTheHeaderAloneWhenNothingFired) {
  const auto quiet = with_decisions({});
  std::ostringstream out;
  omnisim::write_decisions_csv(out, retail::Scenario{}, {{0, Arm::status_quo, &quiet}});
  EXPECT_EQ(lines(out.str()).size(), 1u);
  EXPECT_THAT(out.str(), StartsWith("replication,arm,rule,owner,"));
}

TEST(ReplicationsCsv, OneRowPerRunWithEverySpineMetric) {
  const auto status_quo = with_decisions({});
  const auto control_tower = with_decisions({});
  std::ostringstream out;
  omnisim::write_replications_csv(
      out, {{0, Arm::status_quo, &status_quo}, {0, Arm::control_tower, &control_tower}});
  const auto rows = lines(out.str());
  ASSERT_EQ(rows.size(), 3u);
  std::string header = "replication,arm";
  for (const auto& metric : retail::spine_metrics(retail::KpiTable(1, 1)))
    header += "," + std::string(retail::metric_key(metric.id));
  EXPECT_EQ(rows[0], header);
  EXPECT_THAT(rows[1], StartsWith("0,status_quo,"));
  EXPECT_THAT(rows[2], StartsWith("0,control_tower,"));
  // An empty table leaves the ratios undefined: empty fields, never "nan".
  EXPECT_THAT(rows[1], HasSubstr(",,"));
  EXPECT_EQ(rows[1].find("nan"), std::string::npos);
}

TEST(ProgressText, ShowsTheBarCountRateAndTimeLeft) {
  EXPECT_EQ(omnisim::format_progress(0, 200, 0.5),
            "[....................] 0/200 replications, -/s, ETA -:--");
  EXPECT_EQ(omnisim::format_progress(37, 200, 3.0),
            "[###.................] 37/200 replications, 12.3/s, ETA 0:13");
  EXPECT_EQ(omnisim::format_progress(1, 4000, 1.0),
            "[....................] 1/4000 replications, 1.0/s, ETA 1:06:39");
  EXPECT_EQ(omnisim::format_progress(200, 200, 10.0),
            "[####################] 200/200 replications, 20.0/s, ETA 0:00");
}

TEST(ProgressBar, DrawsOnItsStreamAndClearsTheLineWhenFinished) {
  std::ostringstream out;
  {
    omnisim::ProgressBar bar(&out, 3);
    bar.advance();
    bar.finish();
    bar.finish();  // idempotent
  }
  const std::string drawn = out.str();
  EXPECT_THAT(drawn, StartsWith("\r["));
  EXPECT_THAT(drawn, HasSubstr("/3 replications"));
  // The last thing written blanks the line and returns to its start.
  EXPECT_EQ(drawn.back(), '\r');
  const std::size_t blank = drawn.rfind('\r', drawn.size() - 2);
  EXPECT_EQ(drawn.find_first_not_of(' ', blank + 1), drawn.size() - 1);
}

TEST(ProgressBar, WithoutAStreamDoesNothing) {
  omnisim::ProgressBar bar(nullptr, 3);
  bar.advance();
  bar.finish();
}

}  // namespace
