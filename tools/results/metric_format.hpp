// How the report writes a metric's value: the number format of each metric kind
// (models/metrics/catalogue.hpp), for tables (in C++) and charts (d3-format).
#pragma once

#include <string>
#include <string_view>

#include "models/metrics/catalogue.hpp"

namespace omnisim {

// "87.5 %", "0.0812", "3.04", "1,234", "$4,712", "12.5 h"; "n/a" for NaN.
std::string format_value(double value, retail::MetricKind kind);
// A difference: "+2.7 pts", "-0.0080", "+$4,712" (always signed); "n/a" for NaN.
std::string format_difference(double value, retail::MetricKind kind);
// d3-format specifier for chart axes and tooltips (".1%", "$,.0f", ...).
std::string_view chart_format(retail::MetricKind kind);
// The same for differences, which are often much smaller than the values (".2~%", ...).
std::string_view chart_difference_format(retail::MetricKind kind);

}  // namespace omnisim
