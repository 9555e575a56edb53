// The omnisim commands as functions of their parsed options; errors propagate as exceptions,
// which run_cli turns into messages and exit statuses.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "models/scenario/scenario.hpp"
#include "models/world/simulation.hpp"
#include "tools/cli/progress_bar.hpp"
#include "tools/experiment/arm_choice.hpp"
#include "tools/experiment/sweep_plan.hpp"

namespace omnisim {

struct ValidateOptions {
  std::filesystem::path scenario;
  std::vector<std::string> overrides;  // "path=value"
};

// Loads and validates the scenario and prints a one-paragraph summary of it, then "ok".
void validate_command(const ValidateOptions& options, std::ostream& out);

struct RunOptions {
  std::vector<std::filesystem::path> scenarios;  // at least one
  std::vector<std::string> overrides;            // "path=value", applied to every scenario
  std::optional<std::uint32_t> replications;     // else each scenario's
  std::optional<std::uint64_t> seed;             // else each scenario's
  unsigned threads = 0;                          // 0: every hardware thread
  // Refuse a run estimated to need more; else 80 % of physical memory.
  std::optional<std::uint64_t> memory_limit_bytes;
  // With one scenario its output directory; with several, each writes into out / <file stem>.
  std::filesystem::path out;
  bool force = false;   // write into a non-empty output directory
  bool resume = false;  // finish the run interrupted in `out` (tools/experiment/run_journal.hpp)
  ArmChoice arms = ArmChoice::both;
  bool report = false;               // also write report.html into each output directory
  std::ostream* progress = nullptr;  // where to show progress, or nowhere
  ProgressStyle progress_style = ProgressStyle::lines;  // a bar on a terminal
};

// Loads and checks every scenario and output directory first (bad input: nothing runs), then per
// scenario runs every replication of its arms, writes summary.json, replications.csv,
// timeseries.csv, inventory.csv, open_orders.csv and decisions.csv into its output directory
// (created only once every replication of every arm has succeeded), then report.html when
// options.report, and prints its tables.
void run_command(const RunOptions& options, std::ostream& out);

struct SweepOptions {
  SweepRequest request;
  unsigned threads = 0;  // 0: every hardware thread
  std::optional<std::uint64_t> memory_limit_bytes;
  std::filesystem::path out;
  bool force = false;    // start over in a directory that holds other files or another study
  bool resume = false;   // finish the study recorded in `out`
  bool report = false;   // also write report.html (not for a shard)
  std::size_t top = 10;  // rows of the printed ranking
  std::ostream* progress = nullptr;
  ProgressStyle progress_style = ProgressStyle::lines;
};

// Runs every grid point's replications in both arms (all points' tasks scheduled together),
// appending each finished replication to out/replications.journal and keeping out/manifest.json,
// then writes sweep.csv and replications.csv and prints the ranking and sensitivity summary. A
// shard (request.shard) runs its slice only and leaves the merging to merge_command. SIGINT or
// SIGTERM stop it cleanly (Interrupted); with `resume` it carries on from what was saved.
void sweep_command(const SweepOptions& options, std::ostream& out);

struct MergeOptions {
  std::vector<std::filesystem::path> shards;  // the output directories of --shard 0/n ... n-1/n
  std::filesystem::path out;
  bool force = false;
  std::string objective;
  std::vector<std::string> constraints;
  std::size_t top = 10;
};

// Checks that the shards are the complete slices of one study, then writes into `out` the same
// files as one unsharded run of it, and prints its ranking.
void merge_command(const MergeOptions& options, std::ostream& out);

struct ReportOptions {
  // Each a run's output directory, or a directory whose subdirectories are (several scenarios).
  std::vector<std::filesystem::path> directories;
};

// Writes report.html into `directory` from the files `omnisim run` wrote there (summary.json,
// replications.csv, timeseries.csv, decisions.csv), atomically; returns how many charts it has.
// Throws UsageError when a file is missing or malformed.
std::size_t write_report(const std::filesystem::path& directory);

// Checks every directory, then writes a report into each (see write_report) and says so.
void report_command(const ReportOptions& options, std::ostream& out);

}  // namespace omnisim
