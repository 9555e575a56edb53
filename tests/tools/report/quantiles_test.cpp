// The spread the report draws: linear-interpolation quantiles (numpy's default), the daily median
// and 90 % band across replications, and paired differences over the replications both arms
// define.
#include "tools/report/quantiles.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace {

using omnisim::daily_band;
using omnisim::paired_points;
using omnisim::quantile;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(Quantile, InterpolatesBetweenOrderStatistics) {
  // numpy.quantile([1, 2, 3, 4, 10], [0, .05, .25, .5, .95, 1]) = 1, 1.2, 2, 3, 8.8, 10
  const std::vector<double> values = {10, 3, 1, 4, 2};
  EXPECT_DOUBLE_EQ(quantile(values, 0), 1);
  EXPECT_DOUBLE_EQ(quantile(values, 0.05), 1.2);
  EXPECT_DOUBLE_EQ(quantile(values, 0.25), 2);
  EXPECT_DOUBLE_EQ(quantile(values, 0.5), 3);
  EXPECT_DOUBLE_EQ(quantile(values, 0.95), 8.8);
  EXPECT_DOUBLE_EQ(quantile(values, 1), 10);
}

TEST(Quantile, MedianOfAnEvenCountIsTheMiddlePairsMean) {
  EXPECT_DOUBLE_EQ(quantile({4, 1, 3, 2}, 0.5), 2.5);
}

TEST(Quantile, OneValueIsEveryQuantile) {
  EXPECT_DOUBLE_EQ(quantile({7}, 0.05), 7);
  EXPECT_DOUBLE_EQ(quantile({7}, 0.95), 7);
}

TEST(Quantile, IgnoresUndefinedValuesAndIsUndefinedWithoutAny) {
  EXPECT_DOUBLE_EQ(quantile({kNaN, 2, kNaN, 4}, 0.5), 3);
  EXPECT_TRUE(std::isnan(quantile({}, 0.5)));
  EXPECT_TRUE(std::isnan(quantile({kNaN, kNaN}, 0.5)));
}

TEST(Quantile, RejectsAProbabilityOutsideZeroToOne) {
  EXPECT_THROW(quantile({1, 2}, 1.5), std::invalid_argument);
  EXPECT_THROW(quantile({1, 2}, kNaN), std::invalid_argument);
}

TEST(DailyBand, SpreadsEachDayAcrossReplications) {
  // Three replications of three days; day 1 undefined in one, day 2 only in the longest.
  const std::vector<std::vector<double>> values = {{1, 10, 5}, {2, kNaN}, {3, 30}};
  const auto band = daily_band("control_tower", values);
  ASSERT_EQ(band.size(), 3u);
  EXPECT_EQ(band[0].arm, "control_tower");
  EXPECT_EQ(band[0].day, 0u);
  EXPECT_DOUBLE_EQ(band[0].median, 2);
  EXPECT_DOUBLE_EQ(band[0].low, 1.1);   // 1 + 0.05 * 2 * (2 - 1)
  EXPECT_DOUBLE_EQ(band[0].high, 2.9);  // 2 + (0.95 * 2 - 1) * (3 - 2)
  EXPECT_EQ(band[0].n, 3u);
  EXPECT_DOUBLE_EQ(band[1].median, 20);
  EXPECT_EQ(band[1].n, 2u);
  EXPECT_DOUBLE_EQ(band[2].median, 5);
  EXPECT_DOUBLE_EQ(band[2].low, 5);
  EXPECT_EQ(band[2].n, 1u);
}

TEST(DailyBand, ADayUndefinedEverywhereHasNoSpread) {
  const auto band = daily_band("status_quo", {{kNaN, 1}, {kNaN, 2}});
  ASSERT_EQ(band.size(), 2u);
  EXPECT_EQ(band[0].n, 0u);
  EXPECT_TRUE(std::isnan(band[0].median));
  EXPECT_TRUE(std::isnan(band[0].low));
  EXPECT_DOUBLE_EQ(band[1].median, 1.5);
}

TEST(PairedPoints, ControlTowerMinusStatusQuoWhereBothAreDefined) {
  const auto points = paired_points({0, 1, 2, 3}, {10, kNaN, 5, 1}, {12, 3, kNaN, 0.5});
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[0].replication, 0u);
  EXPECT_DOUBLE_EQ(points[0].difference, 2);
  EXPECT_EQ(points[1].replication, 3u);
  EXPECT_DOUBLE_EQ(points[1].difference, -0.5);
}

TEST(PairedPoints, NeedsOneValuePerReplicationAndArm) {
  EXPECT_THROW(paired_points({0, 1}, {1}, {1, 2}), std::invalid_argument);
}

}  // namespace
