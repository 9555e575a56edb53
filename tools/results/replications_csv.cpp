// One row per run, numbers shortest round-trip (tools/results/csv.hpp).
#include "tools/results/replications_csv.hpp"

#include <stdexcept>
#include <string>

#include "models/kpi.hpp"
#include "tools/results/csv.hpp"

namespace omnisim {

void write_replications_csv(std::ostream& out, const std::vector<ArmReplication>& runs) {
  // spine_metrics() names its metrics only alongside values; any table gives the same names.
  const std::vector<retail::Metric> names = retail::spine_metrics(retail::KpiTable(1, 1));
  std::string row = "replication,arm";
  for (const auto& metric : names) {
    row.push_back(',');
    csv::append_text(row, metric.name);
  }
  row.push_back('\n');
  out << row;
  for (const ArmReplication& run : runs) {
    const std::vector<retail::Metric> metrics = retail::spine_metrics(run.result->kpis);
    if (metrics.size() != names.size()) {
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
