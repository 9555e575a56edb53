// The end of a sweep, shared by `sweep` and `merge`: from the complete set of a study's records,
// the files in its directory and the ranking and sensitivity printed.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "tools/experiment/sweep_journal.hpp"
#include "tools/experiment/sweep_plan.hpp"
#include "tools/results/output_files.hpp"

namespace omnisim {

// The files of a sweep's output directory.
inline constexpr const char* kJournalFile = "replications.journal";
inline constexpr const char* kSweepCsv = "sweep.csv";
inline constexpr const char* kReplicationsCsv = "replications.csv";

// The scenario file as a study's manifest records it: relative to the study's directory, so that
// --resume, merge and report find it from wherever they are run (and a study moved together with
// its scenario still does).
std::string recorded_scenario(const std::filesystem::path& scenario,
                              const std::filesystem::path& directory);

// The file a manifest's `recorded` scenario names: relative to the study's `directory`, or, as an
// older omnisim recorded it, relative to the directory the sweep was started from; nullopt when
// neither exists.
std::optional<std::filesystem::path> resolve_scenario(const std::string& recorded,
                                                      const std::filesystem::path& directory);

// Whether `task` is in the `shard`-th block of the study's tasks (see --shard).
bool task_in_shard(const SweepPlan& plan, const Shard& shard, std::uint64_t task);

// Refuses a journal that holds a task the study does not have: a grid point, arm or replication
// beyond it (for --reps auto, beyond --max-reps), or, for a shard, another shard's task. The
// error names `file` and the line (records[i] is line i + 1, as read_journal reads them).
void check_journal_fits(const SweepPlan& plan, const std::optional<Shard>& shard,
                        const Journal& journal, const std::filesystem::path& file);

// Replications per point the records hold: the replications 0 .. n-1 of which every arm is there.
std::vector<std::uint64_t> complete_replications(const SweepPlan& plan,
                                                 const std::vector<TaskRecord>& records);

// The files of a finished study: sweep.csv, replications.csv, the journal sorted (so that it too
// is the same however the study was scheduled, interrupted or sharded) and manifest.json marked
// complete, last; a shard has only the last two. `records` must be the whole study (or shard).
std::vector<OutputFile> study_files(const SweepPlan& plan, std::vector<TaskRecord> records);

// Writes study_files into `directory`, each atomically.
void write_study(const std::filesystem::path& directory, const SweepPlan& plan,
                 std::vector<TaskRecord> records);

// The ranking of the points by the objective under the constraints, and the sensitivity summary.
void print_study(std::ostream& out, const SweepPlan& plan, const std::vector<TaskRecord>& records,
                 std::size_t top);

}  // namespace omnisim
