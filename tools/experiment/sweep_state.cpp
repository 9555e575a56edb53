#include "tools/experiment/sweep_state.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <system_error>
#include <utility>

#include "tools/experiment/sweep_study.hpp"
#include "tools/results/errors.hpp"
#include "tools/results/output_files.hpp"

namespace omnisim {
namespace {

namespace fs = std::filesystem;

constexpr auto kManifestInterval = std::chrono::seconds(2);

// Whether `directory` holds nothing but (perhaps) the lock this process has just taken on it.
bool only_the_lock_in(const fs::path& directory) {
  for (const fs::directory_entry& entry : fs::directory_iterator(directory)) {
    if (entry.path().filename() != kStudyLockFile) return false;
  }
  return true;
}

}  // namespace

SweepState::SweepState(const SweepPlan& plan, fs::path out, bool resume, bool force)
    : plan_(plan), out_(std::move(out)) {
  if (resume) {
    read_manifest(out_);  // refuses a directory that is not a sweep's before making a lock there
    lock_ = std::make_unique<StudyLock>(out_);
    this->resume();
  } else {
    start_fresh(force);
  }
  journal_ = std::make_unique<JournalWriter>(out_ / kJournalFile);
}

void SweepState::collect(TaskRecord record) {
  journal_->append(record);
  adopt(std::move(record));
  if (std::chrono::steady_clock::now() - last_manifest_ >= kManifestInterval) {
    save(SweepStatus::running);
  }
}

void SweepState::save(SweepStatus status) {
  write_manifest(out_, {plan_.definition, status, done_.size(), planned_});
  last_manifest_ = std::chrono::steady_clock::now();
}

std::vector<TaskRecord> SweepState::records() const {
  std::vector<TaskRecord> out;
  out.reserve(done_.size());
  for (const auto& [task, record] : done_)
    out.push_back(record);
  return out;
}

void SweepState::adopt(TaskRecord record) {
  const auto arm = std::find(plan_.arms.begin(), plan_.arms.end(), record.arm);
  const auto a = static_cast<std::size_t>(arm - plan_.arms.begin());
  done_.emplace(plan_.numbering().task(record.point, record.replication, a), std::move(record));
}

// Read again under the lock: another process may have changed the study before we took it.
void SweepState::resume() {
  const Manifest manifest = read_manifest(out_);
  nlohmann::json recorded = manifest.definition;
  // The same file under another name is the same study (the digest checks its content): a
  // manifest of an older omnisim holds the path as given, relative to where it was started.
  const auto scenario = recorded.find("scenario");
  if (scenario != recorded.end() && scenario->is_string()) {
    const auto file = resolve_scenario(scenario->get<std::string>(), out_);
    std::error_code error;
    if (file && fs::equivalent(*file, plan_.file, error))
      *scenario = plan_.definition.at("scenario");
  }
  check_same_definition(recorded, plan_.definition, "--resume: the study in " + out_.string());
  const fs::path file = out_ / kJournalFile;
  const Journal journal = read_journal(file, plan_.metrics.size());
  check_journal_fits(plan_, plan_.shard, journal, file);
  for (const TaskRecord& record : journal.records)
    adopt(record);
  carried_over_ = done_.size();
}

void SweepState::start_fresh(bool force) {
  std::error_code error;
  // An empty path, a file or a link to nothing is refused, naming it; a missing directory made.
  const bool usable_directory = !out_.empty() && fs::is_directory(out_, error);
  if (!usable_directory && (out_.empty() || fs::exists(fs::symlink_status(out_, error))))
    check_output_directory(out_, force);
  check_output_writable(out_);
  fs::create_directories(out_, error);
  if (error) {
    throw OutputError("cannot create directory '" + out_.string() + "': " + error.message());
  }
  lock_ = std::make_unique<StudyLock>(out_);
  if (fs::exists(out_ / "manifest.json", error) && !force) {
    const Manifest manifest = read_manifest(out_);
    throw UsageError("'" + out_.string() + "' holds a sweep (" +
                     std::to_string(manifest.tasks_done) +
                     " replications done): add --resume to finish it, or --force to start over");
  }
  if (!force && !only_the_lock_in(out_)) {
    throw UsageError("output directory '" + out_.string() +
                     "' is not empty; choose another --out or pass --force to overwrite it");
  }
  for (const char* name :
       {"manifest.json", kJournalFile, kSweepCsv, kReplicationsCsv, "report.html"})
    fs::remove(out_ / name);
}

}  // namespace omnisim
