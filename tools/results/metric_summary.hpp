// The spine metrics of a run summarised over its replications, and their console table.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "models/metrics/kpi.hpp"
#include "sim/statistics.hpp"

namespace omnisim {

struct MetricSummary {
  std::string name;
  // Over the replications where the metric is defined (n says how many); with n = 0 every
  // field but n is NaN.
  sim::Summary summary;
};

inline constexpr double kConfidence = 0.95;

// One entry per metric, in the order of the first replication's metrics; every replication
// must report the same metrics in the same order (std::logic_error otherwise).
std::vector<MetricSummary> summarize_metrics(
    const std::vector<std::vector<retail::Metric>>& replications);

// A value for a console table: from 100 up with two decimals (money keeps its cents), below to
// four significant digits, "n/a" when undefined; the same on every machine (never the locale's).
std::string format_for_table(double value);

// A difference for a console table: the signed mean and its interval ("+12.50 [3.10, 21.90]"),
// "n/a" when undefined.
std::string format_difference_cell(const sim::Summary& difference);

// Rows as left-aligned columns two spaces apart, each line after `indent`, without trailing
// spaces: every console table.
void print_columns(std::ostream& out, const std::vector<std::vector<std::string>>& rows,
                   std::string_view indent = "");

// metric, mean and confidence interval, aligned, with "n/a" where undefined and a note where a
// metric is defined in fewer than all `replications`.
void print_metric_table(std::ostream& out, const std::vector<MetricSummary>& metrics,
                        std::size_t replications);

}  // namespace omnisim
