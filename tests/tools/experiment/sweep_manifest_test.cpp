// The sweep manifest: its exact bytes (no clocks in them), a strict reader, and --resume's check
// that names the first option that differs.
#include "tools/experiment/sweep_manifest.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <string>

#include "tests/tools/scratch_dir.hpp"
#include "tools/results/errors.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using omnisim::Manifest;
using omnisim::SweepStatus;
using omnisim::testing::fresh_scratch_dir;
using omnisim::testing::read_file;
using ::testing::HasSubstr;

json definition() {
  return json::parse(R"({"scenario": "scenarios/half_live_promo.json", "reps": 200,
      "seed": 7, "grid": [{"path": "a", "values": [1, 2]}, {"path": "b", "values": [0.9, 0.95]}]})");
}

std::string usage_error(const std::function<void()>& action) {
  try {
    action();
  } catch (const omnisim::UsageError& error) {
    return error.what();
  }
  return "no error";
}

std::string reading_error(const fs::path& dir, const std::string& manifest_text) {
  std::ofstream(dir / "manifest.json") << manifest_text;
  return usage_error([&dir] { omnisim::read_manifest(dir); });
}

std::string definition_error(const json& recorded, const json& now) {
  return usage_error([&] { omnisim::check_same_definition(recorded, now, "--resume: the study"); });
}

TEST(SweepManifest, IsWrittenInAFixedLayoutWithoutClocks) {
  const fs::path dir = fresh_scratch_dir();
  omnisim::write_manifest(
      dir, {json{{"reps", 2}, {"grid", {0.9, 0.95}}}, SweepStatus::interrupted, 3, 8});
  EXPECT_EQ(read_file(dir / "manifest.json"), R"({
  "format": "omnisim-sweep-manifest",
  "version": 1,
  "definition": {
    "grid": [
      0.9,
      0.95
    ],
    "reps": 2
  },
  "status": "interrupted",
  "tasks_done": 3,
  "tasks_planned": 8
}
)");
}

TEST(SweepManifest, ReadsBackWhatWasWritten) {
  const fs::path dir = fresh_scratch_dir();
  for (const auto status :
       {SweepStatus::running, SweepStatus::interrupted, SweepStatus::complete}) {
    omnisim::write_manifest(dir, {definition(), status, 17, std::nullopt});
    const Manifest read = omnisim::read_manifest(dir);
    EXPECT_EQ(read.definition, definition());
    EXPECT_EQ(read.status, status);
    EXPECT_EQ(read.tasks_done, 17u);
    EXPECT_EQ(read.tasks_planned, std::nullopt);
  }
  omnisim::write_manifest(dir, {definition(), SweepStatus::complete, 400, 400});
  EXPECT_EQ(omnisim::read_manifest(dir).tasks_planned, 400u);
}

TEST(SweepManifest, RewritingTheReadManifestGivesTheSameBytes) {
  const fs::path first = fresh_scratch_dir() / "first";
  const fs::path second = first.parent_path() / "second";
  fs::create_directories(first);
  fs::create_directories(second);
  omnisim::write_manifest(first, {definition(), SweepStatus::running, 5, 10});
  omnisim::write_manifest(second, omnisim::read_manifest(first));
  EXPECT_EQ(read_file(second / "manifest.json"), read_file(first / "manifest.json"));
}

TEST(SweepManifest, ADirectoryWithoutOneIsNotASweepOutput) {
  const fs::path dir = fresh_scratch_dir();
  EXPECT_EQ(usage_error([&dir] { omnisim::read_manifest(dir); }),
            "'" + dir.string() + "' is not a sweep output directory: no manifest.json");
}

TEST(SweepManifest, AnythingButThisFormatAndVersionIsRefusedNamingTheFile) {
  const fs::path dir = fresh_scratch_dir();
  const std::string file = (dir / "manifest.json").string() + ": ";
  EXPECT_THAT(reading_error(dir, "{\"format\": "), HasSubstr(file + "not JSON ("));
  EXPECT_EQ(
      reading_error(dir, "[1, 2]"),
      file + "not an omnisim sweep manifest (it lacks \"format\": \"omnisim-sweep-manifest\")");
  EXPECT_EQ(
      reading_error(dir, R"({"format": "omnisim-summary", "version": 1})"),
      file + "not an omnisim sweep manifest (it lacks \"format\": \"omnisim-sweep-manifest\")");
  EXPECT_EQ(reading_error(dir, R"({"format": "omnisim-sweep-manifest", "version": 2})"),
            file + "manifest version 2, but this omnisim reads version 1");

  const std::string start = R"({"format": "omnisim-sweep-manifest", "version": 1, )";
  EXPECT_EQ(
      reading_error(dir, start + R"("status": "running", "tasks_done": 1, "tasks_planned": 2})"),
      file + "/definition: expected an object, but it is missing");
  EXPECT_EQ(
      reading_error(dir, start + R"("definition": {}, "status": "paused", "tasks_done": 1,
                                          "tasks_planned": 2})"),
      file + "/status: expected \"running\", \"interrupted\" or \"complete\", got \"paused\"");
  EXPECT_EQ(reading_error(dir, start + R"("definition": {}, "status": "running", "tasks_done": -1,
                                          "tasks_planned": 2})"),
            file + "/tasks_done: expected an unsigned integer, got -1");
  EXPECT_EQ(
      reading_error(dir, start + R"("definition": {}, "status": "running", "tasks_done": 1})"),
      file + "/tasks_planned: expected an unsigned integer, but it is missing");
}

