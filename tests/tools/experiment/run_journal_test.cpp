// omnisim run --resume: what an interrupted run saved is not run again, a resumed run writes
// what an uninterrupted one does, and the journal stays out of the output set.
#include "tools/experiment/run_journal.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "models/scenario/loader.hpp"
#include "tests/tools/cli_capture.hpp"
#include "tests/tools/scratch_dir.hpp"

namespace omnisim {
namespace {

namespace fs = std::filesystem;
using retail::Arm;
using testing::CliResult;
using testing::fresh_scratch_dir;
using testing::listing;
using testing::omnisim_cli;
using testing::read_file;

const std::string kScenario = std::string(OMNISIM_SOURCE_DIR) + "/tests/data/small_with_rules.json";
const std::vector<std::string> kOverrides = {"horizon_days=14"};
const std::vector<Arm> kArms = {Arm::status_quo, Arm::control_tower};
constexpr std::uint32_t kReplications = 3;
// The files that hold no wall time (summary.json does).
const std::vector<std::string> kResultFiles = {"replications.csv", "timeseries.csv",
                                               "inventory.csv", "open_orders.csv", "decisions.csv"};

CliResult run(const fs::path& out, std::vector<std::string> more = {}) {
  std::vector<std::string> args = {
      "run",       kScenario, "--set", kOverrides.front(), "--reps", std::to_string(kReplications),
      "--threads", "2",       "--out", out.string()};
  args.insert(args.end(), more.begin(), more.end());
  return omnisim_cli(args);
}

retail::Scenario scenario(std::uint64_t seed_offset = 0) {
  retail::Scenario loaded = retail::load_scenario(kScenario, kOverrides).scenario;
  loaded.replications = kReplications;
  loaded.seed += seed_offset;
  return loaded;
}

// What a run killed after `saved` of its tasks (task k: replication k / 2, arm k % 2) leaves.
void leave_interrupted_run(const fs::path& out, std::uint64_t saved,
                           const retail::Scenario& ran = scenario()) {
  RunJournal journal(out, run_definition(kScenario, kOverrides, scenario(), kArms),
                     kReplications * kArms.size(), false, false);
  for (std::uint64_t k = 0; k < saved; ++k)
    journal.save(k, retail::run_replication(ran, k / 2, 1, kArms[k % 2]));
}

TEST(RunResume, FinishesWithTheFilesOfAnUninterruptedRunAndRemovesTheJournal) {
  const fs::path dir = fresh_scratch_dir();
  ASSERT_EQ(run(dir / "whole").status, 0);
  EXPECT_FALSE(fs::exists(RunJournal::directory_of(dir / "whole")));
  EXPECT_EQ(listing(dir), std::vector<std::string>{"whole"});

  leave_interrupted_run(dir / "killed", 5);
  const auto resumed = run(dir / "killed", {"--resume"});
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  for (const std::string& name : kResultFiles)
    EXPECT_EQ(read_file(dir / "killed" / name), read_file(dir / "whole" / name)) << name;
  EXPECT_EQ(listing(dir), (std::vector<std::string>{"killed", "whole"}));
}

TEST(RunResume, TakesTheSavedReplicationsInsteadOfRunningThemAgain) {
  const fs::path dir = fresh_scratch_dir();
  ASSERT_EQ(run(dir / "whole").status, 0);
  // Saved results of another seed: only a run that took them from the journal shows them.
  leave_interrupted_run(dir / "resumed", 2, scenario(1));
  ASSERT_EQ(run(dir / "resumed", {"--resume"}).status, 0);
  const std::vector<std::string> whole = testing::lines(read_file(dir / "whole/replications.csv"));
  const std::vector<std::string> resumed =
      testing::lines(read_file(dir / "resumed/replications.csv"));
  ASSERT_EQ(resumed.size(), whole.size());
  EXPECT_NE(resumed[1], whole[1]);  // replication 0, both arms
  EXPECT_NE(resumed[2], whole[2]);
  for (std::size_t row = 3; row < whole.size(); ++row)
    EXPECT_EQ(resumed[row], whole[row]) << row;
}

TEST(RunResume, ASavedRunIsRefusedWithoutResumeAndForceStartsOver) {
  const fs::path out = fresh_scratch_dir() / "run";
  leave_interrupted_run(out, 2);
  const auto refused = run(out);
  EXPECT_EQ(refused.status, 2);
  EXPECT_NE(refused.err.find("an interrupted run of '" + out.string() + "' is saved in " +
                             RunJournal::directory_of(out).string() +
                             ": add --resume to finish it, or --force to start over"),
            std::string::npos)
      << refused.err;
  EXPECT_FALSE(fs::exists(out));
  ASSERT_EQ(run(out, {"--force"}).status, 0);
  EXPECT_FALSE(fs::exists(RunJournal::directory_of(out)));
}

TEST(RunResume, RefusesADifferentRunNothingSavedOrAnotherOmnisimAtWork) {
  const fs::path out = fresh_scratch_dir() / "run";
  const auto nothing = run(out, {"--resume"});
  EXPECT_EQ(nothing.status, 2);
  EXPECT_NE(nothing.err.find("no interrupted run of '" + out.string() + "' to finish"),
            std::string::npos)
      << nothing.err;

  leave_interrupted_run(out, 2);
  const auto different = run(out, {"--resume", "--seed", "99"});
  EXPECT_EQ(different.status, 2);
  EXPECT_NE(different.err.find("was started with a different /seed"), std::string::npos)
      << different.err;
  {
    const StudyLock other(RunJournal::directory_of(out));
    const auto busy = run(out, {"--resume"});
    EXPECT_EQ(busy.status, 2);
    EXPECT_NE(
        busy.err.find("another omnisim is working on '" + RunJournal::directory_of(out).string() +
                      "' (pid " + std::to_string(::getpid()) + ")"),
        std::string::npos)
        << busy.err;
  }
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(run(out, {"--resume"}).status, 0);
}

TEST(RunResume, ARecordThatIsNotOneOfTheRunsIsRefusedNamingIt) {
  const fs::path out = fresh_scratch_dir() / "run";
  leave_interrupted_run(out, 1);
  const fs::path journal = RunJournal::directory_of(out);
  fs::copy_file(journal / "0.replication", journal / "6.replication");
  const auto beyond = run(out, {"--resume"});
  EXPECT_EQ(beyond.status, 2);
  EXPECT_NE(beyond.err.find((journal / "6.replication").string() +
                            ": task 6, but the run has 6; this journal is not this run's"),
            std::string::npos)
      << beyond.err;
  fs::remove(journal / "6.replication");
}

// What a power cut can leave of a record that was not synced: run again, not trusted.
TEST(RunResume, ARecordThatDoesNotDecodeIsRunAgain) {
  const fs::path dir = fresh_scratch_dir();
  ASSERT_EQ(run(dir / "whole").status, 0);
  leave_interrupted_run(dir / "cut", 2);
  const fs::path journal = RunJournal::directory_of(dir / "cut");
  const std::string record = read_file(journal / "1.replication");
  std::ofstream(journal / "1.replication", std::ios::trunc) << record.substr(0, record.size() / 2);
  std::ofstream(journal / "0.replication", std::ios::trunc) << std::string(record.size(), '\0');
  const auto resumed = run(dir / "cut", {"--resume"});
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  for (const std::string& name : kResultFiles)
    EXPECT_EQ(read_file(dir / "cut" / name), read_file(dir / "whole" / name)) << name;
}

TEST(RunResume, AJournalThatCannotBeMadeStopsTheRunBeforeItStarts) {
  // The output location is fine; a file stands where the journal's directory would go.
  const fs::path out = fresh_scratch_dir() / "run";
  std::ofstream(RunJournal::directory_of(out)) << "not a directory";
  const auto result = run(out);
  EXPECT_EQ(result.status, 1);
  EXPECT_NE(result.err.find("cannot create the journal of the run, '" +
                            RunJournal::directory_of(out).string() + "'"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(result.out, "");  // no replication ran
}

TEST(RunJournal, LivesBesideTheOutputDirectory) {
  EXPECT_EQ(RunJournal::directory_of("results/promo"), fs::path("results/.promo.journal"));
  EXPECT_EQ(RunJournal::directory_of("results/promo/"), fs::path("results/.promo.journal"));
  EXPECT_EQ(RunJournal::directory_of("promo"), fs::path(".promo.journal"));
}

}  // namespace
}  // namespace omnisim
