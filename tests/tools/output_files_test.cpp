// Atomic writes: a reader sees the old file or the new one, never a part, and no temporary stays.
#include "tools/output_files.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "scratch_dir.hpp"
#include "tools/errors.hpp"

namespace {

namespace fs = std::filesystem;
using omnisim::testing::fresh_scratch_dir;
using omnisim::testing::listing;
using ::testing::ElementsAre;

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

omnisim::FileWriter text(const std::string& content) {
  return [content](std::ostream& out) { out << content; };
}

TEST(AtomicWrite, CreatesAndReplacesFiles) {
  const fs::path dir = fresh_scratch_dir();
  omnisim::write_file_atomically(dir / "a.txt", text("first\n"));
  EXPECT_EQ(read(dir / "a.txt"), "first\n");
  omnisim::write_file_atomically(dir / "a.txt", text("second\n"));
  EXPECT_EQ(read(dir / "a.txt"), "second\n");
  EXPECT_THAT(listing(dir), ElementsAre("a.txt"));
}

TEST(AtomicWrite, LargeContentArrivesWhole) {
  // Larger than the writer's buffer, so it is flushed several times before the rename.
  const fs::path dir = fresh_scratch_dir();
  std::string content;
  for (int i = 0; i < 100000; ++i)
    content += std::to_string(i) + "\n";
  omnisim::write_file_atomically(dir / "big.txt", text(content));
  EXPECT_EQ(read(dir / "big.txt"), content);
}

TEST(AtomicWrite, AFailingWriterLeavesTheOldFileAndNoTemporary) {
  const fs::path dir = fresh_scratch_dir();
  omnisim::write_file_atomically(dir / "a.txt", text("intact\n"));
  const auto failing = [](std::ostream& out) {
    out << std::string(200000, 'x');  // past the buffer: part of it has reached the disk
    throw std::runtime_error("writer failed half-way");
  };
  EXPECT_THROW(omnisim::write_file_atomically(dir / "a.txt", failing), std::runtime_error);
  EXPECT_EQ(read(dir / "a.txt"), "intact\n");
  EXPECT_THAT(listing(dir), ElementsAre("a.txt"));
}

TEST(AtomicWrite, AFailingWriterCreatesNothing) {
  const fs::path dir = fresh_scratch_dir();
  const auto failing = [](std::ostream& out) {
    out << "partial";
    throw std::runtime_error("writer failed");
  };
  EXPECT_THROW(omnisim::write_file_atomically(dir / "new.txt", failing), std::runtime_error);
  EXPECT_TRUE(listing(dir).empty());
}

TEST(AtomicWrite, AFailedRenameLeavesNoTemporary) {
  // A non-empty directory cannot be replaced by a file: the last step fails.
  const fs::path dir = fresh_scratch_dir();
  fs::create_directory(dir / "taken");
  omnisim::write_file_atomically(dir / "taken" / "inside.txt", text("keep\n"));
  EXPECT_THROW(omnisim::write_file_atomically(dir / "taken", text("new\n")), omnisim::OutputError);
  EXPECT_THAT(listing(dir), ElementsAre("taken"));
  EXPECT_EQ(read(dir / "taken" / "inside.txt"), "keep\n");
}

TEST(AtomicWrite, AMissingDirectoryIsAnOutputErrorNamingTheFile) {
  const fs::path dir = fresh_scratch_dir();
  try {
    omnisim::write_file_atomically(dir / "missing" / "a.txt", text("x"));
    FAIL() << "expected OutputError";
  } catch (const omnisim::OutputError& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("missing/a.txt"));
  }
  EXPECT_TRUE(listing(dir).empty());
}

TEST(OutputDirectory, AcceptsMissingOrEmptyAndRefusesNonEmptyWithoutForce) {
  const fs::path dir = fresh_scratch_dir();
  EXPECT_NO_THROW(omnisim::check_output_directory(dir / "missing", false));
  EXPECT_NO_THROW(omnisim::check_output_directory(dir, false));
  omnisim::write_file_atomically(dir / "old.txt", text("old"));
  EXPECT_THROW(omnisim::check_output_directory(dir, false), omnisim::UsageError);
  EXPECT_NO_THROW(omnisim::check_output_directory(dir, true));
  EXPECT_THROW(omnisim::check_output_directory(dir / "old.txt", true), omnisim::UsageError);
}

TEST(OutputDirectory, WritesEveryFileIntoANewDirectory) {
  const fs::path out = fresh_scratch_dir() / "nested" / "run";
  omnisim::write_output_directory(out, false, {{"a.txt", text("a")}, {"b.txt", text("b")}});
  EXPECT_THAT(listing(out), ElementsAre("a.txt", "b.txt"));
  EXPECT_EQ(read(out / "b.txt"), "b");
}

TEST(OutputDirectory, ADirectoryCreatedForAFailedWriteIsRemoved) {
  const fs::path dir = fresh_scratch_dir();
  const auto failing = [](std::ostream&) { throw std::runtime_error("second file failed"); };
  EXPECT_THROW(omnisim::write_output_directory(dir / "run", false,
                                               {{"a.txt", text("a")}, {"b.txt", failing}}),
               std::runtime_error);
  EXPECT_TRUE(listing(dir).empty());
}

TEST(OutputDirectory, ForceReplacesAnEarlierRunsFiles) {
  const fs::path dir = fresh_scratch_dir();
  omnisim::write_output_directory(dir, false, {{"a.txt", text("old")}});
  EXPECT_THROW(omnisim::write_output_directory(dir, false, {{"a.txt", text("new")}}),
               omnisim::UsageError);
  EXPECT_EQ(read(dir / "a.txt"), "old");
  omnisim::write_output_directory(dir, true, {{"a.txt", text("new")}});
  EXPECT_EQ(read(dir / "a.txt"), "new");
}

}  // namespace
