// How the report names, explains and formats each metric of the execution spine and money: the
// words a client reads, and the number formats of tables (in C++) and charts (d3-format).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace omnisim {

enum class MetricKind {
  share,    // a rate in [0, 1], shown as a percentage; differences in percentage points
  ratio,    // a small ratio (returns per order)
  per_100,  // a rate per 100 (contacts per 100 orders)
  count,    // units, orders
  money,    // currency units
  hours,    // a duration in hours
  number,   // anything else
};

struct MetricInfo {
  std::string_view key;    // the name in the output files
  std::string_view label;  // "Availability integrity"
  MetricKind kind = MetricKind::number;
  bool higher_is_better = true;
  std::string_view meaning;  // one sentence for a client
};

// The metric's description; an unknown key gets its own name as label and kind number.
MetricInfo metric_info(std::string_view key);

// The spine KPIs the report follows day by day, in order.
const std::vector<std::string_view>& daily_spine_metrics();
// The spine KPIs (and contribution margin) whose paired differences the report shows.
const std::vector<std::string_view>& paired_spine_metrics();
// The components of margin leakage (replications.csv / summary.json metric names), in order.
const std::vector<std::string_view>& leakage_components();

// "87.5 %", "0.0812", "3.04", "1,234", "$4,712", "12.5 h"; "n/a" for NaN.
std::string format_value(double value, MetricKind kind);
// A difference: "+2.7 pts", "-0.0080", "+$4,712" (always signed); "n/a" for NaN.
std::string format_difference(double value, MetricKind kind);
// d3-format specifier for chart axes and tooltips (".1%", "$,.0f", ...).
std::string_view chart_format(MetricKind kind);
// The same for differences, which are often much smaller than the values (".2~%", ...).
std::string_view chart_difference_format(MetricKind kind);

}  // namespace omnisim
