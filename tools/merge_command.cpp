// omnisim merge: the shards of one study (same definition but for the shard, every index once,
// each complete) become the files one unsharded run of it would have written.
#include <set>
#include <string>

#include "tools/commands.hpp"
#include "tools/errors.hpp"
#include "tools/output_files.hpp"
#include "tools/sweep_manifest.hpp"
#include "tools/sweep_study.hpp"
#include "tools/task_farm.hpp"

namespace omnisim {
namespace {

namespace fs = std::filesystem;

// The request that `definition` records, so the study can be planned (and checked) again.
SweepRequest request_of(const nlohmann::json& definition, const MergeOptions& options) {
  SweepRequest request;
  request.scenario = definition.at("scenario").get<std::string>();
  request.overrides = definition.at("overrides").get<std::vector<std::string>>();
  for (const auto& axis : definition.at("grid")) {
    std::string argument = axis.at("path").get<std::string>() + "=";
    const auto& values = axis.at("values");
    for (std::size_t v = 0; v < values.size(); ++v) {
      if (v > 0) argument += ',';
      argument += values[v].get<std::string>();
    }
    request.grid.push_back(argument);
  }
  request.replications = definition.at("replications").get<std::uint32_t>();
  request.seed = definition.at("seed").get<std::uint64_t>();
  request.objective = options.objective;
  request.constraints = options.constraints;
  return request;
}

void merge_shards(const MergeOptions& options, std::ostream& out) {
  if (options.shards.empty()) throw UsageError("merge needs the output directories of the shards");
  // Before reading the shards, which can take a while for a big study.
  check_output_directory(options.out, options.force);
  check_output_writable(options.out);
  std::vector<TaskRecord> records;
  std::set<std::uint32_t> indices;
  nlohmann::json study;
  std::uint32_t count = 0;
  for (const fs::path& directory : options.shards) {
    const Manifest manifest = read_manifest(directory);
    nlohmann::json definition = manifest.definition;
    if (!definition.contains("shard")) {
      throw UsageError("'" + directory.string() +
                       "' holds a whole study, not a shard (it was run without --shard)");
    }
    const auto index = definition["shard"].at("index").get<std::uint32_t>();
    const auto shards = definition["shard"].at("count").get<std::uint32_t>();
    definition.erase("shard");
    if (study.is_null()) {
      study = definition;
      count = shards;
    } else {
      check_same_definition(study, definition, "merge: shard '" + directory.string() + "'");
      if (shards != count) {
        throw UsageError("merge: shard '" + directory.string() + "' is one of " +
                         std::to_string(shards) + " shards, the first one given of " +
                         std::to_string(count));
      }
    }
    if (!indices.insert(index).second) {
      throw UsageError("merge: shard " + std::to_string(index) + "/" + std::to_string(count) +
                       " is given twice (again as '" + directory.string() + "')");
    }
    if (manifest.status != SweepStatus::complete) {
      throw UsageError("merge: shard '" + directory.string() +
                       "' is not complete: finish it with the same command and --resume");
    }
    Journal journal = read_journal(directory / kJournalFile, study.at("metrics").size());
    records.insert(records.end(), journal.records.begin(), journal.records.end());
  }
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
  SweepPlan plan = plan_sweep(request_of(study, options));
  check_same_definition(study, plan.definition, "merge: the scenario file of the shards");
  const std::vector<std::uint64_t> counts = complete_replications(plan, records);
  for (std::size_t p = 0; p < counts.size(); ++p) {
    if (counts[p] < plan.replications) {
      throw UsageError("merge: the shards lack replication " + std::to_string(counts[p]) +
                       " of grid point " + std::to_string(p));
    }
  }
  if (records.size() != plan.points.size() * plan.replications * plan.arms.size()) {
    throw UsageError("merge: the shards hold replications beyond the study's, or some twice");
  }
  // One set (tools/output_files.hpp): an earlier merge's files stay until the new ones are all
  // written.
  write_output_directory(options.out, options.force, study_files(plan, records));
  out << "Merged " << count << " shards: " << plan.points.size() << " grid points, "
      << plan.replications << " replications per point.\n\n";
  print_study(out, plan, records, options.top);
  out << "\nWrote manifest.json, sweep.csv and replications.csv to " << options.out.string()
      << "\n";
}

}  // namespace

void merge_command(const MergeOptions& options, std::ostream& out) {
  // Reading the shards and writing one study is quick: under mpirun rank 0 does it alone.
  on_root([&] { merge_shards(options, out); });
}

}  // namespace omnisim
