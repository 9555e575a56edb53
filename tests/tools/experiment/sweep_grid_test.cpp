// --grid axes: lists split around JSON, ranges that land on their stop, errors that name the
// argument, and the points of the full-factorial grid in nested-loop order.
#include "tools/experiment/sweep_grid.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tools/results/errors.hpp"

namespace {

using omnisim::GridAxis;
using omnisim::parse_grid_axis;
using omnisim::UsageError;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> values(std::string_view argument) {
  return parse_grid_axis(argument).values;
}

// The message of the UsageError `argument` throws, or "" when it parses.
std::string error_of(std::string_view argument) {
  try {
    parse_grid_axis(argument);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

TEST(GridAxis, AListIsSplitOnCommasAndTrimmed) {
  const GridAxis axis = parse_grid_axis("control_tower.rules.0.threshold = 0.01, 0.02 ,0.03");
  EXPECT_EQ(axis.path, "control_tower.rules.0.threshold");
  EXPECT_THAT(axis.values, ElementsAre("0.01", "0.02", "0.03"));
  EXPECT_TRUE(axis.numeric());
}

TEST(GridAxis, CommasInsideJsonArraysObjectsAndStringsDoNotSplit) {
  EXPECT_THAT(values("a=[1,2],[3,[4,5]]"), ElementsAre("[1,2]", "[3,[4,5]]"));
  EXPECT_THAT(values(R"(a={"x":1,"y":2}, {"x":3})"), ElementsAre(R"({"x":1,"y":2})", R"({"x":3})"));
  EXPECT_THAT(values(R"(a="one, two","three \", four")"),
              ElementsAre(R"("one, two")", R"("three \", four")"));
  EXPECT_FALSE(parse_grid_axis("a=[1,2],[3,4]").numeric());
}

TEST(GridAxis, AJsonPointerPathIsKeptAsWritten) {
  EXPECT_EQ(parse_grid_axis("/network/dcs/0/pickers=4,8").path, "/network/dcs/0/pickers");
}

TEST(GridAxis, ARangeIncludesItsStopDespiteRounding) {
  EXPECT_THAT(values("a=0.9:0.99:0.03"), ElementsAre("0.9", "0.93", "0.96", "0.99"));
  EXPECT_THAT(values("a=1:3:1"), ElementsAre("1", "2", "3"));
  EXPECT_THAT(values("a=1:3.5:1"), ElementsAre("1", "2", "3"));
  EXPECT_THAT(values("a=5:5:1"), ElementsAre("5"));
}

TEST(GridAxis, RangeValuesAreComputedNotAccumulatedAndPrintedShort) {
  // Accumulating 0.1 gives 0.30000000000000004; start + 3 * step rounded to 12 digits is 0.3.
  EXPECT_THAT(values("a=0:0.3:0.1"), ElementsAre("0", "0.1", "0.2", "0.3"));
  // -0.3 + 3 * 0.1 is 5.55e-17 in binary; it is meant to be zero.
  EXPECT_THAT(values("a=-0.3:0.3:0.1"),
              ElementsAre("-0.3", "-0.2", "-0.1", "0", "0.1", "0.2", "0.3"));
}

TEST(GridAxis, ANegativeStepCountsDown) {
  EXPECT_THAT(values("a=10:4:-3"), ElementsAre("10", "7", "4"));
  EXPECT_THAT(values("a=1:0.5:-0.25"), ElementsAre("1", "0.75", "0.5"));
}

TEST(GridAxis, ASingleValueIsARangeOnlyWhenItsThreePartsAreNumbers) {
  EXPECT_THAT(values("a=x:y"), ElementsAre("x:y"));
  EXPECT_THAT(values("a=1:2"), ElementsAre("1:2"));
  EXPECT_THAT(values("a=1:2:x"), ElementsAre("1:2:x"));
  EXPECT_THAT(values("a=1:2:1:1"), ElementsAre("1:2:1:1"));
  // Two values are a list even when they look like ranges.
  EXPECT_THAT(values("a=1:3:1,2:4:1"), ElementsAre("1:3:1", "2:4:1"));
  EXPECT_FALSE(parse_grid_axis("a=x:y").numeric());
}

TEST(GridAxis, RangeErrorsNameTheArgumentAndTheProblem) {
  EXPECT_THAT(error_of("a.b=1:0:1"), HasSubstr("--grid 'a.b=1:0:1'"));
  EXPECT_THAT(error_of("a.b=1:0:1"), HasSubstr("step must be negative"));
  EXPECT_THAT(error_of("a=0:1:-0.5"), HasSubstr("step must be positive"));
  EXPECT_THAT(error_of("a=0:1:0"), HasSubstr("step must not be 0"));
  EXPECT_THAT(error_of("a=0:10000:1"), HasSubstr("more than 10000 values"));
  EXPECT_THAT(error_of("a=0:1:inf"), HasSubstr("finite"));
  EXPECT_THAT(error_of("a=nan:1:1"), HasSubstr("finite"));
  // Exactly 10000 values is allowed.
  EXPECT_EQ(values("a=1:10000:1").size(), 10000u);
}

TEST(GridAxis, MalformedArgumentsAreUsageErrors) {
  EXPECT_THAT(error_of("a"), HasSubstr("expected PATH=V1,V2"));
  EXPECT_THAT(error_of("=1,2"), HasSubstr("path before '=' is empty"));
  EXPECT_THAT(error_of("a="), HasSubstr("no values"));
  EXPECT_THAT(error_of("a=1,,2"), HasSubstr("value 2 is empty"));
  EXPECT_THAT(error_of("a=1,2,"), HasSubstr("value 3 is empty"));
  EXPECT_THAT(error_of("a=1,2,1"), HasSubstr("'1' is given twice"));
  EXPECT_THAT(error_of("a=1,1.0"), HasSubstr("'1' and '1.0' are the same number"));
  EXPECT_THAT(error_of("a=x,x"), HasSubstr("given twice"));
  // Rounding to 12 significant digits would make these two range values one.
  EXPECT_THAT(error_of("a=1:1.0000000000002:1e-13"), HasSubstr("'1' is given twice"));
}

TEST(GridAxes, DuplicatePathsAndNoAxesAreUsageErrors) {
  EXPECT_THROW(omnisim::check_axes({}), UsageError);
  const std::vector<GridAxis> axes = {parse_grid_axis("a=1,2"), parse_grid_axis("b=1"),
                                      parse_grid_axis("a=3")};
  try {
    omnisim::check_axes(axes);
    FAIL() << "expected UsageError";
  } catch (const UsageError& e) {
    EXPECT_THAT(e.what(), HasSubstr("'a' is given twice"));
  }
  EXPECT_NO_THROW(omnisim::check_axes({parse_grid_axis("a=1,2"), parse_grid_axis("b=1")}));
}

TEST(GridAxes, AGridOfMoreThanTenThousandPointsIsRefusedFromTheAxisSizes) {
  // 100 x 100 is the most; one more value makes 10100 points.
  EXPECT_NO_THROW(
      omnisim::check_axes({parse_grid_axis("a=1:100:1"), parse_grid_axis("b=1:100:1")}));
  try {
    omnisim::check_axes({parse_grid_axis("a=1:101:1"), parse_grid_axis("b=1:100:1")});
    FAIL() << "expected UsageError";
  } catch (const UsageError& e) {
    EXPECT_THAT(e.what(), HasSubstr("--grid: 101 x 100 values make 10100 grid points, more than "
                                    "the 10000 one sweep takes: use fewer values"));
  }
  // A million points, or more than a size_t can count, are refused alike.
  const GridAxis thousand = parse_grid_axis("a=1:1000:1");
  std::vector<GridAxis> huge(7, thousand);
  for (std::size_t a = 0; a < huge.size(); ++a)
    huge[a].path = "axis" + std::to_string(a);
  try {
    omnisim::check_axes(huge);
    FAIL() << "expected UsageError";
  } catch (const UsageError& e) {
    EXPECT_THAT(e.what(), HasSubstr("values make 1e+21 grid points, more than the 10000"));
  }
}

TEST(GridAxis, RefusesAxesThatTheSweepsOwnOptionsSet) {
  for (const char* argument : {"seed=1,2,3", "/seed=1,2", "seed=1:3:1"}) {
    EXPECT_THAT(error_of(argument),
                HasSubstr("every point of a sweep runs on the same random numbers, so that their "
                          "differences are the parameters' and not chance's: set the seed with "
                          "--seed S"))
        << argument;
  }
  for (const char* argument : {"replications=10,20", "/replications=5"}) {
    EXPECT_THAT(error_of(argument),
                HasSubstr("every point of a sweep gets the same replications: set them with "
                          "--reps N, or with --reps auto"))
        << argument;
  }
  // Fields that merely start alike are grid axes like any other.
  EXPECT_EQ(error_of("seeds=1,2"), "");
  EXPECT_EQ(error_of("/replications_note=1,2"), "");
}

TEST(GridPoints, TheFirstAxisVariesSlowest) {
  const std::vector<GridAxis> axes = {parse_grid_axis("a=1,2"), parse_grid_axis("b=x,y,z")};
  ASSERT_EQ(omnisim::grid_size(axes), 6u);
  std::vector<std::vector<std::size_t>> coordinates;
  for (std::size_t p = 0; p < 6; ++p)
    coordinates.push_back(omnisim::grid_coordinates(axes, p));
  EXPECT_THAT(coordinates, ElementsAre(ElementsAre(0, 0), ElementsAre(0, 1), ElementsAre(0, 2),
                                       ElementsAre(1, 0), ElementsAre(1, 1), ElementsAre(1, 2)));
  EXPECT_THROW(omnisim::grid_coordinates(axes, 6), std::out_of_range);
}

TEST(GridPoints, OverridesAreSetAssignmentsInAxisOrder) {
  const std::vector<GridAxis> axes = {parse_grid_axis("horizon_days=28,56"),
                                      parse_grid_axis("/network/dcs/0/pickers=4:8:4"),
                                      parse_grid_axis("carriers.parcelco.mode=[1,2],\"slow\"")};
  EXPECT_EQ(omnisim::grid_size(axes), 8u);
  EXPECT_THAT(
      omnisim::point_overrides(axes, 0),
      ElementsAre("horizon_days=28", "/network/dcs/0/pickers=4", "carriers.parcelco.mode=[1,2]"));
  EXPECT_THAT(omnisim::point_overrides(axes, 7),
              ElementsAre("horizon_days=56", "/network/dcs/0/pickers=8",
                          "carriers.parcelco.mode=\"slow\""));
  EXPECT_THAT(omnisim::point_overrides(axes, 5),
              ElementsAre("horizon_days=56", "/network/dcs/0/pickers=4",
                          "carriers.parcelco.mode=\"slow\""));
}

TEST(ParseNumber, OnlyWholeFiniteNumbers) {
  EXPECT_EQ(omnisim::parse_number("-2.5e3"), -2500.0);
  EXPECT_FALSE(omnisim::parse_number("2.5x"));
  EXPECT_FALSE(omnisim::parse_number(""));
  EXPECT_FALSE(omnisim::parse_number("inf"));
  EXPECT_FALSE(omnisim::parse_number("nan"));
}

}  // namespace
