// The sensitivity fit recovers known response surfaces exactly, in the parameters' own units,
// leaves out axes it cannot use, and gives up terms when points are few.
#include "tools/experiment/sensitivity.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace {

using omnisim::GridAxis;
using omnisim::parse_grid_axis;
using omnisim::Sensitivity;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kTolerance = 1e-9;

// The objective at every point of a grid of two numeric axes, from their values.
std::vector<double> surface(const std::vector<GridAxis>& axes,
                            const std::function<double(double, double)>& response) {
  std::vector<double> objective;
  for (std::size_t p = 0; p < omnisim::grid_size(axes); ++p) {
    const auto at = omnisim::grid_coordinates(axes, p);
    objective.push_back(response(*omnisim::parse_number(axes[0].values[at[0]]),
                                 *omnisim::parse_number(axes[1].values[at[1]])));
  }
  return objective;
}

TEST(FitSensitivity, RecoversAQuadraticSurfaceExactly) {
  const std::vector<GridAxis> axes = {parse_grid_axis("a=-1:1:1"), parse_grid_axis("b=-1,0,1")};
  const auto objective =
      surface(axes, [](double a, double b) { return 3 + 2 * a - 5 * b + a * a; });
  const Sensitivity fit = omnisim::fit_sensitivity(axes, objective);
  ASSERT_EQ(fit.effects.size(), 2u);
  EXPECT_EQ(fit.effects[0].path, "b");  // b matters most
  EXPECT_NEAR(fit.effects[0].swing, 10, kTolerance);
  EXPECT_NEAR(fit.effects[0].linear, -5, kTolerance);
  EXPECT_EQ(fit.effects[1].path, "a");
  // 2a + a^2 over [-1, 1] goes from -1 to 3.
  EXPECT_NEAR(fit.effects[1].swing, 4, kTolerance);
  EXPECT_NEAR(fit.effects[1].linear, 2, kTolerance);
  EXPECT_TRUE(fit.effects[0].quadratic);
  EXPECT_TRUE(fit.effects[1].quadratic);
  EXPECT_NEAR(fit.r_squared, 1, kTolerance);
  EXPECT_EQ(fit.points, 9u);
  EXPECT_EQ(fit.terms, 6u);  // 1, a, b, a^2, b^2, ab
  EXPECT_TRUE(fit.skipped.empty());
}

TEST(FitSensitivity, SlopesAndSwingsAreInTheParametersOwnUnits) {
  // Off-centre ranges and an interaction: at b's centre (20) the response along a is
  // 4a + a^2 + const on [0, 2]; at a's centre (1) it is -4.9b + const on [10, 30].
  const std::vector<GridAxis> axes = {parse_grid_axis("a=0,1,2"), parse_grid_axis("b=10:30:10")};
  const auto objective =
      surface(axes, [](double a, double b) { return 3 + 2 * a - 5 * b + a * a + 0.1 * a * b; });
  const Sensitivity fit = omnisim::fit_sensitivity(axes, objective);
  ASSERT_EQ(fit.effects.size(), 2u);
  EXPECT_EQ(fit.effects[0].path, "b");
  EXPECT_NEAR(fit.effects[0].swing, 98, 1e-8);
  EXPECT_NEAR(fit.effects[0].linear, -4.9, kTolerance);
  EXPECT_EQ(fit.effects[1].path, "a");
  EXPECT_NEAR(fit.effects[1].swing, 12, kTolerance);
  EXPECT_NEAR(fit.effects[1].linear, 6, kTolerance);
  EXPECT_NEAR(fit.r_squared, 1, kTolerance);
}

TEST(FitSensitivity, ASwingCountsTheCurveNotJustItsEnds) {
  // (a - 1)^2 is 1 at both ends of [0, 2] and 0 in the middle.
  const std::vector<GridAxis> axes = {parse_grid_axis("a=0,1,2"), parse_grid_axis("b=0,1")};
  const auto objective =
      surface(axes, [](double a, double b) { return (a - 1) * (a - 1) + 0.5 * b; });
  const Sensitivity fit = omnisim::fit_sensitivity(axes, objective);
  ASSERT_EQ(fit.effects.size(), 2u);
  EXPECT_EQ(fit.effects[0].path, "a");
  EXPECT_NEAR(fit.effects[0].swing, 1, kTolerance);
  EXPECT_NEAR(fit.effects[0].linear, 0, kTolerance);
  EXPECT_TRUE(fit.effects[0].quadratic);
  EXPECT_FALSE(fit.effects[1].quadratic);  // two values cannot show a curve
}

