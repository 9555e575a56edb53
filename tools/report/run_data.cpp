// Reading an output directory back for the report. timeseries.csv can be hundreds of megabytes,
// so it streams through once, summed into a few slices, and no row is kept.
#include "tools/report/run_data.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>

#include "tools/results/arms.hpp"
#include "tools/results/csv_reader.hpp"
#include "tools/results/errors.hpp"
#include "tools/results/output_files.hpp"
#include "tools/results/summary_json.hpp"

namespace omnisim {
namespace fs = std::filesystem;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Counters are integers; those that are also flow metrics are written as (integral) doubles.
std::int64_t counter_field(const CsvReader& reader, const std::string& text,
                           const std::string& column) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (!text.empty() && error == std::errc() && end == text.data() + text.size()) return value;
  const double number = number_field(reader, text, column);
  if (!std::isfinite(number) || std::abs(number) > 9.0e15)
    malformed(reader, "column '" + column + "': expected a count, got '" + text + "'");
  return std::llround(number);
}

void require_header(CsvReader& reader, std::vector<std::string>& header) {
  if (!reader.next(header)) throw UsageError(reader.name() + ": empty file (no header)");
}

void require_fields(const CsvReader& reader, const std::vector<std::string>& fields,
                    std::size_t expected) {
  if (fields.size() != expected) {
    malformed(reader, std::to_string(fields.size()) + " fields where the header has " +
                          std::to_string(expected));
  }
}

std::ifstream open_input(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw UsageError("cannot read '" + file.string() +
                     "': a report needs the files 'omnisim run' writes (summary.json, "
                     "replications.csv, timeseries.csv, decisions.csv)");
  }
  return in;
}

}  // namespace

std::optional<std::size_t> ReplicationTable::index(const std::string& metric) const {
  const auto at = std::find(metrics.begin(), metrics.end(), metric);
  if (at == metrics.end()) return std::nullopt;
  return static_cast<std::size_t>(at - metrics.begin());
}

std::optional<SliceFilter> rule_slice(const RuleRecord& rule) {
  if (rule.scope.zone || rule.scope.node) return std::nullopt;
  return SliceFilter{rule.scope.channel.value_or(""), rule.scope.category.value_or("")};
}

std::vector<DailyCounters> read_daily_counters(std::istream& in, const std::string& name,
                                               const std::vector<SliceFilter>& slices) {
  CsvReader reader(in, name);
  std::vector<std::string> header;
  require_header(reader, header);
  std::vector<std::string> wanted = {"replication", "arm", "day", "channel", "category"};
  for (const char* counter : retail::counter_names())
    wanted.emplace_back(counter);
  const std::vector<std::size_t> columns = column_indexes(header, wanted, name);

  std::vector<DailyCounters> out;
  for (const SliceFilter& filter : slices)
    out.push_back({filter, {}});
  std::vector<std::string> fields;
  retail::CounterTotals row{};
  while (reader.next(fields)) {
    require_fields(reader, fields, header.size());
    const std::uint64_t replication = unsigned_field(reader, fields[columns[0]], "replication");
    const std::string& arm = fields[columns[1]];
    const std::uint64_t day = unsigned_field(reader, fields[columns[2]], "day");
    if (day > 1'000'000) malformed(reader, "day " + std::to_string(day) + " is out of range");
    const std::string& channel = fields[columns[3]];
    const std::string& category = fields[columns[4]];
    bool parsed = false;
    for (DailyCounters& slice : out) {
      if (!slice.filter.channel.empty() && slice.filter.channel != channel) continue;
      if (!slice.filter.category.empty() && slice.filter.category != category) continue;
      if (!parsed) {
        for (std::size_t c = 0; c < retail::kCounters; ++c)
          row[c] = counter_field(reader, fields[columns[5 + c]], wanted[5 + c]);
        parsed = true;
      }
      std::vector<retail::CounterTotals>& days = slice.runs[arm][replication];
      if (days.size() <= day) days.resize(day + 1, retail::CounterTotals{});
      retail::CounterTotals& totals = days[day];
      for (std::size_t c = 0; c < retail::kCounters; ++c)
        totals[c] += row[c];
    }
  }
  return out;
}

ReplicationTable read_replications(std::istream& in, const std::string& name) {
  CsvReader reader(in, name);
  std::vector<std::string> header;
  require_header(reader, header);
  column_indexes(header, {"replication", "arm"}, name);
  if (header[0] != "replication" || header[1] != "arm")
    malformed(reader, "expected the header to start with replication,arm");
  ReplicationTable table;
  table.metrics.assign(header.begin() + 2, header.end());
  std::vector<std::string> fields;
  while (reader.next(fields)) {
    require_fields(reader, fields, header.size());
    const std::uint64_t replication = unsigned_field(reader, fields[0], "replication");
    std::vector<double>& values = table.rows[fields[1]][replication];
    values.clear();
    for (std::size_t m = 0; m < table.metrics.size(); ++m)
      values.push_back(number_field(reader, fields[2 + m], table.metrics[m]));
  }
  return table;
}

