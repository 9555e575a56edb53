// A sweep's journal: one line per finished task (one replication of one arm of one grid point),
// appended as it finishes so that a killed sweep loses nothing it has reported, and read back by
// --resume to know what is done.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "models/agents/control_tower.hpp"

namespace omnisim {

struct TaskRecord {
  std::uint64_t point = 0;
  std::uint64_t replication = 0;
  retail::Arm arm = retail::Arm::status_quo;
  std::vector<double>
      metrics;  // the spine metrics in retail::spine_metrics order (NaN = undefined)

  // NaN equals NaN (an undefined metric reads back as undefined), otherwise exact.
  bool operator==(const TaskRecord& other) const;
};

// "point,replication,arm_key,m1,...,mK\n": the numbers as csv::append_number writes them (the
// shortest text that reads back as the same double; empty when undefined).
std::string journal_line(const TaskRecord& record);

// Appends records to a journal file as tasks finish.
class JournalWriter {
 public:
  // Opens (creating if missing) `file` for appending; first cuts off an unterminated last line
  // (what a kill during a write can leave), so that appends start on a line boundary.
  explicit JournalWriter(const std::filesystem::path& file);
  JournalWriter(const JournalWriter&) = delete;
  JournalWriter& operator=(const JournalWriter&) = delete;
  ~JournalWriter();

  // Writes the whole line with write(2), so that once it returns the record survives the process
  // being killed. No fsync: that would guard against power loss, at milliseconds a record.
  // Thread-safe. Throws OutputError naming the file on failure.
  void append(const TaskRecord& record);

 private:
  std::filesystem::path file_;
  int fd_ = -1;
  std::mutex mutex_;  // one line at a time, so that lines never interleave
};

inline constexpr const char* kStudyLockFile = ".omnisim.lock";

// Whose study a directory is: an flock(2) on DIRECTORY/.omnisim.lock, held from a sweep's start
// (or --resume) until it exits, so that two processes never journal into one study, and shared
// while merge reads a shard. The file holds the holder's pid, for the message of whoever is
// refused; the last holder to let go removes it. The kernel drops the lock of a killed process,
// so a file left by SIGKILL stops nobody.
class StudyLock {
 public:
  enum class Mode : std::uint8_t { exclusive, shared };

  // Takes the lock without waiting; `directory` must exist. Throws UsageError "another omnisim
  // is working on 'DIR' (pid N)" when another process holds it, OutputError when the lock file
  // cannot be made. A shared lock on a directory this process may not write in, where no lock
  // file can be made, is not taken (nobody can be journalling there as this user).
  explicit StudyLock(const std::filesystem::path& directory, Mode mode = Mode::exclusive);
  StudyLock(const StudyLock&) = delete;
  StudyLock& operator=(const StudyLock&) = delete;
  ~StudyLock();

 private:
  std::filesystem::path file_;
  int fd_ = -1;
};

struct Journal {
  std::vector<TaskRecord> records;  // in file order
  bool torn_tail = false;           // the file ended in an unterminated line, which was ignored
};

// Reads a journal whose records have `metric_count` metrics; a missing file is an empty journal.
// A complete line that is malformed (wrong field count, bad number, unknown arm) or repeats a
// (point, replication, arm) throws UsageError naming file:line and what is wrong. The numbers
// are the exact doubles that were written.
Journal read_journal(const std::filesystem::path& file, std::size_t metric_count);

}  // namespace omnisim
