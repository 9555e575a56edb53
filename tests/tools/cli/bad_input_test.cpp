// The bad-input corpus (tests/data/bad, each file's expected error in its expected.json) and
// generated extremes (deep nesting, huge files, too many stores) through the command line: each
// is refused with exit status 2, an error naming where and what, and nothing written.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/tools/cli_capture.hpp"
#include "tests/tools/scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using omnisim::testing::CliResult;
using omnisim::testing::fresh_scratch_dir;
using omnisim::testing::omnisim_cli;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const fs::path kCorpus = BAD_INPUT_DIR;
const std::string kSmall = std::string(OMNISIM_SOURCE_DIR) + "/scenarios/examples/small.json";

struct BadInput {
  std::string file;
  std::string at;    // the JSON pointer, "line N" of a syntax error, or the file at fault
  std::string says;  // a phrase of the problem
};

std::vector<BadInput> manifest() {
  std::ifstream in(kCorpus / "expected.json");
  const auto expected = nlohmann::json::parse(in);
  std::vector<BadInput> corpus;
  for (const auto& [file, error] : expected.items())
    corpus.push_back({file, error.at("at"), error.at("says")});
  return corpus;
}

// Whether `err` names `at` as a location: as a whole word (after a space or a slash) followed by
// the ':' of a message or the ',' of "line N, column C", so /a does not match /a/b or line 3
// line 31.
bool names_location(const std::string& err, const std::string& at) {
  for (std::size_t i = err.find(at); i != std::string::npos; i = err.find(at, i + 1)) {
    const std::size_t end = i + at.size();
    if (i > 0 && (err[i - 1] == ' ' || err[i - 1] == '/') && end < err.size() &&
        (err[end] == ':' || err[end] == ','))
      return true;
  }
  return false;
}

void expect_refused(const CliResult& result, const BadInput& bad) {
  EXPECT_EQ(result.status, 2) << result.err;
  EXPECT_THAT(result.err, StartsWith("omnisim: error: "));
  EXPECT_TRUE(names_location(result.err, bad.at)) << "expected " << bad.at << " in " << result.err;
  EXPECT_THAT(result.err, HasSubstr(bad.says));
  EXPECT_EQ(result.out, "");
}

class BadInputCorpus : public ::testing::TestWithParam<BadInput> {};

TEST_P(BadInputCorpus, RunRefusesItAndWritesNothing) {
  const BadInput& bad = GetParam();
  const fs::path out = fresh_scratch_dir() / "out";
  expect_refused(omnisim_cli({"run", (kCorpus / bad.file).string(), "--out", out.string()}), bad);
  EXPECT_FALSE(fs::exists(out));
}

TEST_P(BadInputCorpus, ValidateRefusesIt) {
  const BadInput& bad = GetParam();
  expect_refused(omnisim_cli({"validate", (kCorpus / bad.file).string()}), bad);
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInputCorpus, ::testing::ValuesIn(manifest()),
                         [](const ::testing::TestParamInfo<BadInput>& info) {
                           std::string name = fs::path(info.param.file).stem().string();
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

TEST(BadInputManifest, CoversEveryFileOfTheCorpus) {
  std::set<std::string> listed;
  for (const BadInput& bad : manifest())
    listed.insert(bad.file);
  std::set<std::string> files;
  for (const auto& entry : fs::directory_iterator(kCorpus))
    if (entry.path().extension() == ".json" && entry.path().filename() != "expected.json")
      files.insert(entry.path().filename().string());
  EXPECT_EQ(files, listed);
  EXPECT_GE(files.size(), 45u);
}

// Generated inputs, too big or too repetitive to commit, each written to the test's scratch
// directory and refused like the corpus.
class GeneratedBadInput : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = fresh_scratch_dir(); }
  void TearDown() override {
    // Some are tens of megabytes: not worth keeping for inspection.
    if (!file_.empty()) fs::remove(file_);
  }
  CliResult run(const std::string& name, const std::string& content) {
    file_ = dir_ / name;
    std::ofstream(file_, std::ios::binary) << content;
    const CliResult result = omnisim_cli({"run", file_.string(), "--out", (dir_ / "out").string()});
    EXPECT_FALSE(fs::exists(dir_ / "out"));
    return result;
  }
  static std::string extending_small(const std::string& members) {
    return "{\"extends\": " + nlohmann::json(kSmall).dump() + ", " + members + "}";
  }

  fs::path dir_;
  fs::path file_;
};