TEST(FitSensitivity, NonNumericAndSingleValueAxesAreSkippedWithTheReason) {
  const std::vector<GridAxis> axes = {parse_grid_axis("a=0,1,2"), parse_grid_axis("mode=x,y"),
                                      parse_grid_axis("c=5")};
  // 2a whatever the mode: points are (a, mode) with a varying slowest.
  const std::vector<double> objective = {0, 0, 2, 2, 4, 4};
  const Sensitivity fit = omnisim::fit_sensitivity(axes, objective);
  ASSERT_EQ(fit.effects.size(), 1u);
  EXPECT_EQ(fit.effects[0].path, "a");
  EXPECT_NEAR(fit.effects[0].swing, 4, kTolerance);
  EXPECT_NEAR(fit.effects[0].linear, 2, kTolerance);
  EXPECT_THAT(fit.skipped, ElementsAre("mode: not numeric", "c: one value"));
  EXPECT_EQ(fit.terms, 3u);
}

TEST(FitSensitivity, UndefinedPointsAreLeftOutAndSquaredTermsDroppedWhenTooFew) {
  const std::vector<GridAxis> axes = {parse_grid_axis("a=0,1,2"), parse_grid_axis("b=0,1,2")};
  // Only the corners are defined: a plane 1 + a + 2b fits them, a quadratic would need 5.
  std::vector<double> objective(9, kNaN);
  objective[0] = 1;
  objective[2] = 5;
  objective[6] = 3;
  objective[8] = 7;
  const Sensitivity fit = omnisim::fit_sensitivity(axes, objective);
  EXPECT_EQ(fit.points, 4u);
  EXPECT_EQ(fit.terms, 3u);
  ASSERT_EQ(fit.effects.size(), 2u);
  EXPECT_EQ(fit.effects[0].path, "b");
  EXPECT_NEAR(fit.effects[0].swing, 4, kTolerance);
  EXPECT_NEAR(fit.effects[0].linear, 2, kTolerance);
  EXPECT_FALSE(fit.effects[0].quadratic);
  EXPECT_NEAR(fit.effects[1].linear, 1, kTolerance);
}

TEST(FitSensitivity, TooFewPointsFitNothingAndSayWhy) {
  const std::vector<GridAxis> axes = {parse_grid_axis("a=0,1,2"), parse_grid_axis("b=0,1,2")};
  std::vector<double> objective(9, kNaN);
  objective[0] = 1;
  objective[4] = 2;
  const Sensitivity fit = omnisim::fit_sensitivity(axes, objective);
  EXPECT_TRUE(fit.effects.empty());
  EXPECT_EQ(fit.points, 2u);
  EXPECT_EQ(fit.terms, 0u);
  EXPECT_TRUE(std::isnan(fit.r_squared));
  ASSERT_EQ(fit.skipped.size(), 2u);
  EXPECT_THAT(fit.skipped[0], HasSubstr("a: too few points with a defined objective (2 for 3"));
}

TEST(FitSensitivity, TheObjectiveMustHaveOneValuePerPoint) {
  EXPECT_THROW(omnisim::fit_sensitivity({parse_grid_axis("a=1,2")}, {1.0}), std::invalid_argument);
}

TEST(PrintSensitivity, NamesTheFitAndWhatMattersMost) {
  const std::vector<GridAxis> axes = {parse_grid_axis("a=-1:1:1"), parse_grid_axis("b=-1,0,1"),
                                      parse_grid_axis("mode=x")};
  const auto objective =
      surface(axes, [](double a, double b) { return 3 + 2 * a - 5 * b + a * a; });
  std::ostringstream out;
  omnisim::print_sensitivity(out, omnisim::fit_sensitivity(axes, objective), "contribution_margin");
  EXPECT_EQ(out.str(),
            "Sensitivity of contribution_margin (least-squares response surface over 9 points, "
            "R² 1):\n"
            "  parameter  swing  slope per unit\n"
            "  b          10     -5              <- matters most\n"
            "  a          4      2\n"
            "  left out: mode: not numeric\n");
}

TEST(PrintSensitivity, SaysSoWhenNothingWasFitted) {
  omnisim::Sensitivity nothing;
  nothing.skipped = {"mode: not numeric"};
  std::ostringstream out;
  omnisim::print_sensitivity(out, nothing, "otif");
  EXPECT_EQ(out.str(),
            "Sensitivity of otif: no response surface fitted.\n"
            "  left out: mode: not numeric\n");
}

}  // namespace
