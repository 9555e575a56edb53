// Numbers shortest round-trip and text RFC 4180 (tools/results/csv.hpp), so pandas and R read them
// exactly.
#include "tools/experiment/sweep_csv.hpp"

#include <string>

#include "tools/results/arms.hpp"
#include "tools/results/csv.hpp"

namespace omnisim {
namespace {

// point, then the point's value on each axis.
void append_point(std::string& row, const SweepPlan& plan, std::uint64_t point) {
  csv::append_unsigned(row, point);
  const std::vector<std::size_t> at = grid_coordinates(plan.axes, point);
  for (std::size_t a = 0; a < plan.axes.size(); ++a) {
    row.push_back(',');
    csv::append_text(row, plan.axes[a].values[at[a]]);
  }
}

std::string point_header(const SweepPlan& plan) {
  std::string row = "point";
  for (const GridAxis& axis : plan.axes) {
    row.push_back(',');
    csv::append_text(row, axis.path);
  }
  return row;
}

void append_summaries(std::string& row, const std::vector<MetricSummary>& metrics) {
  for (const MetricSummary& metric : metrics) {
    for (const double value : {metric.summary.mean, metric.summary.stddev, metric.summary.ci_low,
                               metric.summary.ci_high}) {
      row.push_back(',');
      csv::append_number(row, value);
    }
  }
}

}  // namespace

void write_sweep_csv(std::ostream& out, const SweepPlan& plan,
                     const std::vector<PointSummary>& points) {
  std::string row = point_header(plan) + ",arm,replications";
  for (const retail::MetricId metric : plan.metrics) {
    for (const char* statistic : {"_mean", "_std", "_ci_low", "_ci_high"}) {
      row.push_back(',');
      csv::append_text(row, std::string(retail::metric_key(metric)) + statistic);
    }
  }
  out << row << '\n';
  for (std::size_t p = 0; p < points.size(); ++p) {
    const auto write_row = [&](std::string_view arm, const std::vector<MetricSummary>& metrics) {
      row.clear();
      append_point(row, plan, p);
      row.push_back(',');
      csv::append_text(row, arm);
      row.push_back(',');
      csv::append_unsigned(row, points[p].replications);
      append_summaries(row, metrics);
      out << row << '\n';
    };
    for (std::size_t a = 0; a < plan.arms.size(); ++a)
      write_row(arm_key(plan.arms[a]), points[p].arms[a]);
    if (points[p].difference) write_row("difference", *points[p].difference);
  }
}

void write_sweep_replications_csv(std::ostream& out, const SweepPlan& plan,
                                  const std::vector<TaskRecord>& records) {
  std::string row = point_header(plan) + ",replication,arm";
  for (const retail::MetricId metric : plan.metrics) {
    row.push_back(',');
    csv::append_text(row, retail::metric_key(metric));
  }
  out << row << '\n';
  for (const TaskRecord& record : records) {
    row.clear();
    append_point(row, plan, record.point);
    row.push_back(',');
    csv::append_unsigned(row, record.replication);
    row.push_back(',');
    csv::append_text(row, arm_key(record.arm));
    for (const double value : record.metrics) {
      row.push_back(',');
      csv::append_number(row, value);
    }
    out << row << '\n';
  }
}

}  // namespace omnisim
