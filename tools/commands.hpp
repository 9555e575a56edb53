// The omnisim commands as functions of their parsed options; errors propagate as exceptions,
// which run_cli turns into messages and exit statuses.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "models/config.hpp"
#include "models/simulation.hpp"

namespace omnisim {

struct ValidateOptions {
  std::filesystem::path scenario;
  std::vector<std::string> overrides;  // "path=value"
};

// Loads and validates the scenario and prints a one-paragraph summary of it, then "ok".
void validate_command(const ValidateOptions& options, std::ostream& out);

struct RunOptions {
  std::filesystem::path scenario;
  std::vector<std::string> overrides;         // "path=value"
  std::optional<std::uint32_t> replications;  // else the scenario's
  std::optional<std::uint64_t> seed;          // else the scenario's
  unsigned threads = 0;                       // 0: every hardware thread
  // Refuse a run estimated to need more; else 80 % of physical memory.
  std::optional<std::uint64_t> memory_limit_bytes;
  std::filesystem::path out;
  bool force = false;  // write into a non-empty `out`
};

// Runs every replication, writes summary.json, timeseries.csv and inventory.csv into
// options.out (created only once every replication has succeeded) and prints the metric table.
void run_command(const RunOptions& options, std::ostream& out);

// Runs one replication on so many threads; retail::run_replication but for tests.
using Replicate =
    std::function<retail::ReplicationResult(std::uint64_t replication, unsigned threads)>;

// Replication i of `scenario` at index i, on `threads` threads in all: replications run side
// by side, and when there are fewer replications than threads each gets a share of the rest.
// The results do not depend on `threads`. If replications fail, the lowest-numbered failure is
// rethrown (a ScenarioError as is, anything else as a ReplicationFailure naming it).
std::vector<retail::ReplicationResult> run_all_replications(const retail::Scenario& scenario,
                                                            unsigned threads);
std::vector<retail::ReplicationResult> run_all_replications(const retail::Scenario& scenario,
                                                            unsigned threads,
                                                            const Replicate& replicate);

}  // namespace omnisim