TEST_F(GeneratedBadInput, DeepNestingIsRefusedWithoutExhaustingMemoryOrStack) {
  // Unbounded, each level cost memory quadratic in the depth: 100,000 levels took 23 GB.
  constexpr std::size_t kDepth = 100'000;
  const std::string too_deep = "nesting deeper than 64 levels";
  std::string first_64_arrays;
  for (int level = 0; level < 64; ++level)
    first_64_arrays += "/0";
  const std::string arrays = std::string(kDepth, '[') + std::string(kDepth, ']');
  expect_refused(run("deep_arrays.json", arrays), {"", first_64_arrays, too_deep});
  expect_refused(run("deep_unclosed.json", std::string(kDepth, '[')),
                 {"", first_64_arrays, too_deep});

  std::string objects;
  for (std::size_t i = 0; i < kDepth; ++i)
    objects += "{\"a\": ";
  objects += "1" + std::string(kDepth, '}');
  // The scenario is level 0 and kpi level 1, so the 64th level is the 63rd "a".
  std::string kpi_and_63_objects = "/kpi";
  for (int level = 0; level < 63; ++level)
    kpi_and_63_objects += "/a";
  expect_refused(run("deep_objects.json", extending_small("\"kpi\": " + objects)),
                 {"", kpi_and_63_objects, too_deep});
}

TEST_F(GeneratedBadInput, DeepOverrideIsRefused) {
  const std::string value = std::string(10'000, '[') + std::string(10'000, ']');
  const CliResult result = omnisim_cli({"validate", kSmall, "--set", "kpi=" + value});
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, StartsWith("omnisim: error: --set \"kpi=[[[["));
  EXPECT_THAT(result.err, HasSubstr("the value has nesting deeper than 64 levels"));
}

TEST_F(GeneratedBadInput, HugeStringGivesAShortMessage) {
  const std::string name(50 << 20, 'x');
  const CliResult result = run("huge_name.json", extending_small("\"name\": \"" + name + "\""));
  expect_refused(result, {"", "/name", "is not a valid name"});
  EXPECT_LT(result.err.size(), 500u);
}

TEST_F(GeneratedBadInput, HugeUnknownKeyGivesAShortMessage) {
  // The key is both in the pointer and in the message; each is shortened.
  const std::string key(8 << 20, 'k');
  const CliResult result = run("huge_key.json", extending_small("\"" + key + "\": 1"));
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, HasSubstr("unknown field \"kkkk"));
  EXPECT_LT(result.err.size(), 1000u);
}

TEST_F(GeneratedBadInput, TooManyStoresAreRefusedByCount) {
  std::string stores;
  for (int i = 0; i <= 100'000; ++i)
    stores +=
        (i ? ",{\"name\":\"s" : "{\"name\":\"s") + std::to_string(i) + "\",\"zone\":\"north\"}";
  expect_refused(
      run("too_many_stores.json", extending_small("\"network\": {\"stores\": [" + stores + "]}")),
      {"", "/network/stores", "at most 100000 stores are supported"});
}

TEST_F(GeneratedBadInput, LongArraysOfObjectsAreCheckedInLinearTime) {
  // nlohmann's parser with a callback rescans an array at each object in it: a million SKUs took
  // minutes to be refused. Checked in a separate pass instead, they take well under a second.
  std::string skus = "{}";
  for (int i = 0; i < 1'000'000; ++i)
    skus += ",{}";
  const auto start = std::chrono::steady_clock::now();
  expect_refused(
      run("million_skus.json", extending_small("\"catalog\": {\"skus\": [" + skus + "]}")),
      {"", "/catalog/skus", "at most 1000000 SKUs are supported"});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
}

// An --out that cannot take the results is found while planning, not after every replication
// (whose results would then be lost): for run, sweep and merge alike.
std::vector<std::vector<std::string>> commands_writing(const std::string& out) {
  const std::string with_rules =
      std::string(OMNISIM_SOURCE_DIR) + "/tests/data/small_with_rules.json";
  return {{"run", kSmall, "--reps", "2", "--out", out},
          {"sweep", with_rules, "--grid", "control_tower.rules.0.threshold=0,0.05", "--reps", "2",
           "--out", out},
          {"merge", "no-such-shard", "--out", out}};
}

TEST(BadOutputLocation, IsRefusedBeforeAnyRuns) {
  const fs::path dir = fresh_scratch_dir();
  fs::create_symlink(dir / "nowhere", dir / "dangling");
  std::ofstream(dir / "a-file") << "x";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "is an empty path"},
      {(dir / "dangling").string(), "is a symbolic link to"},
      {(dir / "a-file" / "out").string(), "is not a directory"},
      // /proc takes no new files, even from root (for whom permissions do not stop a write).
      {"/proc/omnisim-out", "cannot write output directory '/proc/omnisim-out'"}};
  for (const auto& [out, says] : cases) {
    for (const auto& args : commands_writing(out)) {
      const CliResult result = omnisim_cli(args);
      EXPECT_EQ(result.status, 2) << args[0] << " --out '" << out << "': " << result.err;
      EXPECT_THAT(result.err, HasSubstr(says)) << args[0] << " --out '" << out << "'";
      // Nothing ran: no table, no progress.
      EXPECT_EQ(result.out, "") << args[0];
    }
  }
  EXPECT_FALSE(fs::exists(dir / "nowhere"));
}

}  // namespace
