// One row per run, numbers shortest round-trip (tools/results/csv.hpp).
#include "tools/results/replications_csv.hpp"

#include <stdexcept>
#include <string>

#include "models/metrics/kpi.hpp"
#include "tools/results/csv.hpp"

namespace omnisim {

void write_replications_csv(std::ostream& out, const std::vector<ArmReplication>& runs) {
  std::string row = "replication,arm";
  for (const retail::MetricId id : retail::spine_metric_ids()) {
    row.push_back(',');
    csv::append_text(row, retail::metric_key(id));
  }
  row.push_back('\n');
  out << row;
  for (const ArmReplication& run : runs) {
    const std::vector<retail::Metric> metrics = retail::spine_metrics(run.result->kpis);
    if (metrics.size() != retail::kMetrics) {
      throw std::logic_error("replication " + std::to_string(run.replication) +
                             " reports a different set of metrics");
    }
    row.clear();
    csv::append_unsigned(row, run.replication);
    row.push_back(',');
    csv::append_text(row, arm_key(run.arm));
    for (const auto& metric : metrics) {
      row.push_back(',');
      csv::append_number(row, metric.value);
    }
    row.push_back('\n');
    out << row;
  }
}

}  // namespace omnisim
