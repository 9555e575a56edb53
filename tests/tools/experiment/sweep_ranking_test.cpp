// Ranking a sweep's points: objectives default to the metric's better direction, constraints
// take only >= and <=, and the order is total (feasible first, NaN last, ties by point).
#include "tools/experiment/sweep_ranking.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "tools/results/errors.hpp"

namespace {

using omnisim::Comparison;
using omnisim::Constraint;
using omnisim::Direction;
using omnisim::MetricSummary;
using omnisim::Objective;
using omnisim::parse_constraint;
using omnisim::parse_objective;
using omnisim::RankedPoint;
using omnisim::UsageError;
using retail::MetricId;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

template <class Parse>
std::string error_of(Parse parse, std::string_view text) {
  try {
    parse(text);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

std::string objective_error(std::string_view text) {
  return error_of(parse_objective, text);
}
std::string constraint_error(std::string_view text) {
  return error_of(parse_constraint, text);
}

TEST(Objective, TheDirectionDefaultsToWhatIsBetterForTheMetric) {
  EXPECT_EQ(parse_objective("contribution_margin").direction, Direction::maximize);
  EXPECT_EQ(parse_objective("cancellation_rate").direction, Direction::minimize);
  EXPECT_EQ(parse_objective("margin_leakage").direction, Direction::minimize);
  EXPECT_EQ(parse_objective("otif").metric, MetricId::otif);
}

TEST(Objective, AnExplicitDirectionWins) {
  EXPECT_EQ(parse_objective("cancellation_rate:max").direction, Direction::maximize);
  EXPECT_EQ(parse_objective("revenue:min").direction, Direction::minimize);
  EXPECT_EQ(parse_objective("revenue:min").metric, MetricId::revenue);
  EXPECT_THAT(objective_error("revenue:up"), HasSubstr("NAME:max or NAME:min"));
  EXPECT_THAT(objective_error(":max"), HasSubstr("name is empty"));
}

TEST(Objective, AnUnknownMetricSuggestsNamesSharingAWord) {
  const std::string error = objective_error("margin:max");
  EXPECT_THAT(error, HasSubstr("--objective 'margin:max'"));
  EXPECT_THAT(error, HasSubstr("unknown metric 'margin'"));
  // In catalogue order.
  EXPECT_THAT(error, HasSubstr("gross_margin, margin_leakage or contribution_margin"));
  EXPECT_THAT(error, Not(HasSubstr("revenue")));
  EXPECT_THAT(objective_error("otiff"), HasSubstr("did you mean otif or order_otif?"));
  EXPECT_THAT(objective_error("fill_rate"), HasSubstr("cancellation_rate"));
  EXPECT_THAT(objective_error("profit"), HasSubstr("see replications.csv's header for the names"));
}

TEST(Constraint, ParsesAtLeastAndAtMostWithSpaces) {
  const Constraint at_least = parse_constraint("otif>=0.95");
  EXPECT_EQ(at_least.metric, MetricId::otif);
  EXPECT_EQ(at_least.comparison, Comparison::at_least);
  EXPECT_EQ(at_least.bound, 0.95);
  EXPECT_EQ(at_least.text, "otif>=0.95");
  const Constraint at_most = parse_constraint(" cancellation_rate <= 2e-2 ");
  EXPECT_EQ(at_most.metric, MetricId::cancellation_rate);
  EXPECT_EQ(at_most.comparison, Comparison::at_most);
  EXPECT_EQ(at_most.bound, 0.02);
  EXPECT_EQ(at_most.text, "cancellation_rate<=2e-2");
}

TEST(Constraint, OnlyGreaterOrEqualAndLessOrEqualAreAccepted) {
  for (const char* text :
       {"otif>0.95", "otif<0.95", "otif=0.95", "otif==0.95", "otif=>0.95", "otif 0.95", ">=0.95"}) {
    EXPECT_THAT(constraint_error(text), HasSubstr("expected METRIC>=BOUND or METRIC<=BOUND"))
        << text;
  }
  // What the command receives when the shell took an unquoted ">=0.95" as a redirection.
  EXPECT_THAT(constraint_error("otif"), HasSubstr("no comparison; expected METRIC>=BOUND"));
  EXPECT_THAT(constraint_error("otif"), HasSubstr("quoted for the shell, such as 'otif>=0.95'"));
  EXPECT_THAT(constraint_error("otif>=high"), HasSubstr("'high' is not a number"));
  EXPECT_THAT(constraint_error("otif>=0.9<=1"), HasSubstr("is not a number"));
  EXPECT_THAT(constraint_error("otiff>=0.9"), HasSubstr("--constraint 'otiff>=0.9'"));
  EXPECT_THAT(constraint_error("otiff>=0.9"), HasSubstr("did you mean otif or order_otif?"));
}

TEST(Constraint, AnUndefinedValueNeverSatisfiesIt) {
  const Constraint at_least = parse_constraint("otif>=0.95");
  const Constraint at_most = parse_constraint("otif<=0.95");
  EXPECT_TRUE(omnisim::satisfies(at_least, 0.95));
  EXPECT_FALSE(omnisim::satisfies(at_least, 0.94));
  EXPECT_TRUE(omnisim::satisfies(at_most, 0.95));
  EXPECT_FALSE(omnisim::satisfies(at_most, 0.96));
  EXPECT_FALSE(omnisim::satisfies(at_least, kNaN));
  EXPECT_FALSE(omnisim::satisfies(at_most, kNaN));
}

// One point's summaries: its contribution margin and otif means, from 10 replications.
std::vector<MetricSummary> point(double margin, double otif) {
  return {{"contribution_margin", {10, margin, 5, margin - 3, margin + 3, 0.95}},
          {"otif", {10, otif, 0.01, otif - 0.01, otif + 0.01, 0.95}}};
}

std::vector<std::size_t> order(const std::vector<RankedPoint>& ranking) {
  std::vector<std::size_t> points;
  for (const auto& ranked : ranking)
    points.push_back(ranked.point);
  return points;
}

TEST(RankPoints, BestFirstInTheObjectivesDirectionWithTiesByPoint) {
  const std::vector<std::vector<MetricSummary>> summaries = {point(100, 0.9), point(300, 0.9),
                                                             point(200, 0.9), point(300, 0.9)};
  EXPECT_THAT(order(omnisim::rank_points(summaries,
                                         {MetricId::contribution_margin, Direction::maximize}, {})),
              ElementsAre(1, 3, 2, 0));
  EXPECT_THAT(order(omnisim::rank_points(summaries,
                                         {MetricId::contribution_margin, Direction::minimize}, {})),
              ElementsAre(0, 2, 1, 3));
}

TEST(RankPoints, InfeasiblePointsComeAfterFeasibleOnesAndNaNLastInEach) {
  const std::vector<std::vector<MetricSummary>> summaries = {
      point(500, 0.90),   // infeasible, best objective
      point(100, 0.96),   // feasible
      point(kNaN, 0.97),  // feasible, undefined objective
      point(200, 0.95),   // feasible (the bound itself)
      point(kNaN, 0.5),   // infeasible, undefined objective
      point(300, kNaN),   // infeasible: undefined otif
  };
  const std::vector<Constraint> constraints = {parse_constraint("otif>=0.95")};
  const auto ranking = omnisim::rank_points(
      summaries, {MetricId::contribution_margin, Direction::maximize}, constraints);
  EXPECT_THAT(order(ranking), ElementsAre(3, 1, 2, 0, 5, 4));
  EXPECT_TRUE(ranking[0].feasible);
  EXPECT_TRUE(ranking[0].violated.empty());
  EXPECT_FALSE(ranking[3].feasible);
  EXPECT_THAT(ranking[3].violated, ElementsAre("otif>=0.95"));
  EXPECT_EQ(ranking[0].objective, 200);
  EXPECT_TRUE(std::isnan(ranking[2].objective));
}

TEST(RankPoints, EveryViolatedConstraintIsListed) {
  const std::vector<Constraint> constraints = {parse_constraint("otif>=0.95"),
                                               parse_constraint("contribution_margin<=50")};
  const auto ranking = omnisim::rank_points(
      {point(100, 0.9)}, {MetricId::contribution_margin, Direction::maximize}, constraints);
  EXPECT_THAT(ranking[0].violated, ElementsAre("otif>=0.95", "contribution_margin<=50"));
}

TEST(RankPoints, AMissingMetricIsAProgrammingError) {
  EXPECT_THROW(omnisim::rank_points({point(1, 1)}, {MetricId::revenue, Direction::maximize}, {}),
               std::logic_error);
}

TEST(PrintRanking, AnAlignedTableWithAHeadlineAndALimit) {
  const std::vector<omnisim::GridAxis> axes = {
      omnisim::parse_grid_axis("control_tower.rules.0.threshold=0.01,0.02"),
      omnisim::parse_grid_axis("control_tower.rules.1.threshold=5,10"),
      omnisim::parse_grid_axis("horizon_days=28")};
  const std::vector<std::vector<MetricSummary>> summaries = {point(100, 0.96), point(4712.5, 0.90),
                                                             point(300, 0.97), point(200, 0.99)};
  const std::vector<Constraint> constraints = {parse_constraint("otif>=0.95")};
  const Objective objective{MetricId::contribution_margin, Direction::maximize};
  const auto ranking = omnisim::rank_points(summaries, objective, constraints);
  std::ostringstream out;
  omnisim::print_ranking(out, axes, ranking, summaries, objective, constraints, "control tower", 3);
  EXPECT_EQ(out.str(),
            "Points ranked by contribution_margin (higher is better) in the control tower arm, "
            "constraint otif>=0.95: 3 of 4 points feasible.\n"
            "rank  control_tower.rules.0.threshold  control_tower.rules.1.threshold  horizon_days  "
            "contribution_margin  95% CI            half-width  n   violates\n"
            "1     0.02                             5                                28            "
            "300.00               [297.00, 303.00]  3           10\n"
            "2     0.02                             10                               28            "
            "200.00               [197.00, 203.00]  3           10\n"
            "3     0.01                             5                                28            "
            "100.00               [97, 103.00]      3           10\n"
            "... and 1 more point\n");
}

TEST(PrintRanking, HeadingsAreLastPathSegmentsWhenDistinct) {
  const std::vector<omnisim::GridAxis> axes = {omnisim::parse_grid_axis("a.threshold=1,2"),
                                               omnisim::parse_grid_axis("/b/timebox_h=3")};
  const std::vector<std::vector<MetricSummary>> summaries = {point(1, 0.5), point(2, 0.5)};
  const Objective objective{MetricId::contribution_margin, Direction::minimize};
  std::ostringstream out;
  omnisim::print_ranking(out, axes, omnisim::rank_points(summaries, objective, {}), summaries,
                         objective, {}, "status quo", 10);
  EXPECT_EQ(out.str(),
            "Points ranked by contribution_margin (lower is better) in the status quo arm: 2 "
            "points.\n"
            "rank  threshold  timebox_h  contribution_margin  95% CI   half-width  n\n"
            "1     1          3          1                    [-2, 4]  3           10\n"
            "2     2          3          2                    [-1, 5]  3           10\n");
}

}  // namespace

TEST(PrintRanking, PairedDifferencesFromTheBestPointWhenGiven) {
  const std::vector<omnisim::GridAxis> axes = {omnisim::parse_grid_axis("a.threshold=1,2,3")};
  const std::vector<std::vector<MetricSummary>> summaries = {point(1, 0.5), point(3, 0.5),
                                                             point(2, 0.5)};
  const Objective objective{MetricId::contribution_margin, Direction::maximize};
  auto ranking = omnisim::rank_points(summaries, objective, {});
  ranking[1].versus_best = sim::Summary{10, -1.0, 0.5, -1.25, -0.75, 0.95};
  std::ostringstream out;
  omnisim::print_ranking(out, axes, ranking, summaries, objective, {}, "control tower", 10);
  EXPECT_EQ(out.str(),
            "Points ranked by contribution_margin (higher is better) in the control tower arm: 3 "
            "points.\n"
            "rank  threshold  contribution_margin  95% CI   half-width  n   vs best (paired)\n"
            "1     2          3                    [0, 6]   3           10  best\n"
            "2     3          2                    [-1, 5]  3           10  -1 [-1.25, -0.75]\n"
            "3     1          1                    [-2, 4]  3           10  n/a\n");
}
