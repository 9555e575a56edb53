// omnisim run's journal, so that Ctrl-C or a kill at 99 % of a long run loses only the
// replications in flight: `run --resume` runs the rest. A run is a one-point study, kept as a
// sweep keeps one (tools/experiment/sweep_journal.hpp, tools/experiment/sweep_manifest.hpp): a
// directory locked by the process working on it, a manifest.json with the run's definition that
// --resume must match, and a record per finished replication. A run's records are its whole results
// (time series, inventory, decisions), one file each, written atomically.
//
// The journal lives beside the output directory, not in it (OUT_PARENT/.NAME.journal for --out
// OUT_PARENT/NAME), so that it is never part of the run's output set, and is removed once the
// outputs are written.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "models/agents/control_tower.hpp"
#include "models/scenario/scenario.hpp"
#include "models/world/simulation.hpp"
#include "tools/experiment/sweep_journal.hpp"

namespace omnisim {

// What a resumed run must match: the scenario file (its resolved content by digest), the --set
// overrides, and the seed, replications and arms it runs.
nlohmann::json run_definition(const std::filesystem::path& file,
                              const std::vector<std::string>& overrides,
                              const retail::Scenario& scenario,
                              const std::vector<retail::Arm>& arms);

class RunJournal {
 public:
  // The journal directory of the output directory `out`.
  static std::filesystem::path directory_of(const std::filesystem::path& out);

  // Takes the journal of `out` for a run of `tasks` tasks defined by `definition` (its
  // "scenario" key a file path, recorded relative to the journal). With `resume`, reads what
  // an earlier attempt saved: refused (UsageError) when there is none, when it was another run
  // (naming the first difference) or when a record is not one of its tasks (naming the file); a
  // record that does not decode is removed, to be run again. Without, a journal left by an
  // interrupted run is refused unless `force`, which discards it. Refused too while another omnisim
  // works on it.
  RunJournal(const std::filesystem::path& out, nlohmann::json definition, std::uint64_t tasks,
             bool resume, bool force);
  RunJournal(const RunJournal&) = delete;
  RunJournal& operator=(const RunJournal&) = delete;
  ~RunJournal();

  // The tasks an earlier attempt saved, until taken.
  std::size_t done_count() const { return done_.size(); }
  // The tasks saved in all, by earlier attempts and this one.
  std::size_t saved_count() const { return saved_; }
  const std::filesystem::path& directory() const { return directory_; }
  // The result an earlier attempt saved for `task`, moved out; nullopt when it has none.
  std::optional<retail::ReplicationResult> take(std::uint64_t task);
  // Saves a finished task, atomically; one call at a time. Throws OutputError on failure.
  void save(std::uint64_t task, const retail::ReplicationResult& result);
  // The run's outputs are written: deletes the journal.
  void remove();

 private:
  void read_records(std::uint64_t tasks);
  void discard_records() const;

  std::filesystem::path directory_;
  std::unique_ptr<StudyLock> lock_;
  std::map<std::uint64_t, retail::ReplicationResult> done_;
  std::size_t saved_ = 0;
};

}  // namespace omnisim