std::vector<DecisionRow> read_decisions(std::istream& in, const std::string& name) {
  CsvReader reader(in, name);
  std::vector<std::string> header;
  require_header(reader, header);
  const std::vector<std::string> wanted = {"replication",
                                           "arm",
                                           "rule",
                                           "owner",
                                           "metric",
                                           "scope",
                                           "comparator",
                                           "threshold",
                                           "fired_at_hours",
                                           "value_at_fire",
                                           "decided_at_hours",
                                           "executed_at_hours",
                                           "actions",
                                           "value_after"};
  const std::vector<std::size_t> c = column_indexes(header, wanted, name);
  std::vector<DecisionRow> rows;
  std::vector<std::string> fields;
  while (reader.next(fields)) {
    require_fields(reader, fields, header.size());
    DecisionRow row;
    row.replication = unsigned_field(reader, fields[c[0]], wanted[0]);
    row.arm = fields[c[1]];
    row.rule = fields[c[2]];
    row.owner = fields[c[3]];
    row.metric = fields[c[4]];
    row.scope = fields[c[5]];
    row.comparator = fields[c[6]];
    row.threshold = number_field(reader, fields[c[7]], wanted[7]);
    row.fired_at_hours = number_field(reader, fields[c[8]], wanted[8]);
    row.value_at_fire = number_field(reader, fields[c[9]], wanted[9]);
    row.decided_at_hours = number_field(reader, fields[c[10]], wanted[10]);
    row.executed_at_hours = number_field(reader, fields[c[11]], wanted[11]);
    row.actions = fields[c[12]];
    row.value_after = number_field(reader, fields[c[13]], wanted[13]);
    rows.push_back(std::move(row));
  }
  return rows;
}

ReportInput load_report_input(const fs::path& directory) {
  ReportInput input;
  input.directory = directory;
  const std::string run_id = verify_output_set(
      directory, {"summary.json", "replications.csv", "timeseries.csv", "decisions.csv"});
  const fs::path summary_file = directory / "summary.json";
  input.summary = read_run_summary(summary_file);
  for (const ArmSummary& arm : input.summary.arms)
    input.arms.emplace_back(arm_key(arm.arm));
  if (input.summary.run.run_id != run_id) {
    throw UsageError("'" + summary_file.string() + "' does not carry run id " + run_id + " of " +
                     kOutputSetListing + " beside it: the files are not of one run");
  }

  // The whole table, then each distinct slice a rule watches.
  std::vector<SliceFilter> slices = {SliceFilter{}};
  for (const RuleRecord& rule : input.summary.scenario.control_tower.rules) {
    const std::optional<SliceFilter> slice = rule_slice(rule);
    if (!slice) {
      input.rule_slices.push_back(std::nullopt);
      continue;
    }
    const auto at = std::find(slices.begin(), slices.end(), *slice);
    input.rule_slices.push_back(static_cast<std::size_t>(at - slices.begin()));
    if (at == slices.end()) slices.push_back(*slice);
  }

  {
    const fs::path file = directory / "replications.csv";
    std::ifstream in = open_input(file);
    input.replications = read_replications(in, file.string());
  }
  {
    const fs::path file = directory / "timeseries.csv";
    std::ifstream in = open_input(file);
    input.daily = read_daily_counters(in, file.string(), slices);
  }
  {
    const fs::path file = directory / "decisions.csv";
    std::ifstream in = open_input(file);
    input.decisions = read_decisions(in, file.string());
  }
  return input;
}

FlowSeries flow_series(const std::map<std::uint64_t, std::vector<retail::CounterTotals>>& runs,
                       std::uint32_t window_days) {
  if (window_days == 0) window_days = 1;
  const std::size_t metrics = retail::kFlowMetrics;
  FlowSeries series;
  series.reserve(runs.size());
  for (const auto& [replication, days] : runs) {
    std::vector<std::vector<double>>& out = series.emplace_back();
    out.reserve(days.size());
    retail::CounterTotals window{};
    for (std::size_t day = 0; day < days.size(); ++day) {
      for (std::size_t c = 0; c < retail::kCounters; ++c)
        window[c] += days[day][c];
      if (day >= window_days) {
        for (std::size_t c = 0; c < retail::kCounters; ++c)
          window[c] -= days[day - window_days][c];
      }
      if (day + 1 < window_days) {
        out.emplace_back(metrics, kNaN);
        continue;
      }
      std::vector<double>& values = out.emplace_back();
      values.reserve(metrics);
      for (const retail::Metric& metric : retail::flow_metrics(window))
        values.push_back(metric.value);
    }
  }
  return series;
}

std::vector<std::vector<double>> metric_series(const FlowSeries& series, std::size_t metric) {
  std::vector<std::vector<double>> out;
  out.reserve(series.size());
  for (const auto& replication : series) {
    std::vector<double>& values = out.emplace_back();
    values.reserve(replication.size());
    for (const auto& day : replication)
      values.push_back(day.at(metric));
  }
  return out;
}

}  // namespace omnisim
