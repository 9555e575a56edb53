// The end of a sweep, shared by `sweep` and `merge`: from the complete set of a study's records,
// the files in its directory and the ranking and sensitivity printed.
#pragma once

#include <filesystem>
#include <ostream>
#include <vector>

#include "tools/output_files.hpp"
#include "tools/sweep_journal.hpp"
#include "tools/sweep_plan.hpp"

namespace omnisim {

// The files of a sweep's output directory.
inline constexpr const char* kJournalFile = "replications.journal";
inline constexpr const char* kSweepCsv = "sweep.csv";
inline constexpr const char* kReplicationsCsv = "replications.csv";

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
