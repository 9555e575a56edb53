// Records are named by task number ("17.replication"); anything else in the directory (the lock,
// the manifest, a temporary ".17.tmp" that a kill left mid-write) is not a record.
#include "tools/experiment/run_journal.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "models/scenario/loader.hpp"
#include "tools/experiment/replication_codec.hpp"
#include "tools/experiment/sweep_manifest.hpp"
#include "tools/experiment/sweep_plan.hpp"
#include "tools/experiment/sweep_study.hpp"
#include "tools/results/arms.hpp"
#include "tools/results/errors.hpp"

namespace omnisim {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kRecordExtension = ".replication";

// The task a record file is of, or nullopt when `file` is not a record.
std::optional<std::uint64_t> record_task(const fs::path& file) {
  if (file.extension() != kRecordExtension) return std::nullopt;
  const std::string stem = file.stem().string();
  std::uint64_t task = 0;
  const auto [end, error] = std::from_chars(stem.data(), stem.data() + stem.size(), task);
  if (error != std::errc() || end != stem.data() + stem.size() || stem.empty()) return std::nullopt;
  return task;
}

// ".NAME" + suffix, appended rather than concatenated: GCC 12 sees a false overlap in "." + name
// (-Wrestrict).
std::string hidden_name(const std::string& name, std::string_view suffix) {
  std::string hidden = ".";
  hidden += name;
  hidden += suffix;
  return hidden;
}

std::vector<std::pair<std::uint64_t, fs::path>> records_in(const fs::path& directory) {
  std::vector<std::pair<std::uint64_t, fs::path>> records;
  for (const fs::directory_entry& entry : fs::directory_iterator(directory)) {
    if (const auto task = record_task(entry.path().filename())) {
      records.emplace_back(*task, entry.path());
    }
  }
  return records;
}

std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!in && !in.eof()) throw UsageError("cannot read '" + file.string() + "'");
  return bytes;
}

}  // namespace

nlohmann::json run_definition(const fs::path& file, const std::vector<std::string>& overrides,
                              const retail::Scenario& scenario,
                              const std::vector<retail::Arm>& arms) {
  nlohmann::json arm_keys = nlohmann::json::array();
  for (const retail::Arm arm : arms)
    arm_keys.push_back(arm_key(arm));
  return {{"command", "run"},
          {"scenario", file.string()},
          {"scenario_digest", scenario_digest(retail::load_scenario(file, overrides).document)},
          {"overrides", overrides},
          {"seed", scenario.seed},
          {"replications", scenario.replications},
          {"arms", arm_keys}};
}

fs::path RunJournal::directory_of(const fs::path& out) {
  const fs::path normal = out.lexically_normal();
  const fs::path named = normal.has_filename() ? normal : normal.parent_path();
  return named.parent_path() / hidden_name(named.filename().string(), ".journal");
}

RunJournal::RunJournal(const fs::path& out, nlohmann::json definition, std::uint64_t tasks,
                       bool resume, bool force)
    : directory_(directory_of(out)) {
  std::error_code error;
  const bool exists = fs::is_directory(directory_, error);
  if (resume && !exists) {
    throw UsageError("--resume: no interrupted run of '" + out.string() + "' to finish (no " +
                     directory_.string() + ")");
  }
  fs::create_directories(directory_, error);
  if (error) {
    throw OutputError("cannot create the journal of the run, '" + directory_.string() +
                      "': " + error.message());
  }
  lock_ = std::make_unique<StudyLock>(directory_);
  definition["scenario"] =
      recorded_scenario(definition.at("scenario").get<std::string>(), directory_);
  const bool saved = fs::exists(manifest_file(directory_), error);
  if (resume) {
    const Manifest manifest = read_manifest(directory_);
    check_same_definition(manifest.definition, definition,
                          "--resume: the run saved in " + directory_.string());
    read_records(tasks);
    saved_ = done_.size();
  } else if (saved && !force) {
    throw UsageError("an interrupted run of '" + out.string() + "' is saved in " +
                     directory_.string() + ": add --resume to finish it, or --force to start over");
  } else {
    discard_records();
  }
  write_manifest(directory_, {definition, SweepStatus::running, done_.size(), tasks});
}

RunJournal::~RunJournal() = default;

void RunJournal::read_records(std::uint64_t tasks) {
  for (const auto& [task, file] : records_in(directory_)) {
    if (task >= tasks) {
      throw UsageError(file.string() + ": task " + std::to_string(task) + ", but the run has " +
                       std::to_string(tasks) + "; this journal is not this run's");
    }
    try {
      done_.emplace(task, decode_replication(read_bytes(file)));
    } catch (const std::exception&) {
      // What a power cut can leave of an unsynced record (or another build's): run it again.
      fs::remove(file);
    }
  }
}

void RunJournal::discard_records() const {
  for (const auto& [task, file] : records_in(directory_))
    fs::remove(file);
}

std::optional<retail::ReplicationResult> RunJournal::take(std::uint64_t task) {
  const auto found = done_.find(task);
  if (found == done_.end()) return std::nullopt;
  retail::ReplicationResult result = std::move(found->second);
  done_.erase(found);
  return result;
}

void RunJournal::save(std::uint64_t task, const retail::ReplicationResult& result) {
  // Renamed into place, so that a kill never leaves half a record, but not fsynced: as with a
  // sweep's journal, that would guard only against a power cut, at milliseconds a record.
  const fs::path file = directory_ / (std::to_string(task) + std::string(kRecordExtension));
  const fs::path temporary = directory_ / hidden_name(std::to_string(task), ".tmp");
  {
    errno = 0;
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << encode_replication(result);
    out.close();
    if (!out) {
      // The stream keeps no reason; errno still holds the failed write's (No space left...).
      const std::string reason = errno != 0 ? std::string(": ") + std::strerror(errno) : "";
      std::error_code ignored;
      fs::remove(temporary, ignored);
      throw OutputError("cannot write '" + temporary.string() + "'" + reason);
    }
  }
  std::error_code error;
  fs::rename(temporary, file, error);
  if (error) {
    fs::remove(temporary);
    throw OutputError("cannot write '" + file.string() + "': " + error.message());
  }
  ++saved_;
}

void RunJournal::remove() {
  discard_records();
  fs::remove(manifest_file(directory_));
  lock_.reset();  // removes the lock file
  std::error_code error;
  fs::remove(directory_, error);  // left if something else was put there
}

}  // namespace omnisim
