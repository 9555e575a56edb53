// What report.html is made from: the files `omnisim run` wrote into one output directory, read
// back (summary.json, replications.csv, timeseries.csv summed to the slices the report shows,
// decisions.csv), and the daily KPI series computed from timeseries.csv's counters.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "models/metrics/kpi.hpp"
#include "tools/results/run_summary.hpp"

namespace omnisim {

// replications.csv: each arm's spine metrics per replication.
struct ReplicationTable {
  std::vector<std::string> metrics;  // the columns after replication and arm, in file order
  // arm key -> replication -> one value per metric (NaN where the field is empty)
  std::map<std::string, std::map<std::uint64_t, std::vector<double>>> rows;

  // Where `metric` is among `metrics`, or nullopt.
  std::optional<std::size_t> index(const std::string& metric) const;
};

// A part of the KPI table: one channel and/or one category, empty meaning all.
struct SliceFilter {
  std::string channel;
  std::string category;
  bool operator==(const SliceFilter&) const = default;
};

// timeseries.csv's counters summed over the rows of one slice, per arm, replication and day.
struct DailyCounters {
  SliceFilter filter;
  // arm key -> replication -> day -> counter totals
  std::map<std::string, std::map<std::uint64_t, std::vector<retail::CounterTotals>>> runs;
};

// One row of decisions.csv; hours are NaN where the field is empty (not reached).
struct DecisionRow {
  std::uint64_t replication = 0;
  std::string arm;
  std::string rule;
  std::string owner;
  std::string metric;
  std::string scope;
  std::string comparator;
  double threshold = 0;
  double fired_at_hours = 0;
  double value_at_fire = 0;
  double decided_at_hours = 0;
  double executed_at_hours = 0;
  std::string actions;
  double value_after = 0;
};

struct ReportInput {
  std::filesystem::path directory;
  RunSummary summary;
  std::vector<std::string> arms;  // the arm keys of summary.arms, in its order
  ReplicationTable replications;
  // daily[0]: the whole table; then one per distinct slice the rules watch (see rule_slices).
  std::vector<DailyCounters> daily;
  // Per rule of summary.scenario.control_tower.rules: its index in `daily`, or nullopt
  // when its scope (a zone or a node) is finer than timeseries.csv's channel x category.
  std::vector<std::optional<std::size_t>> rule_slices;
  std::vector<DecisionRow> decisions;
};

// The slice of timeseries.csv a rule computes its metric over, or nullopt when its scope names a
// zone or node.
std::optional<SliceFilter> rule_slice(const RuleRecord& rule);

// Reads every input file of `directory`; throws UsageError when one is missing or malformed
// (naming the file and line, or for summary.json the key: SummaryFormatError), or when they are
// not one run's output set (verify_output_set).
ReportInput load_report_input(const std::filesystem::path& directory);

// Reads timeseries.csv from `in` (named `name` in errors), summing every counter into each slice
// whose channel and category match the row.
std::vector<DailyCounters> read_daily_counters(std::istream& in, const std::string& name,
                                               const std::vector<SliceFilter>& slices);
ReplicationTable read_replications(std::istream& in, const std::string& name);
std::vector<DecisionRow> read_decisions(std::istream& in, const std::string& name);

// One arm's flow metrics (retail::flow_metric_ids() order) per replication (ascending) and
// day. With window_days > 1, day d's values are over days d - window_days + 1 .. d, as a rule
// with that window sees them once day d is complete (NaN for the first window_days - 1 days).
using FlowSeries = std::vector<std::vector<std::vector<double>>>;  // [replication][day][metric]
FlowSeries flow_series(const std::map<std::uint64_t, std::vector<retail::CounterTotals>>& runs,
                       std::uint32_t window_days = 1);

// One metric of a FlowSeries: [replication][day].
std::vector<std::vector<double>> metric_series(const FlowSeries& series, std::size_t metric);

}  // namespace omnisim
