// Reading a sweep's output directory back for its report. sweep.csv is checked against the grid
// that manifest.json records, so a report never pairs a point with the wrong parameter values.
#include "tools/report/sweep_data.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <limits>

#include "models/scenario/loader.hpp"
#include "tools/experiment/sweep_manifest.hpp"
#include "tools/experiment/sweep_study.hpp"
#include "tools/results/csv_reader.hpp"
#include "tools/results/errors.hpp"

namespace omnisim {
namespace fs = std::filesystem;

namespace {

using json = nlohmann::json;

constexpr const char* kDifferenceRow = "difference";
constexpr std::array<const char*, 4> kStatistics = {"_mean", "_std", "_ci_low", "_ci_high"};

// The metric names of sweep.csv's header after `first` (point, axes, arm, replications).
std::vector<std::string> metric_columns(const CsvReader& reader,
                                        const std::vector<std::string>& header, std::size_t first) {
  if ((header.size() - first) % kStatistics.size() != 0)
    malformed(reader, "expected four columns (_mean, _std, _ci_low, _ci_high) per metric");
  std::vector<std::string> metrics;
  for (std::size_t c = first; c < header.size(); c += kStatistics.size()) {
    const std::string& mean = header[c];
    const std::string suffix = kStatistics[0];
    if (mean.size() <= suffix.size() || !mean.ends_with(suffix))
      malformed(reader, "column '" + mean + "': expected a metric's _mean column");
    std::string metric = mean.substr(0, mean.size() - suffix.size());
    for (std::size_t s = 1; s < kStatistics.size(); ++s) {
      if (header[c + s] != metric + kStatistics[s]) {
        malformed(reader,
                  "column '" + header[c + s] + "': expected '" + metric + kStatistics[s] + "'");
      }
    }
    metrics.push_back(std::move(metric));
  }
  return metrics;
}

[[noreturn]] void bad_definition(const fs::path& file, const std::string& what) {
  throw UsageError(file.string() + ": the study's definition " + what +
                   " (was it written by this version of omnisim?)");
}

std::vector<std::string> string_list(const json& value, const fs::path& file, const char* what) {
  if (!value.is_array()) bad_definition(file, std::string("has no list of ") + what);
  std::vector<std::string> list;
  for (const json& item : value) {
    if (!item.is_string()) bad_definition(file, std::string("has a non-text entry in ") + what);
    list.push_back(item.get<std::string>());
  }
  return list;
}

std::vector<GridAxis> grid_of(const json& definition, const fs::path& file) {
  const auto grid = definition.find("grid");
  if (grid == definition.end() || !grid->is_array() || grid->empty())
    bad_definition(file, "has no grid");
  std::vector<GridAxis> axes;
  for (const json& axis : *grid) {
    if (!axis.is_object() || !axis.contains("path") || !axis["path"].is_string() ||
        !axis.contains("values")) {
      bad_definition(file, "has a grid axis without a path and values");
    }
    GridAxis parsed{axis["path"].get<std::string>(), string_list(axis["values"], file, "values")};
    if (parsed.values.empty()) bad_definition(file, "has a grid axis without values");
    axes.push_back(std::move(parsed));
  }
  return axes;
}

// The scenario's own name when its file still loads (as the sweep loaded it, with its --set
// overrides), else the file's name: the report does not need the scenario otherwise.
std::string scenario_name(const std::string& file, const std::vector<std::string>& overrides) {
  try {
    const retail::LoadedScenario loaded = retail::load_scenario(file, overrides);
    if (!loaded.scenario.name.empty()) return loaded.scenario.name;
  } catch (const std::exception&) {
    // Moved, changed or deleted since the sweep ran.
  }
  return fs::path(file).filename().string();
}

}  // namespace

std::optional<std::size_t> SweepTable::index(const std::string& metric) const {
  const auto at = std::find(metrics.begin(), metrics.end(), metric);
  if (at == metrics.end()) return std::nullopt;
  return static_cast<std::size_t>(at - metrics.begin());
}

bool is_sweep_directory(const fs::path& directory) {
  std::error_code error;
  return fs::is_regular_file(directory / "manifest.json", error);
}

SweepTable read_sweep_table(std::istream& in, const std::string& name,
                            const std::vector<GridAxis>& axes,
                            const std::vector<std::string>& arms) {
  CsvReader reader(in, name);
  std::vector<std::string> header;
  if (!reader.next(header)) throw UsageError(name + ": empty file (no header)");
  std::vector<std::string> leading = {"point"};
  for (const GridAxis& axis : axes)
    leading.push_back(axis.path);
  leading.emplace_back("arm");
  leading.emplace_back("replications");
  if (header.size() < leading.size() || !std::equal(leading.begin(), leading.end(), header.begin()))
    malformed(reader,
              "expected the header to start with point, the grid's axes, arm, replications");
  const std::size_t arm_column = axes.size() + 1;
  SweepTable table;
  table.metrics = metric_columns(reader, header, leading.size());

  const std::size_t points = grid_size(axes);
  std::vector<std::string> known = arms;
  known.emplace_back(kDifferenceRow);
  std::map<std::string, std::vector<bool>> seen;
  for (const std::string& arm : known) {
    table.arms[arm].resize(points);
    seen[arm].assign(points, false);
  }
  std::vector<std::string> fields;
  while (reader.next(fields)) {
    if (fields.size() != header.size()) {
      malformed(reader, std::to_string(fields.size()) + " fields where the header has " +
                            std::to_string(header.size()));
    }
    const std::uint64_t point = unsigned_field(reader, fields[0], "point");
    if (point >= points) {
      malformed(reader, "point " + fields[0] + " is not in the grid (it has " +
                            std::to_string(points) + " points)");
    }
    const std::vector<std::size_t> at = grid_coordinates(axes, point);
    for (std::size_t a = 0; a < axes.size(); ++a) {
      if (fields[1 + a] != axes[a].values[at[a]]) {
        malformed(reader, "point " + fields[0] + " has " + axes[a].path + " = '" + fields[1 + a] +
                              "' where the grid in manifest.json gives '" + axes[a].values[at[a]] +
                              "'");
      }
    }
    const std::string& arm = fields[arm_column];
    if (std::find(known.begin(), known.end(), arm) == known.end())
      malformed(reader, "arm '" + arm + "' is not one of the study's arms");
    if (seen[arm][point]) malformed(reader, "a second " + arm + " row for point " + fields[0]);
    seen[arm][point] = true;
    SweepPointStatistics& row = table.arms[arm][point];
    row.replications = unsigned_field(reader, fields[arm_column + 1], "replications");
    for (std::size_t m = 0; m < table.metrics.size(); ++m) {
      const std::size_t c = leading.size() + m * kStatistics.size();
      sim::Summary summary;
      summary.n = row.replications;
      summary.mean = number_field(reader, fields[c], header[c]);
      summary.stddev = number_field(reader, fields[c + 1], header[c + 1]);
      summary.ci_low = number_field(reader, fields[c + 2], header[c + 2]);
      summary.ci_high = number_field(reader, fields[c + 3], header[c + 3]);
      row.metrics.push_back({table.metrics[m], summary});
    }
  }
  // The difference rows come with both arms, for every point or none.
  const std::vector<bool>& differences = seen[kDifferenceRow];
  const bool paired = std::find(differences.begin(), differences.end(), true) != differences.end();
  if (!paired) table.arms.erase(kDifferenceRow);
  for (const std::string& arm : known) {
    if (arm == kDifferenceRow && !paired) continue;
    const auto missing = std::find(seen[arm].begin(), seen[arm].end(), false);
    if (missing != seen[arm].end()) {
      throw UsageError(name + ": no " + arm + " row for point " +
                       std::to_string(missing - seen[arm].begin()) +
                       " (the file is cut short or was edited)");
    }
  }
  return table;
}

SweepReportInput load_sweep_report_input(const fs::path& directory) {
  const fs::path manifest_file = directory / "manifest.json";
  const Manifest manifest = read_manifest(directory);
  if (manifest.status != SweepStatus::complete) {
    const std::string status =
        manifest.status == SweepStatus::running ? "still running" : "interrupted";
    throw UsageError(manifest_file.string() + ": the sweep is " + status + " (" +
                     std::to_string(manifest.tasks_done) +
                     " replications done): finish it with the same 'omnisim sweep' command and "
                     "--resume, then write its report");
  }
  const json& definition = manifest.definition;
  if (!definition.is_object()) bad_definition(manifest_file, "is not an object");
  if (definition.contains("shard")) {
    throw UsageError(manifest_file.string() +
                     ": this is one shard of a study; merge the shards with 'omnisim merge' and "
                     "write the report of the merged directory");
  }
  SweepReportInput input;
  input.directory = directory;
  input.definition = definition;
  const auto scenario = definition.find("scenario");
  if (scenario == definition.end() || !scenario->is_string())
    bad_definition(manifest_file, "names no scenario file");
  input.scenario_file = scenario->get<std::string>();
  const auto overrides = definition.find("overrides");
  input.scenario_name = scenario_name(
      resolve_scenario(input.scenario_file, directory).value_or(input.scenario_file).string(),
      overrides != definition.end() ? string_list(*overrides, manifest_file, "overrides")
                                    : std::vector<std::string>{});
  input.axes = grid_of(definition, manifest_file);
  input.arms = string_list(definition.value("arms", json()), manifest_file, "arms");
  if (input.arms.empty()) bad_definition(manifest_file, "has no arms");
  const auto seed = definition.find("seed");
  if (seed == definition.end() || !seed->is_number_unsigned())
    bad_definition(manifest_file, "has no seed");
  input.seed = seed->get<std::uint64_t>();

  const fs::path csv_file = directory / kSweepCsv;
  std::ifstream in(csv_file, std::ios::binary);
  if (!in) {
    throw UsageError("cannot read '" + csv_file.string() +
                     "': a sweep's report needs the sweep.csv that 'omnisim sweep' writes when "
                     "the study is complete");
  }
  input.table = read_sweep_table(in, csv_file.string(), input.axes, input.arms);
  return input;
}

}  // namespace omnisim
