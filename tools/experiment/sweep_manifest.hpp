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
#include <vector>

namespace omnisim {

enum class SweepStatus : std::uint8_t { running, interrupted, complete };

struct Manifest {
  nlohmann::json definition;  // built by the caller: scenario, grid, reps, seed, shard, ...
  SweepStatus status = SweepStatus::running;
  std::uint64_t tasks_done = 0;
  std::optional<std::uint64_t> tasks_planned;  // unknown with --reps auto until it stops
};

// DIRECTORY/manifest.json.
std::filesystem::path manifest_file(const std::filesystem::path& directory);

// Writes DIRECTORY/manifest.json atomically: {"format": "omnisim-sweep-manifest", "version": 1,
// "definition": ..., "status": "running", "tasks_done": N, "tasks_planned": M or null}, indented
// by two spaces. It holds no timestamps or wall times, so that an interrupted and resumed study
// ends with the same bytes as an uninterrupted one.
void write_manifest(const std::filesystem::path& directory, const Manifest& manifest);
// The content write_manifest writes.
std::string manifest_text(const Manifest& manifest);

// Throws UsageError naming the file when it is missing (the directory is not a sweep's output),
// not JSON, or not this format and version, and naming the key when one is missing or of the
// wrong type ("results/s/manifest.json: /tasks_done: expected an unsigned integer, got -1").
Manifest read_manifest(const std::filesystem::path& directory);

// Typed reads of a manifest's definition, for the commands that rebuild a study from it: a
// missing key or a value of another type throws UsageError naming the file and the key, e.g.
// "shards/0/manifest.json: /definition/seed: expected an unsigned integer, got \"abc\"".
// Pointers are within the definition ("/seed", "/grid/0/values").
class DefinitionReader {
 public:
  // `manifest` as read from `directory`.
  DefinitionReader(const Manifest& manifest, const std::filesystem::path& directory)
      : definition_(manifest.definition), file_(manifest_file(directory)) {}

  bool contains(std::string_view pointer) const;
  std::string text(std::string_view pointer) const;
  std::uint64_t whole_number(std::string_view pointer, std::uint64_t max = UINT64_MAX) const;
  std::vector<std::string> texts(std::string_view pointer) const;
  std::size_t array_size(std::string_view pointer) const;

 private:
  const nlohmann::json& value(std::string_view pointer, nlohmann::json::value_t type,
                              std::string_view expected) const;

  const nlohmann::json& definition_;
  std::filesystem::path file_;
};

// Throws UsageError when `now` differs from `recorded`, naming the first differing key by JSON
// pointer and both values: "<context> was started with a different /grid/1/values ([0.9,0.95]
// there, [0.9,0.97] now); rerun with the original options, or start a new study in another
// directory". `context` starts the sentence, e.g. "--resume: the study in results/s".
void check_same_definition(const nlohmann::json& recorded, const nlohmann::json& now,
                           std::string_view context);

}  // namespace omnisim