TEST(SweepManifest, ADefinitionThatIsNotAnObjectIsRefused) {
  const fs::path dir = fresh_scratch_dir();
  EXPECT_EQ(reading_error(dir, R"({"format": "omnisim-sweep-manifest", "version": 1,
                                  "definition": [], "status": "running", "tasks_done": 1,
                                  "tasks_planned": 2})"),
            (dir / "manifest.json").string() + ": /definition: expected an object, got []");
}

// The message of the UsageError that `read` throws on the definition of a manifest in `dir`.
std::string definition_reading_error(
    const fs::path& dir, const json& stored,
    const std::function<void(const omnisim::DefinitionReader&)>& read) {
  omnisim::write_manifest(dir, {stored, SweepStatus::complete, 1, 1});
  const Manifest manifest = omnisim::read_manifest(dir);
  return usage_error([&] { read(omnisim::DefinitionReader(manifest, dir)); });
}

TEST(DefinitionReader, ReadsTypedValuesByPointer) {
  const fs::path dir = fresh_scratch_dir();
  omnisim::write_manifest(dir, {definition(), SweepStatus::complete, 1, 1});
  const Manifest manifest = omnisim::read_manifest(dir);
  const omnisim::DefinitionReader reader(manifest, dir);
  EXPECT_EQ(reader.text("/scenario"), "scenarios/half_live_promo.json");
  EXPECT_EQ(reader.whole_number("/seed"), 7u);
  EXPECT_EQ(reader.array_size("/grid"), 2u);
  EXPECT_EQ(reader.text("/grid/1/path"), "b");
  EXPECT_TRUE(reader.contains("/grid/0/values"));
  EXPECT_FALSE(reader.contains("/shard"));
}

TEST(DefinitionReader, AMissingKeyOrAWrongTypeIsRefusedNamingTheFileAndTheKey) {
  const fs::path dir = fresh_scratch_dir();
  const std::string file = (dir / "manifest.json").string() + ": /definition";
  json tampered = definition();
  tampered["seed"] = "abc";
  tampered["reps"] = 5000000000;
  tampered["overrides"] = {"a=1", 2};
  tampered.erase("scenario");
  EXPECT_EQ(definition_reading_error(dir, tampered,
                                     [](const auto& reader) { reader.whole_number("/seed"); }),
            file + "/seed: expected an unsigned integer, got \"abc\"");
  EXPECT_EQ(
      definition_reading_error(
          dir, tampered, [](const auto& reader) { reader.whole_number("/reps", UINT32_MAX); }),
      file + "/reps: expected an unsigned integer up to 4294967295, got 5000000000");
  EXPECT_EQ(
      definition_reading_error(dir, tampered, [](const auto& reader) { reader.text("/scenario"); }),
      file + "/scenario: expected a string, but it is missing");
  EXPECT_EQ(definition_reading_error(dir, tampered,
                                     [](const auto& reader) { reader.texts("/overrides"); }),
            file + "/overrides/1: expected a string, got 2");
  EXPECT_EQ(definition_reading_error(dir, tampered,
                                     [](const auto& reader) { reader.array_size("/grid/0/path"); }),
            file + "/grid/0/path: expected an array, got \"a\"");
  EXPECT_EQ(definition_reading_error(dir, tampered,
                                     [](const auto& reader) { reader.text("/grid/7/path"); }),
            file + "/grid/7/path: expected a string, but it is missing");
}

TEST(SameDefinition, PassesWhenEqualIncludingAfterAWriteAndReadBack) {
  const fs::path dir = fresh_scratch_dir();
  omnisim::write_manifest(dir, {definition(), SweepStatus::running, 0, 4});
  EXPECT_NO_THROW(omnisim::check_same_definition(omnisim::read_manifest(dir).definition,
                                                 definition(), "--resume"));
}

TEST(SameDefinition, NamesTheFirstDifferingListOfValuesWhole) {
  json now = definition();
  now["grid"][1]["values"][1] = 0.97;
  EXPECT_EQ(definition_error(definition(), now),
            "--resume: the study was started with a different /grid/1/values ([0.9,0.95] there, "
            "[0.9,0.97] now); rerun with the original options, or start a new study in another "
            "directory");
}

TEST(SameDefinition, NamesTheFirstDifferingKeyInKeyOrder) {
  json now = definition();
  now["seed"] = 8;
  now["reps"] = 100;
  EXPECT_THAT(definition_error(definition(), now),
              HasSubstr("different /reps (200 there, 100 now)"));
}

TEST(SameDefinition, NamesAKeyOnlyOneSideHas) {
  json now = definition();
  now["shard"] = "1/4";
  EXPECT_THAT(definition_error(definition(), now),
              HasSubstr("different /shard (absent there, \"1/4\" now)"));
  EXPECT_THAT(definition_error(now, definition()),
              HasSubstr("different /shard (\"1/4\" there, absent now)"));
}

TEST(SameDefinition, ShowsAListOfADifferentLengthWholeAndCutsLongValues) {
  json now = definition();
  now["grid"].push_back({{"path", "c"}, {"values", {1}}});
  const std::string error = definition_error(definition(), now);
  EXPECT_THAT(error, HasSubstr("different /grid ([{\"path\":\"a\""));
  EXPECT_THAT(error, HasSubstr("... now)"));
  EXPECT_THAT(definition_error(json::object(), json::array()),
              HasSubstr("different definition ({} there, [] now)"));
}

}  // namespace
