// Atomic writes: a reader sees the old file or the new one, never a part, and no temporary stays.
#include "tools/results/output_files.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "tests/tools/scratch_dir.hpp"
#include "tools/results/errors.hpp"

namespace {

namespace fs = std::filesystem;
using omnisim::testing::fresh_scratch_dir;
using omnisim::testing::listing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

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
  EXPECT_THAT(listing(out), ElementsAre("a.txt", "b.txt", "files.json"));
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

TEST(OutputDirectory, RefusesAnEmptyPathAndALinkToNothing) {
  const fs::path dir = fresh_scratch_dir();
  EXPECT_THROW(omnisim::check_output_directory("", true), omnisim::UsageError);
  fs::create_symlink(dir / "nowhere", dir / "link");
  try {
    omnisim::check_output_directory(dir / "link", true);
    FAIL() << "expected UsageError";
  } catch (const omnisim::UsageError& e) {
    EXPECT_THAT(e.what(), HasSubstr("is a symbolic link to"));
    EXPECT_THAT(e.what(), HasSubstr("which does not exist"));
  }
}

TEST(OutputDirectory, ALocationThatCannotBeWrittenIsFoundBeforeAnyWork) {
  // /proc refuses new files even to root, unlike a directory without write permission.
  try {
    omnisim::check_output_writable("/proc/omnisim-out/run");
    FAIL() << "expected UsageError";
  } catch (const omnisim::UsageError& e) {
    EXPECT_THAT(e.what(), HasSubstr("cannot write output directory '/proc/omnisim-out/run'"));
    EXPECT_THAT(e.what(), HasSubstr("in '/proc'"));
  }
  const fs::path dir = fresh_scratch_dir();
  EXPECT_NO_THROW(omnisim::check_output_writable(dir / "a" / "b"));
  EXPECT_TRUE(listing(dir).empty());  // the probe is gone
}

const std::vector<std::string> kNames = {"a.txt", "b.txt", "c.txt"};

TEST(OutputSet, NothingIsVisibleBeforeCommit) {
  const fs::path dir = fresh_scratch_dir();
  omnisim::OutputSet set(dir / "run", false, kNames);
  set.add("a.txt", text("a"));
  EXPECT_FALSE(fs::exists(dir / "run"));
  set.commit();
  EXPECT_THAT(listing(dir / "run"), ElementsAre("a.txt", "files.json"));
  // No lock, staging directory or probe left beside it.
  EXPECT_THAT(listing(dir), ElementsAre("run"));
}

TEST(OutputSet, ForceReplacesTheWholeEarlierSet) {
  const fs::path dir = fresh_scratch_dir();
  const fs::path out = dir / "run";
  omnisim::write_output_directory(out, false, {{"a.txt", text("old a")}, {"b.txt", text("old b")}});
  std::ofstream(out / "report.html") << "old report";
  {
    omnisim::OutputSet set(out, true, kNames);
    set.add("a.txt", text("new a"));
    EXPECT_EQ(read(out / "a.txt"), "old a");  // until the new set is complete
    set.commit();
  }
  // Nothing of the earlier run stays beside the new one, report.html included.
  EXPECT_THAT(listing(out), ElementsAre("a.txt", "files.json"));
  EXPECT_EQ(read(out / "a.txt"), "new a");
  EXPECT_THAT(listing(dir), ElementsAre("run"));
}

TEST(OutputSet, AFailedSetLeavesTheEarlierOneWholeAndNoTemporary) {
  const fs::path dir = fresh_scratch_dir();
  const fs::path out = dir / "run";
  omnisim::write_output_directory(out, false, {{"a.txt", text("old a")}, {"b.txt", text("old b")}});
  const std::string listing_before = read(out / "files.json");
  const auto failing = [](std::ostream& file) {
    file << std::string(200000, 'x');
    throw omnisim::OutputError("disk full");
  };
  EXPECT_THROW(
      omnisim::write_output_directory(out, true, {{"a.txt", text("new a")}, {"b.txt", failing}}),
      omnisim::OutputError);
  EXPECT_EQ(read(out / "a.txt"), "old a");
  EXPECT_EQ(read(out / "b.txt"), "old b");
  EXPECT_EQ(read(out / "files.json"), listing_before);
  EXPECT_THAT(listing(dir), ElementsAre("run"));
}

TEST(OutputSet, ASecondWriterOfTheSameDirectoryIsRefused) {
  const fs::path dir = fresh_scratch_dir();
  omnisim::OutputSet first(dir / "run", false, kNames);
  try {
    omnisim::OutputSet second(dir / "run", true, kNames);
    FAIL() << "expected UsageError";
  } catch (const omnisim::UsageError& e) {
    EXPECT_THAT(e.what(), HasSubstr("another omnisim is writing to"));
  }
  first.add("a.txt", text("first"));
  first.commit();
  EXPECT_EQ(read(dir / "run" / "a.txt"), "first");
  // Released with the commit: the next run may start.
  EXPECT_NO_THROW(omnisim::OutputSet(dir / "run", true, kNames));
}

TEST(OutputSet, RemovesTheTemporariesOfARunThatDied) {
  const fs::path dir = fresh_scratch_dir();
  fs::create_directories(dir / ".run.omnisim-tmp-4194304-0123456789abcdef");
  std::ofstream(dir / ".run.omnisim-tmp-4194304-0123456789abcdef" / "summary.json") << "{}";
  fs::create_directories(dir / ".other.omnisim-tmp-4194304-0123456789abcdef");
  omnisim::OutputSet set(dir / "run", false, kNames);
  EXPECT_FALSE(fs::exists(dir / ".run.omnisim-tmp-4194304-0123456789abcdef"));
  // Another directory's temporaries are its own run's business.
  EXPECT_TRUE(fs::exists(dir / ".other.omnisim-tmp-4194304-0123456789abcdef"));
}

TEST(OutputSet, ThroughASymbolicLinkReplacesTheDirectoryItNames) {
  const fs::path dir = fresh_scratch_dir();
  omnisim::write_output_directory(dir / "real", false, {{"a.txt", text("old")}});
  fs::create_directory_symlink("real", dir / "link");
  omnisim::write_output_directory(dir / "link", true, {{"a.txt", text("new")}});
  EXPECT_TRUE(fs::is_symlink(dir / "link"));
  EXPECT_EQ(read(dir / "real" / "a.txt"), "new");
}

TEST(OutputSet, ForceNeverRemovesFilesItDidNotWrite) {
  const fs::path dir = fresh_scratch_dir();
  std::ofstream(dir / "notes.txt") << "mine";
  fs::create_directory(dir / "data");
  try {
    omnisim::OutputSet set(dir, true, kNames);
    FAIL() << "expected UsageError";
  } catch (const omnisim::UsageError& e) {
    EXPECT_THAT(e.what(), HasSubstr("holds files omnisim did not write there (data, notes.txt)"));
  }
  EXPECT_THAT(listing(dir), ElementsAre("data", "notes.txt"));
}

TEST(VerifyOutputSet, AcceptsTheSetAsWrittenAndReturnsItsRunId) {
  const fs::path dir = fresh_scratch_dir();
  std::string id;
  {
    omnisim::OutputSet set(dir / "run", false, kNames);
    id = set.run_id();
    set.add("a.txt", text("a"));
    set.add("b.txt", text("b"));
    set.commit();
  }
  EXPECT_THAT(id, ::testing::MatchesRegex("[0-9a-f]{32}"));
  EXPECT_EQ(omnisim::verify_output_set(dir / "run", {"a.txt", "b.txt"}), id);
  const auto listing_json = nlohmann::json::parse(read(dir / "run" / "files.json"));
  EXPECT_EQ(listing_json["run_id"], id);
  EXPECT_EQ(listing_json["files"][0]["name"], "a.txt");
  EXPECT_EQ(listing_json["files"][0]["bytes"], 1);
  // sha256("a")
  EXPECT_EQ(listing_json["files"][0]["sha256"],
            "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
}

std::string refusal(const fs::path& dir, const std::vector<std::string>& required) {
  try {
    omnisim::verify_output_set(dir, required);
  } catch (const omnisim::UsageError& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(VerifyOutputSet, RefusesFilesOfAnotherRunAndNamesThem) {
  const fs::path dir = fresh_scratch_dir();
  omnisim::write_output_directory(dir / "one", false, {{"a.txt", text("1")}, {"b.txt", text("b")}});
  omnisim::write_output_directory(dir / "two", false, {{"a.txt", text("2")}, {"b.txt", text("b")}});
  fs::copy_file(dir / "two" / "a.txt", dir / "one" / "a.txt", fs::copy_options::overwrite_existing);
  EXPECT_THAT(refusal(dir / "one", {}),
              HasSubstr("does not hold the files of one run: a.txt differs"));
  fs::remove(dir / "one" / "b.txt");
  EXPECT_THAT(refusal(dir / "one", {}), HasSubstr("b.txt is missing"));
  EXPECT_THAT(refusal(dir / "two", {"a.txt", "c.txt"}), HasSubstr("c.txt is not listed"));
  fs::remove(dir / "two" / "files.json");
  EXPECT_THAT(refusal(dir / "two", {}), HasSubstr("has no files.json"));
}

}  // namespace
