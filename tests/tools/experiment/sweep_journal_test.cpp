// The sweep journal: lines that read back as the exact records written, appends that survive a
// kill and never interleave, a torn last line cut off, and malformed lines named by file:line.
#include "tools/experiment/sweep_journal.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "tests/tools/scratch_dir.hpp"
#include "tools/results/errors.hpp"

namespace omnisim {
// Failures show a record as its journal line.
void PrintTo(const TaskRecord& record, std::ostream* out) {
  *out << journal_line(record);
}
}  // namespace omnisim

namespace {

namespace fs = std::filesystem;
using omnisim::Journal;
using omnisim::JournalWriter;
using omnisim::StudyLock;
using omnisim::TaskRecord;
using omnisim::testing::fresh_scratch_dir;
using omnisim::testing::read_file;
using retail::Arm;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void write_text(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

// The message of the UsageError that reading `text` as a two-metric journal throws.
std::string reading_error(const fs::path& file, const std::string& text) {
  write_text(file, text);
  try {
    omnisim::read_journal(file, 2);
  } catch (const omnisim::UsageError& error) {
    return error.what();
  }
  return "no error";
}

TEST(JournalLine, IsTheKeyThenTheShortestExactNumbersWithUndefinedLeftEmpty) {
  const TaskRecord record{3, 7, Arm::control_tower, {1.5, kNaN, -0.0, 0.1, 1e-300, 12345678.0}};
  EXPECT_EQ(omnisim::journal_line(record), "3,7,control_tower,1.5,,0,0.1,1e-300,12345678\n");
  EXPECT_EQ(omnisim::journal_line({0, 0, Arm::status_quo, {}}), "0,0,status_quo\n");
}

TEST(TaskRecord, EqualityTakesNaNAsEqualAndEverythingElseExactly) {
  const TaskRecord record{1, 2, Arm::status_quo, {kNaN, 0.5}};
  EXPECT_EQ(record, (TaskRecord{1, 2, Arm::status_quo, {kNaN, 0.5}}));
  EXPECT_NE(record, (TaskRecord{1, 2, Arm::status_quo, {kNaN, 0.5000000000000001}}));
  EXPECT_NE(record, (TaskRecord{1, 2, Arm::status_quo, {0.0, 0.5}}));
  EXPECT_NE(record, (TaskRecord{1, 2, Arm::control_tower, {kNaN, 0.5}}));
  EXPECT_NE(record, (TaskRecord{1, 3, Arm::status_quo, {kNaN, 0.5}}));
  EXPECT_NE(record, (TaskRecord{2, 2, Arm::status_quo, {kNaN, 0.5}}));
  EXPECT_NE(record, (TaskRecord{1, 2, Arm::status_quo, {kNaN}}));
}

TEST(Journal, ReadsBackTheExactRecordsInTheOrderWritten) {
  const fs::path file = fresh_scratch_dir() / "journal.csv";
  const std::vector<TaskRecord> written{
      {0, 0, Arm::status_quo, {0.1 + 0.2, kNaN, std::numeric_limits<double>::max()}},
      {0, 0, Arm::control_tower, {std::numeric_limits<double>::denorm_min(), -2.5, 1.0 / 3}},
      {12, 199, Arm::status_quo, {-0.0, 1e22, 0.95}},
  };
  {
    JournalWriter writer(file);
    for (const auto& record : written)
      writer.append(record);
  }
  const Journal journal = omnisim::read_journal(file, 3);
  EXPECT_EQ(journal.records, written);
  EXPECT_FALSE(journal.torn_tail);
}

TEST(Journal, AMissingFileIsAnEmptyJournal) {
  const Journal journal = omnisim::read_journal(fresh_scratch_dir() / "journal.csv", 2);
  EXPECT_TRUE(journal.records.empty());
  EXPECT_FALSE(journal.torn_tail);
}

TEST(Journal, ReopeningAppendsAfterWhatIsThere) {
  const fs::path file = fresh_scratch_dir() / "journal.csv";
  JournalWriter(file).append({0, 0, Arm::status_quo, {1, 2}});
  JournalWriter(file).append({0, 1, Arm::status_quo, {3, 4}});
  EXPECT_EQ(read_file(file), "0,0,status_quo,1,2\n0,1,status_quo,3,4\n");
}

TEST(Journal, AnUnterminatedLastLineIsIgnoredOnReadingAndCutOffOnReopening) {
  const fs::path file = fresh_scratch_dir() / "journal.csv";
  // What a kill in the middle of a write can leave.
  write_text(file, "0,0,status_quo,1,2\n0,0,contr");
  const Journal torn = omnisim::read_journal(file, 2);
  EXPECT_TRUE(torn.torn_tail);
  EXPECT_THAT(torn.records, ElementsAre(TaskRecord{0, 0, Arm::status_quo, {1, 2}}));

  JournalWriter(file).append({0, 0, Arm::control_tower, {3, 4}});
  EXPECT_EQ(read_file(file), "0,0,status_quo,1,2\n0,0,control_tower,3,4\n");
  EXPECT_FALSE(omnisim::read_journal(file, 2).torn_tail);
}

TEST(Journal, AFileThatIsOneUnterminatedLineIsCutToNothing) {
  const fs::path file = fresh_scratch_dir() / "journal.csv";
  // Longer than the writer's read-back chunk, so the search for the last line break spans chunks.
  write_text(file, "0,0,status_quo," + std::string(10000, '1'));
  JournalWriter(file).append({1, 0, Arm::status_quo, {5, 6}});
  EXPECT_EQ(read_file(file), "1,0,status_quo,5,6\n");
}

TEST(Journal, AnAppendedRecordSurvivesTheProcessBeingKilled) {
  const fs::path file = fresh_scratch_dir() / "journal.csv";
  const TaskRecord record{4, 2, Arm::control_tower, {0.25, kNaN}};
  // SIGKILL runs no destructors and flushes no buffers: only what reached the kernel is kept.
  EXPECT_EXIT(
      {
        JournalWriter writer(file);
        writer.append(record);
        std::raise(SIGKILL);
      },
      ::testing::KilledBySignal(SIGKILL), "");
  EXPECT_THAT(omnisim::read_journal(file, 2).records, ElementsAre(record));
}

TEST(Journal, AppendsFromManyThreadsNeverInterleave) {
  const fs::path file = fresh_scratch_dir() / "journal.csv";
  constexpr std::uint64_t kThreads = 4;
  constexpr std::uint64_t kRecordsEach = 250;
  // Long lines, so that interleaved writes would show as malformed or repeated lines.
  const std::vector<double> metrics(40, 0.123456789012345);
  {
    JournalWriter writer(file);
    std::vector<std::thread> threads;
    for (std::uint64_t t = 0; t < kThreads; ++t) {
      threads.emplace_back([&writer, &metrics, t] {
        for (std::uint64_t r = 0; r < kRecordsEach; ++r)
          writer.append({t, r, Arm::status_quo, metrics});
      });
    }
    for (auto& thread : threads)
      thread.join();
  }
  const Journal journal = omnisim::read_journal(file, metrics.size());
  EXPECT_EQ(journal.records.size(), kThreads * kRecordsEach);
  EXPECT_FALSE(journal.torn_tail);
}

TEST(Journal, AWriterThatCannotOpenItsFileNamesIt) {
  const fs::path file = fresh_scratch_dir() / "missing" / "journal.csv";
  try {
    JournalWriter writer(file);
    FAIL() << "expected an OutputError";
  } catch (const omnisim::OutputError& error) {
    EXPECT_THAT(error.what(), HasSubstr(file.string()));
  }
}

TEST(Journal, MalformedLinesAreNamedByFileAndLine) {
  const fs::path file = fresh_scratch_dir() / "journal.csv";
  const std::string good = "0,0,status_quo,1,2\n";
  const std::string at_line_2 = file.string() + ":2: ";
  EXPECT_EQ(reading_error(file, good + "0,1,status_quo,1\n"),
            at_line_2 + "expected 5 fields (point, replication, arm and 2 metrics), found 4");
  EXPECT_EQ(reading_error(file, good + "\n"),
            at_line_2 + "expected 5 fields (point, replication, arm and 2 metrics), found 1");
  EXPECT_EQ(reading_error(file, good + "x,1,status_quo,1,2\n"),
            at_line_2 + "the point 'x' is not a whole number");
  EXPECT_EQ(reading_error(file, good + "0,-1,status_quo,1,2\n"),
            at_line_2 + "the replication '-1' is not a whole number");
  EXPECT_EQ(reading_error(file, good + "0,1,tower,1,2\n"),
            at_line_2 + "unknown arm 'tower' (expected status_quo or control_tower)");
  EXPECT_EQ(reading_error(file, good + "0,1,status_quo,1,2x\n"),
            at_line_2 + "metric 2 '2x' is not a finite number");
  EXPECT_EQ(reading_error(file, good + "0,1,status_quo,nan,2\n"),
            at_line_2 + "metric 1 'nan' is not a finite number");
  EXPECT_EQ(reading_error(file, good + "0,1,status_quo,1e999,2\n"),
            at_line_2 + "metric 1 '1e999' is not a finite number");
}

TEST(Journal, ARepeatedTaskIsAnErrorNamingBothLines) {
  const fs::path file = fresh_scratch_dir() / "journal.csv";
  EXPECT_EQ(reading_error(file, "0,0,status_quo,1,2\n0,0,control_tower,1,2\n0,0,status_quo,1,2\n"),
            file.string() + ":3: point 0, replication 0, status_quo again (first on line 1)");
}

// The message of the UsageError that taking a lock on `dir` throws.
std::string locking_error(const fs::path& dir, StudyLock::Mode mode) {
  try {
    const StudyLock lock(dir, mode);
  } catch (const omnisim::UsageError& error) {
    return error.what();
  }
  return "no error";
}

TEST(StudyLock, ASecondLockIsRefusedAtOnceNamingTheDirectoryAndTheHolder) {
  const fs::path dir = fresh_scratch_dir();
  const StudyLock held(dir);
  const std::string refused = "another omnisim is working on '" + dir.string() + "' (pid " +
                              std::to_string(::getpid()) + "): wait for it to finish, or stop it";
  EXPECT_EQ(locking_error(dir, StudyLock::Mode::exclusive), refused);
  EXPECT_EQ(locking_error(dir, StudyLock::Mode::shared), refused);
}

TEST(StudyLock, AnotherProcessIsRefusedWhileItIsHeld) {
  const fs::path dir = fresh_scratch_dir();
  const StudyLock held(dir);
  const std::string pid = std::to_string(::getpid());
  EXPECT_EXIT(
      {
        std::cerr << locking_error(dir, StudyLock::Mode::exclusive);
        std::exit(2);
      },
      ::testing::ExitedWithCode(2), "another omnisim is working on .* \\(pid " + pid + "\\)");
}

TEST(StudyLock, SharedLocksGoTogetherButNotWithAnExclusiveOne) {
  const fs::path dir = fresh_scratch_dir();
  {
    const StudyLock first(dir, StudyLock::Mode::shared);
    EXPECT_EQ(locking_error(dir, StudyLock::Mode::shared), "no error");
    // A merge writes no pid: the refusal names none rather than a stale one.
    EXPECT_EQ(
        locking_error(dir, StudyLock::Mode::exclusive),
        "another omnisim is working on '" + dir.string() + "': wait for it to finish, or stop it");
  }
  EXPECT_EQ(locking_error(dir, StudyLock::Mode::exclusive), "no error");
}

TEST(StudyLock, IsLetGoAndItsFileRemovedWhenTheHolderIsDone) {
  const fs::path dir = fresh_scratch_dir();
  { const StudyLock held(dir); }
  EXPECT_FALSE(fs::exists(dir / omnisim::kStudyLockFile));
  EXPECT_EQ(locking_error(dir, StudyLock::Mode::exclusive), "no error");
}

TEST(StudyLock, AFileLeftByAKilledHolderStopsNobody) {
  const fs::path dir = fresh_scratch_dir();
  EXPECT_EXIT(
      {
        const StudyLock held(dir);
        std::raise(SIGKILL);
      },
      ::testing::KilledBySignal(SIGKILL), "");
  ASSERT_TRUE(fs::exists(dir / omnisim::kStudyLockFile));
  EXPECT_EQ(locking_error(dir, StudyLock::Mode::exclusive), "no error");
}

TEST(StudyLock, ASharedLockWhereNoLockFileCanBeMadeIsNotNeeded) {
  const fs::path dir = fresh_scratch_dir();
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
  if (::access(dir.c_str(), W_OK) == 0) GTEST_SKIP() << "running as root: permissions ignored";
  EXPECT_EQ(locking_error(dir, StudyLock::Mode::shared), "no error");
  EXPECT_THROW(StudyLock(dir, StudyLock::Mode::exclusive), omnisim::OutputError);
  fs::permissions(dir, fs::perms::owner_all);
}

}  // namespace
