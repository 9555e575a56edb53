// omnisim merge: the shards of one study (same definition but for the shard, every index once,
// each complete) become the files one unsharded run of it would have written.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "sim/task_farm.hpp"
#include "tools/cli/commands.hpp"
#include "tools/experiment/sweep_journal.hpp"
#include "tools/experiment/sweep_manifest.hpp"
#include "tools/experiment/sweep_study.hpp"
#include "tools/results/errors.hpp"
#include "tools/results/output_files.hpp"
#include "tools/results/visible_text.hpp"

namespace omnisim {
namespace {

namespace fs = std::filesystem;

// One shard as its manifest records it, read under a shared lock so that no sweep works on it
// meanwhile.
struct ShardInput {
  fs::path directory;
  std::unique_ptr<StudyLock> lock;
  Manifest manifest;
  Shard shard;
};

ShardInput read_shard(const fs::path& directory) {
  read_manifest(directory);  // refuses a directory that is not a sweep's before making a lock there
  ShardInput input{directory,
                   std::make_unique<StudyLock>(directory, StudyLock::Mode::shared),
                   read_manifest(directory),
                   {}};
  const DefinitionReader definition(input.manifest, directory);
  if (!definition.contains("/shard")) {
    throw UsageError("'" + directory.string() +
                     "' holds a whole study, not a shard (it was run without --shard)");
  }
  constexpr std::uint64_t kMaxShards = UINT32_MAX;
  input.shard.index =
      static_cast<std::uint32_t>(definition.whole_number("/shard/index", kMaxShards));
  input.shard.count =
      static_cast<std::uint32_t>(definition.whole_number("/shard/count", kMaxShards));
  if (input.shard.index >= input.shard.count) {
    throw UsageError(manifest_file(input.directory).string() + ": /definition/shard: index " +
                     std::to_string(input.shard.index) + " of " +
                     std::to_string(input.shard.count) + " shards");
  }
  if (input.manifest.status != SweepStatus::complete) {
    throw UsageError("merge: shard '" + directory.string() +
                     "' is not complete: finish it with the same command and --resume");
  }
  return input;
}

// The shard's definition but for the shard, with its scenario file resolved, so that shards in
// different places that ran one file compare equal.
nlohmann::json study_of(const ShardInput& input) {
  const DefinitionReader reader(input.manifest, input.directory);
  const std::string recorded = reader.text("/scenario");
  const auto scenario = resolve_scenario(recorded, input.directory);
  if (!scenario) {
    throw UsageError(manifest_file(input.directory).string() +
                     ": /definition/scenario: the scenario file '" + recorded +
                     "' is neither in '" + input.directory.string() +
                     "' nor in the current directory");
  }
  nlohmann::json study = input.manifest.definition;
  study.erase("shard");
  study["scenario"] = fs::weakly_canonical(*scenario).string();
  return study;
}

// The request that the first shard's manifest records, so the study can be planned (and
// checked) again; `scenario` is its resolved file.
SweepRequest request_of(const ShardInput& first, const std::string& scenario,
                        const MergeOptions& options) {
  const DefinitionReader definition(first.manifest, first.directory);
  SweepRequest request;
  request.scenario = scenario;
  request.overrides = definition.texts("/overrides");
  for (std::size_t a = 0; a < definition.array_size("/grid"); ++a) {
    const std::string axis = "/grid/" + std::to_string(a);
    std::string argument = definition.text(axis + "/path") + "=";
    const std::vector<std::string> values = definition.texts(axis + "/values");
    for (std::size_t v = 0; v < values.size(); ++v) {
      if (v > 0) argument += ',';
      argument += values[v];
    }
    request.grid.push_back(argument);
  }
  request.replications =
      static_cast<std::uint32_t>(definition.whole_number("/replications", UINT32_MAX));
  request.seed = definition.whole_number("/seed");
  request.objective = options.objective;
  request.constraints = options.constraints;
  return request;
}

void check_not_a_shard(const fs::path& out, const std::vector<ShardInput>& shards) {
  std::error_code error;
  for (const ShardInput& input : shards) {
    if (fs::equivalent(out, input.directory, error)) {
      throw UsageError("merge: --out '" + out.string() + "' is the shard '" +
                       input.directory.string() + "': write the merged study to another directory");
    }
  }
}

void merge_shards(const MergeOptions& options, std::ostream& out) {
  if (options.shards.empty()) throw UsageError("merge needs the output directories of the shards");
  // Before reading the shards, which can take a while for a big study.
  check_output_directory(options.out, options.force);
  check_output_writable(options.out);
  std::vector<ShardInput> shards;
  std::set<std::uint32_t> indices;
  nlohmann::json study;
  for (const fs::path& directory : options.shards) {
    shards.push_back(read_shard(directory));
    const ShardInput& input = shards.back();
    const nlohmann::json definition = study_of(input);
    if (study.is_null()) {
      study = definition;
    } else {
      check_same_definition(study, definition, "merge: shard '" + directory.string() + "'");
      if (input.shard.count != shards.front().shard.count) {
        throw UsageError("merge: shard '" + directory.string() + "' is one of " +
                         std::to_string(input.shard.count) + " shards, the first one given of " +
                         std::to_string(shards.front().shard.count));
      }
    }
    if (!indices.insert(input.shard.index).second) {
      throw UsageError("merge: shard " + std::to_string(input.shard.index) + "/" +
                       std::to_string(input.shard.count) + " is given twice (again as '" +
                       directory.string() + "')");
    }
  }
  const std::uint32_t count = shards.front().shard.count;
  if (indices.size() != count) {
    std::string missing;
    for (std::uint32_t i = 0; i < count; ++i) {
      if (indices.count(i) > 0) continue;
      if (!missing.empty()) missing += ", ";
      missing += std::to_string(i);
    }
    throw UsageError("merge: shards " + missing + " of " + std::to_string(count) + " are missing");
  }

  // Planned again from the scenario, which must still be the one the shards ran.
  SweepPlan plan =
      plan_sweep(request_of(shards.front(), study.at("scenario").get<std::string>(), options));
  check_same_definition(study, plan.definition, "merge: the scenario file of the shards");
  std::vector<TaskRecord> records;
  for (const ShardInput& input : shards) {
    const fs::path file = input.directory / kJournalFile;
    const Journal journal = read_journal(file, plan.metrics.size());
    check_journal_fits(plan, input.shard, journal, file);
    records.insert(records.end(), journal.records.begin(), journal.records.end());
  }
  // Every record is its own shard's and none is there twice, so this is all that can be amiss.
  const std::vector<std::uint64_t> counts = complete_replications(plan, records);
  for (std::size_t p = 0; p < counts.size(); ++p) {
    if (counts[p] < plan.replications) {
      throw UsageError("merge: the shards lack replication " + std::to_string(counts[p]) +
                       " of grid point " + std::to_string(p));
    }
  }
  check_not_a_shard(options.out, shards);
  plan.definition["scenario"] = recorded_scenario(plan.file, options.out);
  // One set (tools/results/output_files.hpp): an earlier merge's files stay until the new ones are
  // all written.
  write_output_directory(options.out, options.force, study_files(plan, records));
  out << "Merged " << count << " shards: " << plan.points.size() << " grid points, "
      << plan.replications << " replications per point.\n\n";
  print_study(out, plan, records, options.top);
  out << "\nWrote manifest.json, sweep.csv and replications.csv to "
      << terminal_text(options.out.string()) << "\n";
}

}  // namespace

void merge_command(const MergeOptions& options, std::ostream& out) {
  // Reading the shards and writing one study is quick: under mpirun rank 0 does it alone.
  sim::on_root([&] { merge_shards(options, out); }, error_kinds());
}

}  // namespace omnisim
