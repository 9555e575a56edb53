// How the report writes numbers: by the metric's kind, the same on every machine, signed for
// differences, "n/a" for undefined.
#include "tools/results/metric_format.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace {

using omnisim::format_difference;
using omnisim::format_value;
using retail::MetricKind;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(FormatValue, ByKind) {
  EXPECT_EQ(format_value(0.875, MetricKind::share), "87.5 %");
  EXPECT_EQ(format_value(0.08123, MetricKind::ratio), "0.0812");
  EXPECT_EQ(format_value(3.041, MetricKind::per_100), "3.04");
  EXPECT_EQ(format_value(1234567, MetricKind::count), "1,234,567");
  EXPECT_EQ(format_value(44.7, MetricKind::count), "44.7");
  EXPECT_EQ(format_value(28, MetricKind::count), "28");
  EXPECT_EQ(format_value(4712.4, MetricKind::money), "$4,712");
  EXPECT_EQ(format_value(-14400, MetricKind::money), "-$14,400");
  EXPECT_EQ(format_value(24, MetricKind::hours), "24 h");
  EXPECT_EQ(format_value(10.71, MetricKind::hours), "10.7 h");
  EXPECT_EQ(format_value(0.134, MetricKind::hours), "0.13 h");
  EXPECT_EQ(format_value(17.8204, MetricKind::number), "17.82");
  EXPECT_EQ(format_value(kNaN, MetricKind::money), "n/a");
}

TEST(FormatValue, NoNegativeZero) {
  EXPECT_EQ(format_value(-0.0001, MetricKind::money), "$0");
  EXPECT_EQ(format_value(-0.00001, MetricKind::share), "0.0 %");
}

TEST(FormatDifference, SignedAndRatesInPoints) {
  EXPECT_EQ(format_difference(0.027, MetricKind::share), "+2.70 pts");
  EXPECT_EQ(format_difference(-0.0077, MetricKind::ratio), "-0.0077");
  EXPECT_EQ(format_difference(4712, MetricKind::money), "+$4,712");
  EXPECT_EQ(format_difference(-1423, MetricKind::count), "-1,423");
  EXPECT_EQ(format_difference(kNaN, MetricKind::count), "n/a");
}

}  // namespace
