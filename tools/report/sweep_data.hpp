// What a sweep's report is made from: the files `omnisim sweep` wrote into its output directory,
// read back and checked (manifest.json's definition, which must say the study is complete, and
// sweep.csv's statistics per grid point and arm).
#pragma once

#include <cstdint>
#include <filesystem>
#include <istream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tools/experiment/sweep_grid.hpp"
#include "tools/results/metric_summary.hpp"

namespace omnisim {

// One row of sweep.csv: a point's statistics in one arm (or their paired difference).
struct SweepPointStatistics {
  std::uint64_t replications = 0;  // per arm at this point
  // One per metric of SweepTable::metrics; every summary's n is `replications` (sweep.csv does
  // not say in how many of them a metric was defined).
  std::vector<MetricSummary> metrics;
};

// sweep.csv: per arm key ("status_quo", "control_tower", "difference") one entry per grid point,
// in point order.
struct SweepTable {
  std::vector<std::string> metrics;  // the metric names, in the file's column order
  std::map<std::string, std::vector<SweepPointStatistics>> arms;

  // Where `metric` is among `metrics`, or nullopt.
  std::optional<std::size_t> index(const std::string& metric) const;
};

struct SweepReportInput {
  std::filesystem::path directory;
  nlohmann::json definition;      // manifest.json's
  std::string scenario_file;      // as the sweep was given it
  std::string scenario_name;      // the scenario's name, or its file name when it cannot be read
  std::vector<GridAxis> axes;     // the grid, in --grid order
  std::vector<std::string> arms;  // the arms the sweep ran, in its order
  std::uint64_t seed = 0;
  SweepTable table;
};

// Whether `directory` holds a sweep's manifest.json.
bool is_sweep_directory(const std::filesystem::path& directory);

// Reads and checks `directory`'s manifest.json and sweep.csv; throws UsageError naming the file
// (and line) when the study is not complete or a file is missing or malformed.
SweepReportInput load_sweep_report_input(const std::filesystem::path& directory);

// Reads sweep.csv from `in` (named `name` in errors): its header must be point, the axes' paths,
// arm, replications, then four columns per metric; every point must have a row per arm of
// `arms`, with the axes' values the grid gives that point, and may have a "difference" row.
SweepTable read_sweep_table(std::istream& in, const std::string& name,
                            const std::vector<GridAxis>& axes,
                            const std::vector<std::string>& arms);

}  // namespace omnisim
