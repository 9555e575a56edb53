// manifest.json in a sweep's output directory: what study this is and how far it got, so that
// --resume can refuse a different command and `omnisim merge` can check that shards belong
// together.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace omnisim {

enum class SweepStatus : std::uint8_t { running, interrupted, complete };

struct Manifest {
  nlohmann::json definition;  // built by the caller: scenario, grid, reps, seed, shard, ...
  SweepStatus status = SweepStatus::running;
  std::uint64_t tasks_done = 0;
  std::optional<std::uint64_t> tasks_planned;  // unknown with --reps auto until it stops
};

// Writes DIRECTORY/manifest.json atomically: {"format": "omnisim-sweep-manifest", "version": 1,
// "definition": ..., "status": "running", "tasks_done": N, "tasks_planned": M or null}, indented
// by two spaces. It holds no timestamps or wall times, so that an interrupted and resumed study
// ends with the same bytes as an uninterrupted one.
void write_manifest(const std::filesystem::path& directory, const Manifest& manifest);
// The content write_manifest writes.
std::string manifest_text(const Manifest& manifest);

// Throws UsageError naming the file when it is missing (the directory is not a sweep's output),
// not JSON, or not this format and version.
Manifest read_manifest(const std::filesystem::path& directory);

// Throws UsageError when `now` differs from `recorded`, naming the first differing key by JSON
// pointer and both values: "<context> was started with a different /grid/1/values ([0.9,0.95]
// there, [0.9,0.97] now); rerun with the original options, or start a new study in another
// directory". `context` starts the sentence, e.g. "--resume: the study in results/s".
void check_same_definition(const nlohmann::json& recorded, const nlohmann::json& now,
                           std::string_view context);

}  // namespace omnisim
